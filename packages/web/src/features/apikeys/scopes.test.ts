import { describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../api/types';
import { defaultScopesFor, scopeLabel, scopesFor } from './scopes';

describe('API key scopes by holder (department keys submit, system keys check)', () => {
  it('offers each scope to the one kind of key that may hold it', () => {
    expect(scopesFor('department')).toEqual(['batches:write', 'batches:read']);
    expect(scopesFor('system')).toEqual(['credit-check:read', 'metrics:read']);
    expect([...scopesFor('department'), ...scopesFor('system')].sort()).toEqual([...API_SCOPES].sort());
  });

  it('ticks only credit checks for a new system key: metrics are granted on purpose', () => {
    expect(defaultScopesFor('system')).toEqual(['credit-check:read']);
    expect(defaultScopesFor('department')).toEqual(['batches:write', 'batches:read']);
  });

  it('labels scopes in Chinese, unknown ones as they are', () => {
    expect(scopeLabel('credit-check:read')).toBe('信用核查');
    expect(scopeLabel('metrics:read')).toBe('监控指标');
    expect(scopeLabel('other:scope')).toBe('other:scope');
  });
});
