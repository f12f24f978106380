import { describe, expect, it } from 'vitest';
import { calendarHorizon } from './calendar-horizon';

describe('calendarHorizon: a missing year is announced before it begins', () => {
  it.each([
    ['mid-year, next year unknown: nothing to say yet', [2025, 2026], '2026-06-30', 'ok', null],
    ['the day before the warning starts', [2025, 2026], '2026-10-31', 'ok', null],
    ['from 1 November: next year must be loaded', [2025, 2026], '2026-11-01', 'expiring', 2027],
    ['31 December', [2025, 2026], '2026-12-31', 'expiring', 2027],
    ['next year loaded', [2025, 2026, 2027], '2026-12-15', 'ok', null],
    ['the year has begun without its schedule', [2025, 2026], '2027-01-01', 'missing', 2027],
    ['no year at all', [], '2026-03-01', 'missing', 2026],
  ] as const)('%s', (_what, years, today, status, missingYear) => {
    const h = calendarHorizon(years, today);
    expect(h.status).toBe(status);
    expect(h.missingYear).toBe(missingYear);
    expect(h.message === null).toBe(status === 'ok');
  });

  it('names the year, the date it matters from and the command', () => {
    const h = calendarHorizon([2026], '2026-11-29');
    expect(h.coveredThrough).toBe(2026);
    expect(h.message).toContain('尚未载入 2027 年的官方节假日安排');
    expect(h.message).toContain('自 2027-01-01 起');
    expect(h.message).toContain('pubcredit calendar load');
    expect(calendarHorizon([2026], '2027-02-01').message).toContain('本年收到的记录无法计算报送时效');
  });
});
