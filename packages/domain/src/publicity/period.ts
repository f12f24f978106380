import { isLeapYear } from '../calendar/calendar-date';
import { DomainError } from '../errors';

// 民法典 Art.201: the start day is not counted. Art.202: a period in months or years ends on the
// corresponding day of the final month, or on its last day when that month has no such day.
// So the end date is the decision date moved by whole months, clamped to the month's length.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysInMonth = (year: number, month: number): number => (MONTH_DAYS[month - 1] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0);

/** Splits a real YYYY-MM-DD date; null when malformed or impossible (2026-02-30). */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Is `date` a real calendar date written YYYY-MM-DD? */
export const isIsoDate = (date: unknown): date is string => typeof date === 'string' && parseIsoDate(date) !== null;

function requireDate(date: string): { year: number; month: number; day: number } {
  const d = parseIsoDate(date);
  if (!d) throw new DomainError('INVALID_ARGUMENT', `日期无效：${String(date)}，应为 YYYY-MM-DD 格式的有效日期`, { date });
  return d;
}

/**
 * The last day of a period of `months` months starting on `date` (民法典 Art.201–202).
 * @example addMonths('2026-11-30', 3) // '2027-02-28'
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = requireDate(date);
  if (!Number.isInteger(months)) throw new DomainError('INVALID_ARGUMENT', `月数应为整数：${months}`, { months });
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) throw new DomainError('INVALID_ARGUMENT', `日期超出范围：${date} 加 ${months} 个月`, { date, months });
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The last day of a period of `years` years starting on `date` (民法典 Art.201–202).
 * @example addYears('2024-02-29', 1) // '2025-02-28'
 */
export function addYears(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new DomainError('INVALID_ARGUMENT', `年数应为整数：${years}`, { years });
  return addMonths(date, years * 12);
}

/**
 * The day before `date`: the last public day of a record that stops being public on `date`.
 * @example dayBefore('2027-03-01') // '2027-02-28'
 * @example dayBefore('2027-01-01') // '2026-12-31'
 */
export function dayBefore(date: string): string {
  const { year, month, day } = requireDate(date);
  if (day > 1) return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day - 1).padStart(2, '0')}`;
  const prev = addMonths(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`, -1);
  const [y, m] = prev.split('-').map(Number) as [number, number];
  return `${prev.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
}
