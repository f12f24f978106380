// The demo data set (packages/server/demo) loads through the normal importer on both engines, and a
// new user finds a 严重失信主体名单 listing in force on the demo company, not the one since removed.
import { listPublicRecords } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import { seedDemo } from '../src/services/demo.service';
import type { DemoSummary } from '../src/services/demo.service';
import { beijingToday } from '../src/services/publicity/today';
import { createImportContext } from './import/import-helpers';

const LIST = 'serious_dishonesty_list';

describe.each(testEngines())('demo data set on %s', (engine) => {
  let ctx: AppContext;
  let summary: DemoSummary;

  beforeAll(async () => {
    // 2026-11-30 10:00 in Beijing, after every valid demo decision.
    ({ ctx } = await createImportContext(engine, '2026-11-30T02:00:00Z'));
    summary = await seedDemo(ctx);
  });
  afterAll(async () => {
    await ctx?.db.close();
  });

  it('imports every file: the bad rows of the penalty and licence files are rejected, the list rows accepted', () => {
    expect(summary.departments).toBe(3);
    expect(summary.imports.map(({ file, catalog, total, accepted, rejected }) => ({ file, catalog, total, accepted, rejected }))).toEqual([
      { file: 'administrative-penalty.csv', catalog: 'administrative_penalty', total: 40, accepted: 34, rejected: 6 },
      { file: 'administrative-license.gbk.csv', catalog: 'administrative_license', total: 31, accepted: 28, rejected: 3 },
      { file: 'serious-dishonesty-list.csv', catalog: LIST, total: 2, accepted: 2, rejected: 0 },
    ]);
  });

  it('the listing in force is public on the demo company; the removed one is not', async () => {
    const today = beijingToday(ctx.now());
    const publicListings = async (uscc: string) => {
      const { rows } = await ctx.db.query<{ subject_id: string }>('select subject_id from subjects where uscc = $1', [uscc]);
      const subjectId = rows[0]?.subject_id ?? '';
      return (await listPublicRecords(ctx.db, subjectId, { today, catalogs: [LIST], limit: 10, offset: 0 })).map((r) => [r.docNo, r.tier, r.maxUntil]);
    };
    expect(await publicListings('91410402MAA0M6D717')).toEqual([['平市监信〔2026〕1号', 'serious', '2029-08-18']]);
    expect(await publicListings('91410402MA2YUMA33Y')).toEqual([]);
  });
});
