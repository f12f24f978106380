import { listCalendarYears, saveCalendarYear } from '@pubcredit/db';
import type { CalendarYear, Database } from '@pubcredit/db';
import { createWorkingCalendar, parseYearSchedule } from '@pubcredit/domain';
import type { WorkingCalendar } from '@pubcredit/domain';
import type { AppContext } from '../context';

// One calendar per database, built from chinese-days plus the years an administrator loaded;
// dropped when a year is loaded so the next deadline computation sees it.
const cache = new WeakMap<Database, Promise<WorkingCalendar>>();

/** The working-day calendar (法定节假日 and 调休) for deadlines; unknown years are refused, never guessed. */
export function getWorkingCalendar(ctx: AppContext): Promise<WorkingCalendar> {
  let calendar = cache.get(ctx.db);
  if (!calendar) {
    calendar = listCalendarYears(ctx.db).then((years) =>
      createWorkingCalendar(years.map(({ year, holidays, workdays, source }) => ({ year, holidays, workdays, source }))),
    );
    cache.set(ctx.db, calendar);
    calendar.catch(() => cache.delete(ctx.db));
  }
  return calendar;
}

export function invalidateWorkingCalendar(ctx: AppContext): void {
  cache.delete(ctx.db);
}

/** A loaded year, and what it replaced: an earlier load or the built-in data (null: the year was unknown). */
export type LoadedCalendarYear = CalendarYear & { replaced: CoveredYear | null };

/**
 * Loads one year's official schedule (holiday-cn JSON) into the database; it takes precedence over
 * the built-in data and replaces an earlier load of the year, which the result names.
 * @throws DomainError CALENDAR_BAD_SCHEDULE
 */
export async function loadCalendarYear(ctx: AppContext, json: string, source: string): Promise<LoadedCalendarYear> {
  const schedule = parseYearSchedule(json, source);
  const replaced = (await listCoveredYears(ctx)).find((y) => y.year === schedule.year) ?? null;
  const saved = await saveCalendarYear(ctx.db, {
    year: schedule.year,
    holidays: [...schedule.holidays],
    workdays: [...schedule.workdays],
    source: schedule.source,
  });
  invalidateWorkingCalendar(ctx);
  return { ...saved, replaced };
}

/**
 * Adds working days to a date on the official calendar.
 * @example addWorkingDays(ctx, '2024-09-30', 7) // '2024-10-15' (国庆 2024-10-01…07, 调休 10-12)
 * @throws DomainError CALENDAR_YEAR_UNKNOWN naming the missing year
 */
export async function addWorkingDays(ctx: AppContext, date: string, days: number): Promise<string> {
  return (await getWorkingCalendar(ctx)).addWorkingDays(date, days);
}

export interface CoveredYear {
  year: number;
  source: string;
  loadedAt: Date | null;
}

/** Years the calendar knows: the built-in data and the loaded ones (which take precedence). */
export async function listCoveredYears(ctx: AppContext): Promise<CoveredYear[]> {
  const calendar = await getWorkingCalendar(ctx);
  const loaded = new Map((await listCalendarYears(ctx.db)).map((y) => [y.year, y]));
  return calendar.coveredYears().map((year) => {
    const own = loaded.get(year);
    return own ? { year, source: own.source, loadedAt: own.loadedAt } : { year, source: 'chinese-days', loadedAt: null };
  });
}
