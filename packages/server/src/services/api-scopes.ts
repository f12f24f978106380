import type { ApiScope, Role } from '@pubcredit/domain';

// The scopes, their holders and names are the domain's (access/api-scopes.ts).
export { API_SCOPES, SCOPE_HOLDER, isApiScope } from '@pubcredit/domain';
export type { ApiScope } from '@pubcredit/domain';

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
