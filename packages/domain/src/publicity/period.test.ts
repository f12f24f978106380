import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { addMonths, addYears, dayBefore, isIsoDate } from './period';

// 民法典 Art.201–202 (regulations §3.7): start day not counted; the period ends on the corresponding
// day of the final month, or on that month's last day when it has no such day.
describe('addMonths / addYears (民法典 Art.201–202)', () => {
  it.each([
    ['3 months, plain', '2026-04-01', 3, '2026-07-01'],
    ['Jan 31 + 1 month, common year', '2026-01-31', 1, '2026-02-28'],
    ['Jan 31 + 1 month, leap year', '2024-01-31', 1, '2024-02-29'],
    ['Nov 30 + 3 months (§3.7 example)', '2026-11-30', 3, '2027-02-28'],
    ['Nov 30 + 3 months into a leap February', '2027-11-30', 3, '2028-02-29'],
    ['Mar 31 + 1 month → Apr 30', '2026-03-31', 1, '2026-04-30'],
    ['Aug 31 + 1 month → Sep 30', '2026-08-31', 1, '2026-09-30'],
    ['Dec 31 + 2 months crosses the year', '2025-12-31', 2, '2026-02-28'],
    ['Feb 28 + 1 month keeps the 28th', '2026-02-28', 1, '2026-03-28'],
    ['leap day + 12 months', '2024-02-29', 12, '2025-02-28'],
    ['leap day + 48 months', '2024-02-29', 48, '2028-02-29'],
    ['0 months is the start day', '2026-05-17', 0, '2026-05-17'],
    ['36 months', '2023-05-01', 36, '2026-05-01'],
  ])('%s: %s + %i → %s', (_case, date, months, end) => {
    expect(addMonths(date, months)).toBe(end);
  });

  it.each([
    ['leap day + 1 year', '2024-02-29', 1, '2025-02-28'],
    ['leap day + 4 years', '2024-02-29', 4, '2028-02-29'],
    ['5 years (Henan cap)', '2026-04-01', 5, '2031-04-01'],
    ['3 years from a month end', '2026-01-31', 3, '2029-01-31'],
  ])('%s: %s + %i years → %s', (_case, date, years, end) => {
    expect(addYears(date, years)).toBe(end);
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-4-1', '20260401', '', 'x'])('refuses the invalid date %j in Chinese', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(() => addMonths(date, 1)).toThrow(DomainError);
    expect(() => addMonths(date, 1)).toThrow(/日期无效/);
  });

  it('refuses a fractional number of months or years', () => {
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(/整数/);
    expect(() => addYears('2026-01-01', 0.5)).toThrow(/整数/);
  });
});

// HN-Credit Art.37: a record removed from a list on a day is public until the day before.
describe('dayBefore', () => {
  it.each([
    ['within a month', '2027-10-01', '2027-09-30'],
    ['mid-month', '2027-10-15', '2027-10-14'],
    ['1 March, common year', '2027-03-01', '2027-02-28'],
    ['1 March, leap year', '2028-03-01', '2028-02-29'],
    ['1 January crosses the year', '2027-01-01', '2026-12-31'],
  ])('%s: %s → %s', (_case, date, before) => {
    expect(dayBefore(date)).toBe(before);
  });

  it('refuses an invalid date in Chinese', () => {
    expect(() => dayBefore('2027-02-30')).toThrow(/日期无效/);
  });
});
