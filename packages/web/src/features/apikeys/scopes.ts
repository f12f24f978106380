import { API_SCOPE_NAMES, SCOPE_HOLDER, apiScopeName } from '@pubcredit/domain/access';
import type { ScopeHolder } from '@pubcredit/domain/access';
import type { ApiScope } from '../../api/types';

export const SCOPE_LABELS = API_SCOPE_NAMES;

export type KeyHolder = ScopeHolder;

export function scopesFor(holder: KeyHolder): ApiScope[] {
  return (Object.keys(SCOPE_HOLDER) as ApiScope[]).filter((s) => SCOPE_HOLDER[s] === holder);
}

/** Scopes ticked when a holder is chosen: a system key is a credit-check key unless metrics are ticked on purpose. */
export function defaultScopesFor(holder: KeyHolder): ApiScope[] {
  return holder === 'system' ? ['credit-check:read'] : scopesFor(holder);
}

export const scopeLabel = apiScopeName;
