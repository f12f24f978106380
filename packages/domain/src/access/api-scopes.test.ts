import { describe, expect, it } from 'vitest';
import { API_SCOPES, API_SCOPE_NAMES, SCOPE_HOLDER, apiScopeName, isApiScope } from './api-scopes';

describe('API key scopes (issue #3 §2)', () => {
  it('gives every scope a holder and a Chinese name', () => {
    for (const s of API_SCOPES) {
      expect(['department', 'system']).toContain(SCOPE_HOLDER[s]);
      expect(API_SCOPE_NAMES[s]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names a scope, and leaves an unknown one (or a prototype key) as it is', () => {
    expect(apiScopeName('batches:write')).toBe('上传数据');
    expect(apiScopeName('other:scope')).toBe('other:scope');
    expect(isApiScope('toString')).toBe(false);
    expect(apiScopeName('toString')).toBe('toString');
  });
});
