import { describe, expect, it } from 'vitest';
import { maskUrl } from './logger';

describe('maskUrl', () => {
  it('masks an ID number a client put in a URL (invariant 5)', () => {
    expect(maskUrl('/api/v1/subjects/410402199001011230?limit=5')).toBe('/api/v1/subjects/4104**********1230?limit=5');
    expect(maskUrl('/x/41040219681102518X')).toBe('/x/4104**********518X');
  });

  it('keeps ordinary paths', () => {
    expect(maskUrl('/api/v1/batches/6f1c2a9e-0c1b-4a53-9a8e-7d4f2b1c3e5a')).toBe('/api/v1/batches/6f1c2a9e-0c1b-4a53-9a8e-7d4f2b1c3e5a');
    expect(maskUrl('/api/v1/subjects/91410402MA9G12340K')).toBe('/api/v1/subjects/91410402MA9G12340K');
  });
});
