/**
 * How far ahead the working-day calendar reaches (issue #2 §7): the official schedule of a year
 * is published by the State Council late in the year before, and `chinese-days` carries only the
 * years it knew when it was released. A year the calendar lacks is never guessed, so the records
 * received in it get no 报送时效 (working days) until an administrator loads that year: the
 * platform says so ahead of time rather than on 1 January.
 */

/** From this day of the year (MM-DD) on, a missing next year is announced. */
export const CALENDAR_WARN_FROM = '11-01';

export type CalendarHorizonStatus = 'ok' | 'expiring' | 'missing';

export interface CalendarHorizon {
  /** ok; expiring: next year not loaded and the year ends within two months; missing: this year not loaded. */
  status: CalendarHorizonStatus;
  /** The last year the calendar knows (null: none). */
  coveredThrough: number | null;
  /** The year to load, when not ok. */
  missingYear: number | null;
  /** What happens and what to do, in Chinese, when not ok. */
  message: string | null;
}

const HOW = '国务院办公厅发布该年部分节假日安排的通知后，请平台管理员用 pubcredit calendar load 载入（JSON 文件，--source 写通知名称）。';

/**
 * The calendar's horizon on `today` (YYYY-MM-DD, Beijing date) given the years it covers.
 * @example calendarHorizon([2025, 2026], '2026-11-29').status // 'expiring' (2027 not loaded)
 */
export function calendarHorizon(coveredYears: readonly number[], today: string): CalendarHorizon {
  const year = Number(today.slice(0, 4));
  const covered = new Set(coveredYears);
  const coveredThrough = coveredYears.length ? Math.max(...coveredYears) : null;
  if (!covered.has(year)) {
    return {
      status: 'missing',
      coveredThrough,
      missingYear: year,
      message: `尚未载入 ${year} 年的官方节假日安排：本年收到的记录无法计算报送时效（工作日），导入时逐行提示“暂不计算本行的报送时效”。${HOW}`,
    };
  }
  if (!covered.has(year + 1) && today.slice(5) >= CALENDAR_WARN_FROM) {
    return {
      status: 'expiring',
      coveredThrough,
      missingYear: year + 1,
      message: `尚未载入 ${year + 1} 年的官方节假日安排：自 ${year + 1}-01-01 起收到的记录将无法计算报送时效（工作日）。${HOW}`,
    };
  }
  return { status: 'ok', coveredThrough, missingYear: null, message: null };
}
