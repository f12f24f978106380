import { DomainError } from '../errors';
import { builtinSchedules } from './builtin-schedules';
import { datesOfYear, daysInYear, requireYearDay, weekdayOfJan1 } from './calendar-date';
import type { YearDay } from './calendar-date';
import { assertYearSchedule } from './year-schedule';
import type { YearSchedule } from './year-schedule';

/** Working-day arithmetic on the official calendar (法定节假日 off, 调休 make-up days on). */
export interface WorkingCalendar {
  /** Years with an official schedule, ascending. */
  coveredYears(): number[];
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date` (start day not counted); n < 0 counts backwards, n = 0 returns `date`. */
  addWorkingDays(date: string, n: number): string;
  /** Working days d with from < d ≤ to (start day not counted); negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number;
}

/** One covered year, precomputed: a working flag per day and prefix counts for O(1) spans. */
interface YearTable {
  working: Uint8Array;
  /** prefix[i] = working days among the first i days of the year. */
  prefix: Int32Array;
  dates: string[];
}

function buildYear(year: number, own: YearSchedule, before: YearSchedule | undefined, after: YearSchedule | undefined): YearTable {
  const days = daysInYear(year);
  const working = new Uint8Array(days);
  const jan1 = weekdayOfJan1(year);
  for (let i = 0; i < days; i++) {
    const wd = (jan1 + i) % 7;
    working[i] = wd === 0 || wd === 6 ? 0 : 1;
  }
  const apply = (s: YearSchedule | undefined): void => {
    if (!s) return;
    for (const [list, flag] of [[s.holidays, 0], [s.workdays, 1]] as const) {
      for (const d of list) {
        const yd = requireYearDay(d);
        if (yd.year === year) working[yd.doy] = flag;
      }
    }
  };
  // A neighbour's notice may list our late-December / early-January days; the year's own notice wins.
  apply(before);
  apply(after);
  apply(own);
  const prefix = new Int32Array(days + 1);
  for (let i = 0; i < days; i++) prefix[i + 1] = (prefix[i] ?? 0) + (working[i] ?? 0);
  return { working, prefix, dates: datesOfYear(year) };
}

const unknownYear = (year: number): DomainError =>
  new DomainError('CALENDAR_YEAR_UNKNOWN', `缺少 ${year} 年的官方节假日安排，无法计算工作日；请管理员先导入该年日历（pubcredit calendar load 文件 --source 通知名称）`, { year });

/**
 * Creates a calendar from chinese-days data plus administrator-loaded schedules (a loaded year replaces the built-in one).
 * Deadlines in 工作日 (行政处罚法 Art.85, 行政许可法 Art.82) count from the day after the start (民法典 Art.201).
 * @example createWorkingCalendar().addWorkingDays('2024-09-30', 7) // '2024-10-15'
 */
export function createWorkingCalendar(extra: readonly YearSchedule[] = []): WorkingCalendar {
  const schedules = new Map<number, YearSchedule>();
  for (const s of builtinSchedules()) schedules.set(s.year, s);
  for (const s of extra) {
    assertYearSchedule(s);
    schedules.set(s.year, s);
  }
  const covered = [...schedules.keys()].sort((a, b) => a - b);
  const tables = new Map<number, YearTable>();
  // Hot path: one hash lookup per date string, packed as year << 10 | working << 9 | day of year.
  // A miss (first use of a year, a bad date, an unknown year) takes the slow path, which fills or throws.
  const packed = new Map<string, number>();

  // Years are built on first use: a calendar touching two years costs two small tables.
  const table = (year: number): YearTable => {
    const cached = tables.get(year);
    if (cached) return cached;
    const own = schedules.get(year);
    if (!own) throw unknownYear(year); // never guess: an unknown year has no known holidays (§6.2 pitfall)
    const built = buildYear(year, own, schedules.get(year - 1), schedules.get(year + 1));
    tables.set(year, built);
    built.dates.forEach((d, doy) => packed.set(d, (year << 10) | ((built.working[doy] ?? 0) << 9) | doy));
    return built;
  };

  const lookup = (date: string): number => {
    const hit = packed.get(date);
    if (hit !== undefined) return hit;
    const { year, doy } = requireYearDay(date);
    return (year << 10) | ((table(year).working[doy] ?? 0) << 9) | doy;
  };
  const yearDay = (date: string): YearDay => {
    const p = packed.get(date);
    return p === undefined ? requireYearDay(date) : { year: p >> 10, doy: p & 511 };
  };

  const countThrough = (year: number, doy: number): number => table(year).prefix[doy + 1] ?? 0;

  const between = (from: string, to: string): number => {
    const a = yearDay(from);
    const b = yearDay(to);
    if (a.year > b.year || (a.year === b.year && a.doy > b.doy)) return -between(to, from);
    // Ascending, so the error names the first year missing.
    let count = -countThrough(a.year, a.doy);
    for (let y = a.year; y < b.year; y++) count += table(y).prefix[daysInYear(y)] ?? 0;
    return count + countThrough(b.year, b.doy);
  };

  return {
    coveredYears: () => [...covered],
    isWorkingDay: (date) => ((lookup(date) >> 9) & 1) === 1,
    addWorkingDays: (date, n) => {
      if (!Number.isInteger(n)) throw new DomainError('INVALID_ARGUMENT', `工作日数应为整数：${n}`, { n });
      let { year, doy } = yearDay(date);
      let t = table(year);
      const step = n < 0 ? -1 : 1;
      for (let left = Math.abs(n); left > 0; ) {
        doy += step;
        if (doy >= t.dates.length) {
          year += 1;
          t = table(year);
          doy = 0;
        } else if (doy < 0) {
          year -= 1;
          t = table(year);
          doy = t.dates.length - 1;
        }
        if (t.working[doy] === 1) left--;
      }
      return t.dates[doy] ?? date;
    },
    workingDaysBetween: between,
  };
}
