import { DomainError } from '../errors';

// Dates are YYYY-MM-DD strings at the API and (year, day-of-year) inside: no Date objects on the hot path.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A calendar day as year and zero-based day of the year. */
export interface YearDay {
  year: number;
  doy: number;
}

/** Is `year` a Gregorian leap year? */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days of `year`. */
export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

/**
 * Splits a real YYYY-MM-DD date into year and day of year; null when malformed or impossible.
 * @example toYearDay('2024-03-01') // { year: 2024, doy: 60 }
 */
export function toYearDay(date: string): YearDay | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
  const max = (MONTH_DAYS[month - 1] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0);
  if (day > max) return null;
  return { year, doy: (CUMULATIVE[month - 1] ?? 0) + leapDay + day - 1 };
}

/**
 * Like {@link toYearDay} but throws INVALID_ARGUMENT for a bad date.
 * @example requireYearDay('2024-02-30') // throws
 */
export function requireYearDay(date: string): YearDay {
  const yd = toYearDay(date);
  if (!yd) throw new DomainError('INVALID_ARGUMENT', `日期格式错误：${date}，应为 YYYY-MM-DD 格式的有效日期`, { date });
  return yd;
}

/**
 * Lists every date of a year as YYYY-MM-DD, index = day of year.
 * @example datesOfYear(2024)[59] // '2024-02-29'
 */
export function datesOfYear(year: number): string[] {
  const out: string[] = [];
  const y = String(year).padStart(4, '0');
  for (let month = 1; month <= 12; month++) {
    const max = (MONTH_DAYS[month - 1] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0);
    const mm = String(month).padStart(2, '0');
    for (let day = 1; day <= max; day++) out.push(`${y}-${mm}-${String(day).padStart(2, '0')}`);
  }
  return out;
}

/**
 * Day of the week of 1 January (0 = Sunday … 6 = Saturday), from Zeller's congruence.
 * @example weekdayOfJan1(2024) // 1 (Monday)
 */
export function weekdayOfJan1(year: number): number {
  const y = year - 1;
  return (1 + 5 * (y % 4) + 4 * (y % 100) + 6 * (y % 400)) % 7;
}
