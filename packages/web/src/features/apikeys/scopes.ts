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
 * system keys (政务服务, 公共资源交易) run credit checks.
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

export function scopeLabel(scope: string): string {
  return scope in SCOPE_LABELS ? SCOPE_LABELS[scope as ApiScope] : scope;
}
