import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { createWorkingCalendar } from './working-calendar';
import { parseYearSchedule } from './year-schedule';

const cal = createWorkingCalendar();

// A 2027 file in holiday-cn format, as an administrator would load it (dates illustrative, not the real notice).
const HOLIDAY_CN_2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/…'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '国庆节', date: '2027-09-26', isOffDay: false },
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ name: '国庆节', date: `2027-10-${d}`, isOffDay: true })),
    { name: '国庆节', date: '2027-10-09', isOffDay: false },
  ],
};

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('built-in calendar (chinese-days, regulations §6.2)', () => {
  it('covers 2004–2026, derived from the package data', () => {
    const years = cal.coveredYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
  });

  it.each([
    ['2024 National Day holiday (国办发明电〔2023〕7号)', '2024-10-01', false],
    ['2024-10-07 holiday Monday', '2024-10-07', false],
    ['2024-09-29 Sunday 调休 workday', '2024-09-29', true],
    ['2024-10-12 Saturday 调休 workday (§3.7)', '2024-10-12', true],
    ['ordinary Saturday', '2024-10-19', false],
    ['ordinary Monday', '2024-10-14', true],
    ['2026 Spring Festival 除夕 eve (2026-02-16)', '2026-02-16', false],
    ['2026-02-23 Spring Festival Monday off', '2026-02-23', false],
    ['2026-02-14 Saturday 调休 workday', '2026-02-14', true],
    ['2026-02-28 Saturday 调休 workday', '2026-02-28', true],
    ['元旦 2026-01-01', '2026-01-01', false],
    ['2026-01-04 Sunday 调休 workday', '2026-01-04', true],
  ])('isWorkingDay: %s', (_case, date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays (民法典 Art.201: start day not counted; 行政处罚法 Art.85)', () => {
  it.each([
    ['§3.7 decision 2024-09-30 + 7 working days', '2024-09-30', 7, '2024-10-15'],
    ['2026 Spring Festival with 调休 Saturdays: 2026-02-13 + 1', '2026-02-13', 1, '2026-02-14'],
    ['2026 Spring Festival: 2026-02-14 + 1 skips 02-15…02-23', '2026-02-14', 1, '2026-02-24'],
    ['2026 Spring Festival: 2026-02-24 + 4 counts Saturday 02-28', '2026-02-24', 4, '2026-02-28'],
    ['year boundary: 2025-12-30 + 2 skips 元旦 2026-01-01…03', '2025-12-30', 2, '2026-01-04'],
    ['n = 0 returns the start day, even a holiday', '2024-10-01', 0, '2024-10-01'],
    ['start on a holiday: 2024-10-01 + 1', '2024-10-01', 1, '2024-10-08'],
    ['backwards: 2024-10-08 − 1', '2024-10-08', -1, '2024-09-30'],
    ['行政处罚法 Art.48: 3 working days from Friday 2024-09-27', '2024-09-27', 3, '2024-10-08'],
  ])('%s', (_case, date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });
});

describe('workingDaysBetween (from < d ≤ to)', () => {
  it.each([
    ['same day = 0', '2024-10-15', '2024-10-15', 0],
    ['§3.7 2024-09-30 → 2024-10-15 = 7', '2024-09-30', '2024-10-15', 7],
    ['reversed is negative', '2024-10-15', '2024-09-30', -7],
    ['across the year boundary', '2025-12-31', '2026-01-05', 2],
    ['2024 has 251 working days (2024 放假通知)', '2023-12-31', '2024-12-31', 251],
    // 261 weekdays − 18 weekday holidays + 5 调休 days (1/26, 2/8, 4/27, 9/28, 10/11)
    ['2025 has 248 working days (国办发明电〔2024〕12号)', '2024-12-31', '2025-12-31', 248],
  ])('%s', (_case, from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });

  it('prefix counts agree with a day-by-day count over 2019–2022', () => {
    let brute = 0;
    for (let d = new Date(Date.UTC(2019, 0, 1)); d.getUTCFullYear() < 2023; d.setUTCDate(d.getUTCDate() + 1)) {
      if (cal.isWorkingDay(d.toISOString().slice(0, 10))) brute++;
    }
    expect(cal.workingDaysBetween('2018-12-31', '2022-12-31')).toBe(brute);
  });

  it('agrees with addWorkingDays on every start day of 2024', () => {
    for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() === 2024; d.setUTCDate(d.getUTCDate() + 1)) {
      const from = d.toISOString().slice(0, 10);
      expect(cal.workingDaysBetween(from, cal.addWorkingDays(from, 20))).toBe(20);
    }
  });
});

describe('unknown years are refused, never guessed (regulations §6.2 pitfall, rule 3)', () => {
  it.each([
    ['isWorkingDay in 2027', () => cal.isWorkingDay('2027-03-01')],
    ['addWorkingDays crossing into 2027', () => cal.addWorkingDays('2026-12-30', 5)],
    ['workingDaysBetween spanning 2027', () => cal.workingDaysBetween('2026-12-01', '2028-01-10')],
    ['n = 0 in 2027', () => cal.addWorkingDays('2027-01-04', 0)],
  ])('%s', (_case, fn) => {
    const e = thrown(fn);
    expect(e.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(e.message).toBe('缺少 2027 年的官方节假日安排，无法计算工作日；请管理员先导入该年日历（pubcredit calendar load 文件 --source 通知名称）');
    expect(e.details).toEqual({ year: 2027 });
  });

  it('2003 (before chinese-days data) is refused too', () => {
    expect(thrown(() => cal.isWorkingDay('2003-06-02')).details).toEqual({ year: 2003 });
  });

  it('a malformed date is INVALID_ARGUMENT', () => {
    expect(thrown(() => cal.isWorkingDay('2024-02-30')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('administrator-loaded schedule (holiday-cn format)', () => {
  const with2027 = createWorkingCalendar([parseYearSchedule(HOLIDAY_CN_2027, 'holiday-cn 2027.json')]);

  it('covers 2027 once loaded and uses it', () => {
    expect(with2027.coveredYears().at(-1)).toBe(2027);
    expect(with2027.isWorkingDay('2027-10-04')).toBe(false);
    expect(with2027.isWorkingDay('2027-10-09')).toBe(true); // Saturday 调休
    expect(with2027.addWorkingDays('2027-09-30', 7)).toBe('2027-10-15');
    expect(with2027.addWorkingDays('2026-12-30', 5)).toBe('2027-01-07');
  });

  it('replaces a built-in year', () => {
    const fixed = createWorkingCalendar([{ year: 2026, holidays: ['2026-01-01', '2026-03-02'], workdays: [], source: 'test' }]);
    expect(fixed.isWorkingDay('2026-03-02')).toBe(false);
    expect(fixed.isWorkingDay('2026-02-16')).toBe(true);
  });

  it('the built-in calendar is unchanged', () => {
    expect(() => cal.isWorkingDay('2027-10-04')).toThrow(DomainError);
  });
});
