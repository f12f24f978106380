/**
 * Shapes of the /api/v1 bodies the console reads, mirroring the server's TypeBox schemas
 * (packages/server/src/schemas/*.schema.ts; OpenAPI at /docs). Keep them in step with those.
 */

import type { ApiScope, Role } from '@pubcredit/domain/access';

export { ROLES } from '@pubcredit/domain/access';
export type { Role } from '@pubcredit/domain/access';

/** The signed-in staff member (login and session responses). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** 角色中文名. */
  roleName: string;
  /** 统一社会信用代码 of the user's 信源部门; null for platform roles. */
  departmentUscc: string | null;
  /** That department's registered name (null for platform roles). */
  departmentName: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

/** Login, session and password-change answers (SessionSchema). */
export interface Session {
  user: SessionUser;
  /** Sent back as X-CSRF-Token on unsafe methods. */
  csrfToken: string;
  /** The session's absolute end (there is also an idle timeout). */
  expiresAt: string;
}

/** A staff account as the administrator lists it (UserSchema). */
export interface User extends SessionUser {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserList {
  users: User[];
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentUscc?: string;
}

/** A new or reset account: the one-time password is shown once, never stored by the console. */
export interface UserWithPassword {
  user: User;
  password: string;
}

export interface Department {
  uscc: string;
  name: string;
  createdAt?: string;
}

export interface DepartmentList {
  departments: Department[];
}

export { API_SCOPES } from '@pubcredit/domain/access';
export type { ApiScope } from '@pubcredit/domain/access';

export interface ApiKey {
  id: string;
  departmentUscc: string | null;
  /** The department's registered name (null for a system key). */
  departmentName: string | null;
  systemName: string | null;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

export interface ApiKeyList {
  apiKeys: ApiKey[];
}

export interface CreateApiKeyInput {
  departmentUscc?: string;
  systemName?: string;
  scopes: ApiScope[];
}

export interface CreatedApiKey {
  id: string;
  key: string;
}

/** One problem of one row (RowIssueSchema). */
export interface RowIssue {
  /** Row in the sheet, the header being row 1. */
  row: number;
  /** Field code of the catalogue. */
  field: string;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

export interface BatchLinks {
  self: string;
  issues: string;
  rejectedCsv: string;
  rejectedXlsx: string;
}

/** The answer to an upload (ImportResultSchema). */
export interface ImportResult {
  batchId: string | null;
  catalog: string;
  dryRun: boolean;
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: RowIssue[];
  issuesTotal: number;
  links: BatchLinks | null;
}

/** A stored batch (BatchSchema). */
export interface Batch {
  batchId: string;
  catalog: string;
  edition: string;
  sourceDept: string;
  /** The department's registered name. */
  sourceDeptName: string | null;
  fileName: string;
  format: string;
  encoding: string | null;
  fileSha256: string;
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: number;
  receivedAt: string;
  finishedAt: string;
  links: BatchLinks;
}

export interface BatchList {
  batches: Batch[];
}

export interface BatchIssues {
  batchId: string;
  issues: RowIssue[];
}

export interface CatalogField {
  code: string;
  name: string;
  type: string;
  required: 'always' | 'never' | 'conditional';
}

export interface Catalog {
  code: string;
  name: string;
  edition: string;
  fields: CatalogField[];
  templates: { csv: string; xlsx: string };
}

export interface CatalogList {
  catalogs: Catalog[];
}
