import type { ApiScope } from '../../api/types';

export const SCOPE_LABELS: Record<ApiScope, string> = {
  'batches:write': '上传数据',
  'batches:read': '查看批次',
  'credit-check:read': '信用核查',
  'metrics:read': '监控指标',
};

export type KeyHolder = 'department' | 'system';

/**
 * Who may hold each scope (the server's SCOPE_HOLDER): department keys submit and read batches;
 * system keys run credit checks (政务服务, 公共资源交易) or read monitoring metrics (Prometheus).
 */
export const SCOPE_HOLDER: Record<ApiScope, KeyHolder> = {
  'batches:write': 'department',
  'batches:read': 'department',
  'credit-check:read': 'system',
  'metrics:read': 'system',
};

export function scopesFor(holder: KeyHolder): ApiScope[] {
  return (Object.keys(SCOPE_HOLDER) as ApiScope[]).filter((s) => SCOPE_HOLDER[s] === holder);
}

/** Scopes ticked when a holder is chosen: a system key is a credit-check key unless metrics are ticked on purpose. */
export function defaultScopesFor(holder: KeyHolder): ApiScope[] {
  return holder === 'system' ? ['credit-check:read'] : scopesFor(holder);
}

export function scopeLabel(scope: string): string {
  return scope in SCOPE_LABELS ? SCOPE_LABELS[scope as ApiScope] : scope;
}
