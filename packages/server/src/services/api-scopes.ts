import type { Role } from '@pubcredit/domain';

/** Scopes an API key may carry. */
export const API_SCOPES = ['batches:write', 'batches:read', 'credit-check:read', 'metrics:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Who may hold each scope: a 信源部门's key (submission) or a calling system's key (credit checks, Prometheus scrapes). */
export const SCOPE_HOLDER: Readonly<Record<ApiScope, 'department' | 'system'>> = {
  'batches:write': 'department',
  'batches:read': 'department',
  'credit-check:read': 'system',
  'metrics:read': 'system',
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** A staff member signed in with the session cookie. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  username: string;
  role: Role;
  /** The 信源部门 of a department role (部门填报员, 部门审核员); null for platform roles. */
  departmentUscc: string | null;
}

/** A machine client holding an API key. */
export interface KeyPrincipal {
  kind: 'key';
  keyId: string;
  /** 信源部门 the key belongs to; the department of every batch it submits. */
  departmentUscc: string | null;
  /** A calling system (e.g. 政务服务 credit check) instead of a department. */
  systemName: string | null;
  scopes: ApiScope[];
}

/** Who is calling: set on every non-public route once the session cookie or the bearer key is checked. */
export type Principal = UserPrincipal | KeyPrincipal;
