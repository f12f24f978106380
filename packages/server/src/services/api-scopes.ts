/** Scopes an API key may carry. */
export const API_SCOPES = ['batches:write', 'batches:read', 'credit-check:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** The caller a valid API key stands for. */
export interface Principal {
  keyId: string;
  /** 信源部门 the key belongs to; the department of every batch it submits. */
  departmentUscc: string | null;
  /** A calling system (e.g. 政务服务 credit check) instead of a department. */
  systemName: string | null;
  scopes: ApiScope[];
}
