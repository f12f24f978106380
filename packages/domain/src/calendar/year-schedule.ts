import { DomainError } from '../errors';
import { toYearDay } from './calendar-date';

/**
 * The official holiday arrangement of one year (国务院办公厅 放假通知): days off and 调休 make-up workdays.
 * Dates may include the adjacent late December / early January days announced with this year.
 */
export interface YearSchedule {
  year: number;
  /** Days off (放假), YYYY-MM-DD; weekends inside a holiday may or may not be listed. */
  holidays: string[];
  /** Make-up working days (调休上班), usually weekends. */
  workdays: string[];
  /** Where the data come from, e.g. the notice or the file name. */
  source: string;
}

const bad = (source: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('CALENDAR_BAD_SCHEDULE', `节假日安排（${source}）有误：${message}`, { source, ...details });

/**
 * Does `date` belong to the schedule of `year`? The year itself, or December before / January after:
 * holiday-cn files follow the notice's title year, so the 2024 notice lists 2023-12-30 (元旦).
 * @example belongsToScheduleYear('2023-12-30', 2024) // true
 */
export function belongsToScheduleYear(date: string, year: number): boolean {
  const y = Number(date.slice(0, 4));
  const month = date.slice(5, 7);
  return y === year || (y === year - 1 && month === '12') || (y === year + 1 && month === '01');
}

/**
 * Checks a YearSchedule (e.g. read back from the database) and throws CALENDAR_BAD_SCHEDULE if malformed.
 * @example assertYearSchedule({ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'x' })
 */
export function assertYearSchedule(s: YearSchedule): void {
  const source = s.source || `${String(s.year)} 年`;
  if (!Number.isInteger(s.year) || s.year < 1949 || s.year > 9999) throw bad(source, `年份无效：${String(s.year)}`);
  const off = new Set<string>();
  for (const [list, label] of [[s.holidays, '放假'], [s.workdays, '上班']] as const) {
    for (const date of list) {
      if (!toYearDay(date)) throw bad(source, `${label}日期 ${date} 不是有效日期`, { date });
      if (!belongsToScheduleYear(date, s.year)) throw bad(source, `${label}日期 ${date} 不属于 ${s.year} 年的安排`, { date });
      if (list === s.holidays) off.add(date);
      else if (off.has(date)) throw bad(source, `${date} 同时被列为放假和上班`, { date });
    }
  }
  if (![...off].some((d) => d.startsWith(`${s.year}-`))) throw bad(source, `没有 ${s.year} 年的任何放假日期`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an administrator's holiday-cn file (`{ year, papers, days: [{ name, date, isOffDay }] }`) into a YearSchedule.
 * Takes the parsed JSON or its text. Each entry is kept as announced: `isOffDay: true` → holidays, `false` → workdays (调休上班).
 * @example parseYearSchedule({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }, '2027.json').holidays // ['2027-01-01']
 */
export function parseYearSchedule(input: unknown, source: string): YearSchedule {
  // The file's text is accepted as well as the parsed value.
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input) as unknown;
    } catch {
      throw bad(source, '不是有效的 JSON 文件');
    }
  }
  if (!isObject(json)) throw bad(source, '文件内容不是 JSON 对象');
  const year = json.year;
  if (typeof year !== 'number' || !Number.isInteger(year)) throw bad(source, `缺少有效的 year：${JSON.stringify(year)}`);
  if (json.papers !== undefined && !Array.isArray(json.papers)) throw bad(source, 'papers 应为数组');
  if (!Array.isArray(json.days) || json.days.length === 0) throw bad(source, '缺少 days（放假和调休日期列表）');

  const status = new Map<string, boolean>();
  json.days.forEach((entry: unknown, i) => {
    const shown = `第${i + 1}项 ${JSON.stringify(entry)}`;
    if (!isObject(entry)) throw bad(source, `${shown} 不是对象`, { index: i });
    const { date, isOffDay, name } = entry;
    if (typeof date !== 'string' || !toYearDay(date)) throw bad(source, `${shown} 的 date 不是 YYYY-MM-DD 格式的有效日期`, { index: i });
    if (typeof isOffDay !== 'boolean') throw bad(source, `${shown} 的 isOffDay 应为 true 或 false`, { index: i });
    if (name !== undefined && typeof name !== 'string') throw bad(source, `${shown} 的 name 应为文字`, { index: i });
    if (!belongsToScheduleYear(date, year)) {
      throw bad(source, `${shown} 的日期不属于 ${year} 年的安排（只接受该年及相邻的上年12月、下年1月）`, { index: i });
    }
    const prior = status.get(date);
    if (prior !== undefined && prior !== isOffDay) throw bad(source, `${shown} 与前面同一日期的安排矛盾`, { index: i });
    status.set(date, isOffDay);
  });

  const dates = [...status.keys()].sort();
  const schedule: YearSchedule = {
    year,
    holidays: dates.filter((d) => status.get(d) === true),
    workdays: dates.filter((d) => status.get(d) === false),
    source,
  };
  assertYearSchedule(schedule);
  return schedule;
}
