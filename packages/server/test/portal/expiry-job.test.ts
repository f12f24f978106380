import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { runPublicityJobOnce, startPublicityJob } from '../../src/services/publicity/expiry.job';
import { beijingToday } from '../../src/services/publicity/today';
import { addDepartments } from '../fixtures';
import { createTestContext } from '../test-context';
import { addRecord, addSubject } from './portal-fixtures';

describe('beijingToday', () => {
  it('is the date in Asia/Shanghai (UTC+8)', () => {
    expect(beijingToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(beijingToday(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(beijingToday(new Date('2026-12-31T23:00:00-02:00'))).toBe('2027-01-01');
  });
});

describe.each(testEngines())('publicity expiry job on %s', (engine) => {
  let ctx: AppContext;
  let key: string;
  let repairedKey: string;

  const reasonOf = async (recordKey: string) =>
    (
      await ctx.db.query<{ publicity_end_reason: string | null; publicity_ended_at: Date | null }>(
        'select publicity_end_reason, publicity_ended_at from records where record_key = $1 and superseded_at is null',
        [recordKey],
      )
    ).rows[0];

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    const s = await addSubject(ctx, { name: '叶县某某商贸有限公司' });
    key = await addRecord(ctx, { subjectId: s, docNo: 'J-1', maxUntil: '2027-05-01' });
    repairedKey = await addRecord(ctx, { subjectId: s, docNo: 'J-2', maxUntil: '2027-01-01', publicityEndReason: 'repaired' });
    await addRecord(ctx, { subjectId: s, docNo: 'J-3', catalog: 'administrative_license' });
  });
  afterAll(async () => {
    await ctx?.db.close();
  });

  it('keeps a record public through the last day of its maximum period, Beijing time', async () => {
    const report = await runPublicityJobOnce(ctx, new Date('2027-05-01T15:59:00Z')); // 23:59 on 1 May in Beijing
    expect(report).toEqual({ today: '2027-05-01', recomputed: 0, expired: 0 });
    expect((await reasonOf(key))?.publicity_end_reason).toBeNull();
  });

  it('marks it expired from the next Beijing day, once, and leaves other ends alone', async () => {
    const at = new Date('2027-05-01T16:00:00Z');
    expect(await runPublicityJobOnce(ctx, at)).toMatchObject({ today: '2027-05-02', expired: 1 });
    expect(await reasonOf(key)).toEqual({ publicity_end_reason: 'expired', publicity_ended_at: at });
    expect((await reasonOf(repairedKey))?.publicity_end_reason).toBe('repaired');
    expect((await runPublicityJobOnce(ctx, new Date('2027-06-01T00:00:00Z'))).expired).toBe(0);
  });

  it('runs at start and stops cleanly', async () => {
    const job = startPublicityJob(ctx, 20);
    await job.current;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await job.stop();
    await expect(job.current).resolves.toBeUndefined();
  });
});
