import { describe, expect, it } from 'vitest';
import { beijingClock, beijingDateTime } from './beijing-time';

describe('beijingDateTime', () => {
  it.each([
    ['2026-11-29T09:06:05Z', '2026-11-29 17:06:05（北京时间）'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01 00:00:00（北京时间）'],
    ['2026-06-30T23:59:59+08:00', '2026-06-30 23:59:59（北京时间）'],
  ])('%s → %s', (at, expected) => {
    expect(beijingDateTime(at)).toBe(expected);
    expect(beijingDateTime(new Date(at))).toBe(expected);
  });

  it('returns text that is no instant as given', () => {
    expect(beijingDateTime('不是时间')).toBe('不是时间');
  });
});

describe('beijingClock (the same time without the suffix, for a column that says 北京时间 once)', () => {
  it.each([
    ['2026-11-29T09:06:05Z', '2026-11-29 17:06:05'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01 00:00:00'],
  ])('%s → %s', (at, expected) => {
    expect(beijingClock(at)).toBe(expected);
    expect(beijingClock(new Date(at))).toBe(expected);
  });

  it('returns text that is no instant as given', () => {
    expect(beijingClock('')).toBe('');
    expect(beijingClock('不是时间')).toBe('不是时间');
  });
});
