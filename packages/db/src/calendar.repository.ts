import type { Sql } from './database';

export interface CalendarYearRow {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  loaded_at: Date;
}

/** An official holiday schedule (国务院办公厅 节假日安排) loaded for a year the calendar package lacks. */
export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be working days, 'YYYY-MM-DD'. */
  holidays: string[];
  /** 调休: weekend days that are working days, 'YYYY-MM-DD'. */
  workdays: string[];
  /** Where the schedule comes from, e.g. the notice's number and URL. */
  source: string;
  loadedAt: Date;
}

export function toCalendarYear(row: CalendarYearRow): CalendarYear {
  return { year: row.year, holidays: row.holidays, workdays: row.workdays, source: row.source, loadedAt: row.loaded_at };
}

export type NewCalendarYear = Omit<CalendarYear, 'loadedAt'>;

/** Stores a year's schedule, replacing an earlier load of the same year (a corrected notice). */
export async function saveCalendarYear(sql: Sql, input: NewCalendarYear): Promise<CalendarYear> {
  const { rows } = await sql.query<CalendarYearRow>(
    `insert into calendar_years (year, holidays, workdays, source)
     values ($1, $2::date[], $3::date[], $4)
     on conflict (year) do update
       set holidays = excluded.holidays, workdays = excluded.workdays,
           source = excluded.source, loaded_at = now()
     returning year, holidays, workdays, source, loaded_at`,
    [input.year, [...input.holidays].sort(), [...input.workdays].sort(), input.source],
  );
  const row = rows[0];
  if (!row) throw new Error('calendar_years upsert returned no row');
  return toCalendarYear(row);
}

export async function listCalendarYears(sql: Sql): Promise<CalendarYear[]> {
  const { rows } = await sql.query<CalendarYearRow>(
    'select year, holidays, workdays, source, loaded_at from calendar_years order by year',
  );
  return rows.map(toCalendarYear);
}
