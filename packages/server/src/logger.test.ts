import { describe, expect, it } from 'vitest';
import { maskUrl } from './logger';

describe('maskUrl', () => {
  it('masks an ID number a client put in a URL (invariant 5)', () => {
    expect(maskUrl('/api/v1/subjects/410402199001011230?limit=5')).toBe('/api/v1/subjects/4104**********1230?limit=5');
    expect(maskUrl('/x/41040219681102518X')).toBe('/x/4104**********518X');
  });

  it('masks a first-generation ID and a mobile number, also next to percent-encoded text', () => {
    expect(maskUrl('/api/v1/subjects?q=410402900101123')).toBe('/api/v1/subjects?q=4104********123');
    expect(maskUrl('/api/v1/subjects?q=13812345678')).toBe('/api/v1/subjects?q=138****5678');
    expect(maskUrl('/api/v1/subjects?q=%E5%BC%A0%E4%B8%8913812345678')).toBe('/api/v1/subjects?q=张三138****5678');
    expect(maskUrl('/api/v1/subjects?q=%E5%BC%A0%E4%B8%89410402199001011230')).not.toContain('410402199001011230');
  });

  it('keeps ordinary paths', () => {
    expect(maskUrl('/api/v1/batches/6f1c2a9e-0c1b-4a53-9a8e-7d4f2b1c3e5a')).toBe('/api/v1/batches/6f1c2a9e-0c1b-4a53-9a8e-7d4f2b1c3e5a');
    expect(maskUrl('/api/v1/subjects/91410402MA9G12340K')).toBe('/api/v1/subjects/91410402MA9G12340K');
    expect(maskUrl('/api/v1/subjects?q=%E9%B9%B0%E5%9F%8E')).toBe('/api/v1/subjects?q=%E9%B9%B0%E5%9F%8E');
  });
});
