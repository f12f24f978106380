// Issue #2 item 5 "Natural key" and dry runs: catalogue + source department + 文书号 identifies a
// record; an identical re-import is `unchanged`, a changed one a new version with the old one kept
// and queryable; a dry run classifies the same way and writes nothing.
import { listRecordVersions } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { DEPT_A, DEPT_B } from '../fixtures';
import {
  createImportContext,
  expectNothingLost,
  importRows,
  penaltyRow,
  removeTempFiles,
  storedRecords,
  syntheticUscc,
  tableCounts,
} from './import-helpers';
import type { PenaltyRow } from './import-helpers';

const rowA = penaltyRow({ CF_WSH: '平市监罚〔2024〕V1号', CF_XDR_SHXYM: syntheticUscc(700), CF_XDR_MC: '平顶山市版本测试甲有限公司' });
const rowB = penaltyRow({ CF_WSH: '平市监罚〔2024〕V2号', CF_XDR_SHXYM: syntheticUscc(701), CF_XDR_MC: '平顶山市版本测试乙有限公司' });
const rowC = penaltyRow({ CF_WSH: '平市监罚〔2024〕V3号', CF_XDR_SHXYM: syntheticUscc(702), CF_XDR_MC: '平顶山市版本测试丙有限公司' });
const changedA = { ...rowA, CF_NR_FK: '0.5', CF_NR: '罚款5000元' };
const bad = penaltyRow({ CF_WSH: '平市监罚〔2024〕V9号', CF_XDR_SHXYM: '91410402MA9G12340X' });

async function versionsOf(ctx: AppContext, docNo: string, source = DEPT_A.uscc) {
  const { rows } = await ctx.db.query<{ record_key: string }>(`select record_key from record_keys k where exists (
      select 1 from records r where r.record_key = k.record_key and r.doc_no = $1 and r.source_dept = $2)`, [docNo, source]);
  expect(rows).toHaveLength(1);
  return listRecordVersions(ctx.db, rows[0]?.record_key ?? '', '2026-06-01');
}

describe.each(testEngines())('record versions on %s', (engine) => {
  let ctx: AppContext;
  let setNow: (iso: string) => void;

  beforeAll(async () => {
    ({ ctx, setNow } = await createImportContext(engine, '2025-06-02T02:00:00Z'));
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  it('first import creates every valid row; every row is stored or quarantined', async () => {
    const result = await importRows(ctx, [rowA, rowB, bad]);
    expect(result).toMatchObject({ total: 3, accepted: 2, rejected: 1, created: 2, updated: 0, unchanged: 0 });
    await expectNothingLost(ctx, result);
  });

  it('re-importing identical rows changes nothing and counts them unchanged', async () => {
    setNow('2025-06-03T02:00:00Z');
    const before = await tableCounts(ctx);
    const result = await importRows(ctx, [rowA, rowB, bad]);
    expect(result).toMatchObject({ total: 3, accepted: 2, rejected: 1, created: 0, updated: 0, unchanged: 2 });
    expect(await storedRecords(ctx, result.batchId)).toEqual([]);
    const after = await tableCounts(ctx);
    // Only the new batch, its quarantined row and its issues are added.
    for (const table of ['records', 'record_keys', 'subjects', 'subject_names']) expect(after[table], table).toBe(before[table]);
    expect(after.batches).toBe((before.batches ?? 0) + 1);
    expect(after.quarantine).toBe((before.quarantine ?? 0) + 1);
    expect((await versionsOf(ctx, rowA.CF_WSH ?? '')).map((v) => v.version)).toEqual([1]);
    await expectNothingLost(ctx, result);
  });

  it('differences normalisation removes (spaces, full-width digits, names vs codes) are not changes', async () => {
    setNow('2025-06-04T02:00:00Z');
    const same: PenaltyRow = {
      ...rowA,
      CF_XDR_MC: ` ${rowA.CF_XDR_MC ?? ''}\u3000`,
      CF_XDR_LB: '02',
      CF_CFLB: '03',
      CF_NR_FK: '０．２',
      CF_JDRQ: '2024/3/1',
      CF_XDR_SHXYM: (rowA.CF_XDR_SHXYM ?? '').toLowerCase(),
    };
    const result = await importRows(ctx, [same]);
    expect(result).toMatchObject({ total: 1, accepted: 1, unchanged: 1, created: 0, updated: 0 });
  });

  it('a changed row becomes a new version; the old one stays queryable, superseded', async () => {
    setNow('2025-06-05T02:00:00Z');
    const result = await importRows(ctx, [changedA, rowB, rowC]);
    expect(result).toMatchObject({ total: 3, accepted: 3, rejected: 0, created: 1, updated: 1, unchanged: 1 });
    await expectNothingLost(ctx, result);

    const versions = await versionsOf(ctx, rowA.CF_WSH ?? '');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = versions;
    expect(v1?.data).toMatchObject({ CF_NR_FK: '0.2', CF_NR: '罚款2000元' });
    expect(v2?.data).toMatchObject({ CF_NR_FK: '0.5', CF_NR: '罚款5000元' });
    expect(v1?.supersededAt?.toISOString()).toBe('2025-06-05T02:00:00.000Z');
    expect(v2?.supersededAt).toBeNull();
    expect(v2?.subjectId).toBe(v1?.subjectId);

    const { rows: current } = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from records where doc_no = $1 and superseded_at is null`,
      [rowA.CF_WSH],
    );
    expect(current[0]?.n).toBe(1);
    const { rows: key } = await ctx.db.query<{ version: number }>(`select version from record_keys where record_key = $1`, [v1?.recordKey]);
    expect(key[0]?.version).toBe(2);
  });

  it('the same 文书号 from another department is another record', async () => {
    setNow('2025-06-06T02:00:00Z');
    const fromB = { ...rowA, CF_SJLY: DEPT_B.name, CF_SJLYDM: DEPT_B.uscc, CF_CFJG: DEPT_B.name, CF_CFJGDM: DEPT_B.uscc };
    const result = await importRows(ctx, [fromB], { source: DEPT_B.uscc });
    expect(result).toMatchObject({ accepted: 1, created: 1, updated: 0 });
    expect((await versionsOf(ctx, rowA.CF_WSH ?? '', DEPT_B.uscc)).map((v) => v.version)).toEqual([1]);
    expect((await versionsOf(ctx, rowA.CF_WSH ?? '')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('a dry run classifies like a real import and writes nothing', async () => {
    setNow('2025-06-07T02:00:00Z');
    const before = await tableCounts(ctx);
    const rowD = penaltyRow({ CF_WSH: '平市监罚〔2024〕V4号', CF_XDR_SHXYM: syntheticUscc(703), CF_XDR_MC: '平顶山市试运行有限公司' });
    const changedB = { ...rowB, CF_NR_FK: '0.9' };
    const result = await importRows(ctx, [changedA, changedB, rowC, rowD, bad], { dryRun: true });
    expect(result.batchId).toBeNull();
    expect(result).toMatchObject({ total: 5, accepted: 4, rejected: 1, created: 1, updated: 1, unchanged: 2 });
    expect(result.issues).toContainEqual(expect.objectContaining({ row: 6, field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }));
    expect(await tableCounts(ctx)).toEqual(before);
    expect((await versionsOf(ctx, rowB.CF_WSH ?? '')).map((v) => v.version)).toEqual([1]);
  });
});
