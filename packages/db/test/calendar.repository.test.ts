import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCalendarYears, saveCalendarYear, type Database } from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';

describe.each(testEngines())('calendar repository on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('saves a year and replaces it on a corrected notice', async () => {
    const first = await saveCalendarYear(db, {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-08'],
      workdays: ['2027-02-06'],
      source: '国办发明电〔2026〕1号',
    });
    expect(first).toMatchObject({ year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] });
    expect(first.loadedAt).toBeInstanceOf(Date);

    await saveCalendarYear(db, { year: 2027, holidays: ['2027-01-01'], workdays: [], source: '更正通知' });
    await saveCalendarYear(db, { year: 2028, holidays: [], workdays: [], source: 's' });
    const years = await listCalendarYears(db);
    expect(years.map((y) => [y.year, y.holidays, y.workdays, y.source])).toEqual([
      [2027, ['2027-01-01'], [], '更正通知'],
      [2028, [], [], 's'],
    ]);
  });
});
