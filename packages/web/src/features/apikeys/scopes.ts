import type { ApiScope } from '../../api/types';

export const SCOPE_LABELS: Record<ApiScope, string> = {
  'batches:write': '上传数据',
  'batches:read': '查看批次',
  'credit-check:read': '信用核查',
};

/** Department keys submit data; system keys (政务服务, 公共资源交易) run credit checks. */
export const DEFAULT_SCOPES: Record<'department' | 'system', ApiScope[]> = {
  department: ['batches:write', 'batches:read'],
  system: ['credit-check:read'],
};

export function scopeLabel(scope: string): string {
  return scope in SCOPE_LABELS ? SCOPE_LABELS[scope as ApiScope] : scope;
}
