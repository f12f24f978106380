/**
 * What an API key may do (issue #3 §2): its scopes, who may hold each, and their Chinese names,
 * one list for the server's checks, the console's key page and the CLI's tables.
 */

/** Scopes an API key may carry. */
export const API_SCOPES = ['batches:write', 'batches:read', 'credit-check:read', 'metrics:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type ScopeHolder = 'department' | 'system';

/**
 * Who may hold each scope: a 信源部门's key submits and reads batches; a calling system's key runs
 * credit checks (政务服务, 公共资源交易) or reads monitoring metrics (Prometheus).
 */
export const SCOPE_HOLDER: Readonly<Record<ApiScope, ScopeHolder>> = {
  'batches:write': 'department',
  'batches:read': 'department',
  'credit-check:read': 'system',
  'metrics:read': 'system',
};

/** What each scope allows, as the console's 密钥管理 and the CLI name it. */
export const API_SCOPE_NAMES: Readonly<Record<ApiScope, string>> = {
  'batches:write': '上传数据',
  'batches:read': '查看批次',
  'credit-check:read': '信用核查',
  'metrics:read': '监控指标',
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** The Chinese name of a scope; an unknown one as it is. */
export function apiScopeName(scope: string): string {
  return isApiScope(scope) ? API_SCOPE_NAMES[scope] : scope;
}
