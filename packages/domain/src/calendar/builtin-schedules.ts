import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import type { YearSchedule } from './year-schedule';

// The npm package chinese-days (vsme/chinese-days, MIT) transcribes each year's 国务院办公厅 放假通知
// (regulations §6.2). Its own isWorkday() treats an unknown year as "Mon–Fri work", so only its raw
// maps are used, and the covered years are exactly those its data mention.

const SOURCE = `npm chinese-days ${chineseDaysPackage.version}（国务院办公厅 放假通知）`;

const byYear = (dates: readonly string[]): Map<number, string[]> => {
  const out = new Map<number, string[]>();
  for (const d of dates) {
    const y = Number(d.slice(0, 4));
    out.set(y, [...(out.get(y) ?? []), d]);
  }
  return out;
};

/**
 * The schedules shipped with the chinese-days package, one per year its data cover (2004–2026 in 1.5.7).
 * @example builtinSchedules().at(-1)?.year // 2026
 */
export function builtinSchedules(): YearSchedule[] {
  const holidays = byYear(Object.keys(chineseDays.holidays));
  const workdays = byYear(Object.keys(chineseDays.workdays));
  return [...holidays.keys()]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      holidays: (holidays.get(year) ?? []).sort(),
      workdays: (workdays.get(year) ?? []).sort(),
      source: SOURCE,
    }));
}
