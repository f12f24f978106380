import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import { addWorkingDays, getWorkingCalendar, listCoveredYears, loadCalendarYear } from '../src/services/calendar.service';
import { createTestContext } from './test-context';

// holiday-cn format (NateScarlet/holiday-cn); a synthetic schedule for a year chinese-days lacks.
const SCHEDULE_2027 = JSON.stringify({
  year: 2027,
  papers: ['synthetic test schedule'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '劳动节', date: '2027-05-03', isOffDay: true },
    { name: '劳动节', date: '2027-04-25', isOffDay: false },
  ],
});

describe.each(testEngines())('working calendar service on %s', (engine) => {
  let ctx: AppContext;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx?.db.close();
  });

  it('counts across 国庆 2024 with the 10-12 调休 working Saturday (行政处罚法 Art.85)', async () => {
    expect(await addWorkingDays(ctx, '2024-09-30', 7)).toBe('2024-10-15');
  });

  it('refuses a year without an official schedule, naming the year', async () => {
    await expect(addWorkingDays(ctx, '2027-04-20', 5)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN' });
    await expect(addWorkingDays(ctx, '2027-04-20', 5)).rejects.toThrow(/2027/);
  });

  it('caches the calendar and rebuilds it when a year is loaded', async () => {
    const before = await getWorkingCalendar(ctx);
    expect(await getWorkingCalendar(ctx)).toBe(before);
    const saved = await loadCalendarYear(ctx, SCHEDULE_2027, '国办发明电（测试）');
    expect(saved).toMatchObject({ year: 2027, holidays: ['2027-01-01', '2027-05-03'], workdays: ['2027-04-25'], replaced: null });
    expect(await getWorkingCalendar(ctx)).not.toBe(before);
    // 2027-04-20 Tue → 21, 22, 23, 25 (Sun, 调休), 26
    expect(await addWorkingDays(ctx, '2027-04-20', 5)).toBe('2027-04-26');
    const years = await listCoveredYears(ctx);
    expect(years.find((y) => y.year === 2027)).toMatchObject({ source: '国办发明电（测试）' });
    expect(years.find((y) => y.year === 2024)).toMatchObject({ source: 'chinese-days', loadedAt: null });
    // Loading a year again, or over the built-in data, names what it replaces.
    expect((await loadCalendarYear(ctx, SCHEDULE_2027, '国办发明电（更正）')).replaced).toMatchObject({ year: 2027, source: '国办发明电（测试）' });
    const over2024 = SCHEDULE_2027.replaceAll('2027', '2024');
    expect((await loadCalendarYear(ctx, over2024, '测试')).replaced).toEqual({ year: 2024, source: 'chinese-days', loadedAt: null });
  });

  it('refuses a malformed schedule', async () => {
    await expect(loadCalendarYear(ctx, '{"year": "x"}', 'bad')).rejects.toMatchObject({ code: 'CALENDAR_BAD_SCHEDULE' });
  });
});
