// Issue #4 §1–2, import side: every stored 行政处罚 carries its publicity regime, tier and periods;
// the credit centre's tier rules override the default; 简易程序 on a natural person is never
// public (Henan Art.13); a new version of a repaired record stays repaired; records stored before
// migration 006 get their publicity from the recompute service.
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { importFile } from '../../src/services/import/import.service';
import { recomputeMissingPublicity, recomputePublicity } from '../../src/services/publicity/recompute.service';
import { listPublicityTierRules, removePublicityTierRule, setPublicityTierRule } from '../../src/services/publicity/tier-rules.service';
import { DEPT_A, DEPT_B } from '../fixtures';
import { PENALTY, PENALTY_HEADERS, createImportContext, issuesOf, penaltyRow, personRow, removeTempFiles, residentId, syntheticUscc, toCsv, writeTemp } from './import-helpers';
import type { PenaltyRow } from './import-helpers';

const HEADERS = [...PENALTY_HEADERS, 'CF_NR_ZKDX', 'CF_CFCX'] as const;
type Row = PenaltyRow & { CF_CFCX?: string; CF_NR_ZKDX?: string };

interface Stored {
  doc_no: string;
  version: number;
  superseded_at: Date | null;
  negative: boolean;
  regime: string | null;
  tier: string | null;
  min_until: string | null;
  max_until: string | null;
  simple_procedure: boolean;
  never_public: boolean;
  publicity_ended_at: Date | null;
  publicity_end_reason: string | null;
  data: Record<string, unknown>;
  content_hash: string;
}

let seq = 0;
/** A penalty on a fresh company, with its own 文书号. */
function company(overrides: Row = {}): Row {
  seq++;
  return { ...penaltyRow({ CF_WSH: `平市监罚〔2026〕P${seq}号`, CF_XDR_SHXYM: syntheticUscc(9000 + seq), CF_XDR_MC: `平顶山市公示测试${seq}有限公司` }), ...overrides };
}

function importCsv(ctx: AppContext, rows: readonly Row[], source = DEPT_A.uscc, headers: readonly string[] = HEADERS) {
  const filePath = writeTemp('publicity.csv', toCsv(rows, headers));
  return importFile(ctx, { filePath, catalog: PENALTY, source });
}

async function stored(ctx: AppContext, docNo: string | undefined): Promise<Stored[]> {
  const { rows } = await ctx.db.query<Stored>(
    `select doc_no, version, superseded_at, negative, regime, tier, min_until, max_until, simple_procedure, never_public,
            publicity_ended_at, publicity_end_reason, data, content_hash
       from records where doc_no = $1 order by version`,
    [docNo],
  );
  return rows;
}

const current = async (ctx: AppContext, docNo: string | undefined): Promise<Stored> => {
  const all = await stored(ctx, docNo);
  const cur = all.find((r) => r.superseded_at === null);
  if (!cur) throw new Error(`no current version of ${String(docNo)}`);
  return cur;
};

describe.each(testEngines())('publicity at import on %s', (engine) => {
  let ctx: AppContext;

  beforeAll(async () => {
    // 2026-11-30 10:00 in Beijing: decisions up to that day are not in the future.
    ({ ctx } = await createImportContext(engine, '2026-11-30T02:00:00Z'));
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  it('stores regime, tier and periods by decision date and 处罚类别 (default table)', async () => {
    const cases: [Row, string, string, string, string][] = [
      [company({ CF_JDRQ: '2023-04-30', CF_YXQ: '2024-04-30', CF_CFLB: '罚款' }), 'ndrc-2019-527', 'general', '2023-07-30', '2024-04-30'],
      [company({ CF_JDRQ: '2023-05-01', CF_YXQ: '2024-05-01', CF_CFLB: '警告', CF_NR_FK: '' }), 'ndrc-order-58', 'minor', '2023-08-01', '2026-05-01'],
      [company({ CF_JDRQ: '2026-03-31', CF_YXQ: '2027-03-31', CF_CFLB: '罚款;吊销许可证件', CF_NR_ZKDX: '食品经营许可证 JY1' }), 'ndrc-order-58', 'serious', '2026-06-30', '2029-03-31'],
      [company({ CF_JDRQ: '2026-04-01', CF_YXQ: '2027-04-01', CF_CFLB: '责令停产停业', CF_NR_FK: '' }), 'ndrc-order-36', 'serious', '2027-04-01', '2029-04-01'],
      [company({ CF_JDRQ: '2026-11-30', CF_YXQ: '2027-11-30', CF_CFLB: '通报批评', CF_NR_FK: '' }), 'ndrc-order-36', 'minor', '2026-11-30', '2027-02-28'],
    ];
    const result = await importCsv(ctx, cases.map(([row]) => row));
    expect(result).toMatchObject({ accepted: cases.length, rejected: 0 });
    for (const [row, regime, tier, minUntil, maxUntil] of cases) {
      expect(await current(ctx, row.CF_WSH), row.CF_WSH).toMatchObject({
        negative: true, regime, tier, min_until: minUntil, max_until: maxUntil, simple_procedure: false, never_public: false,
      });
    }
  });

  it('a tier rule of the credit centre overrides the default; the most specific one wins', async () => {
    await setPublicityTierRule(ctx, { catalog: PENALTY, penaltyType: '罚款', tier: 'serious', basis: '平顶山市社会信用体系建设领导小组办公室文件 第3条（测试）' });
    await setPublicityTierRule(ctx, { catalog: PENALTY, department: DEPT_B.uscc, penaltyType: '03', tier: 'minor', basis: '生态环境领域分级标准（测试）' });
    const a = company({ CF_JDRQ: '2026-05-10', CF_YXQ: '2027-05-10' });
    const b = company({ CF_JDRQ: '2026-05-10', CF_YXQ: '2027-05-10' });
    await importCsv(ctx, [a]);
    await importCsv(ctx, [b], DEPT_B.uscc);
    expect(await current(ctx, a.CF_WSH)).toMatchObject({ regime: 'ndrc-order-36', tier: 'serious', min_until: '2027-05-10', max_until: '2029-05-10' });
    expect(await current(ctx, b.CF_WSH)).toMatchObject({ regime: 'ndrc-order-36', tier: 'minor', min_until: '2026-05-10', max_until: '2026-08-10' });
    // Catalogue-wide and all-department rules first.
    expect((await listPublicityTierRules(ctx)).map((r) => [r.sourceDept, r.penaltyType, r.tier])).toEqual([
      [null, '罚款', 'serious'],
      [DEPT_B.uscc, '罚款', 'minor'],
    ]);
    await removePublicityTierRule(ctx, { catalog: PENALTY, penaltyType: '罚款' });
    await removePublicityTierRule(ctx, { catalog: PENALTY, department: DEPT_B.uscc, penaltyType: '罚款' });
    expect(await listPublicityTierRules(ctx)).toEqual([]);
  });

  it('recomputes stored records after a tier rule changes (explicit, dry run first); ended records keep their history', async () => {
    await recomputePublicity(ctx); // earlier tests' records (imported under rules since removed) back to today's rules
    const row = (n: number): Row => company({ CF_CFLB: '降低资质等级', CF_NR_ZKDX: `建筑业企业资质证书 D14100000${n}`, CF_JDRQ: '2026-05-10', CF_YXQ: '2027-05-10' });
    const [x, y] = [row(1), row(2)];
    await importCsv(ctx, [x, y], DEPT_B.uscc);
    const serious = { tier: 'serious', min_until: '2027-05-10', max_until: '2029-05-10' };
    expect(await current(ctx, x.CF_WSH)).toMatchObject(serious);
    await ctx.db.query(`update records set publicity_end_reason = 'repaired', publicity_ended_at = now() where doc_no = $1`, [y.CF_WSH]);

    await setPublicityTierRule(ctx, { catalog: PENALTY, department: DEPT_B.uscc, penaltyType: '降低资质等级', tier: 'general', basis: '住房城乡建设领域分级标准（测试）' });
    const dry = await recomputePublicity(ctx, { catalog: PENALTY, department: DEPT_B.uscc, dryRun: true });
    expect(dry).toMatchObject({ changed: 1, dryRun: true });
    expect(await current(ctx, x.CF_WSH)).toMatchObject(serious);
    expect(await recomputePublicity(ctx, { department: DEPT_A.uscc })).toMatchObject({ changed: 0 });

    expect(await recomputePublicity(ctx, { department: DEPT_B.uscc })).toMatchObject({ changed: 1, dryRun: false });
    expect(await current(ctx, x.CF_WSH)).toMatchObject({ tier: 'general', min_until: '2026-08-10', max_until: '2027-05-10' });
    expect(await current(ctx, y.CF_WSH)).toMatchObject({ ...serious, publicity_end_reason: 'repaired' });
    expect(await recomputePublicity(ctx, { department: DEPT_B.uscc })).toMatchObject({ changed: 0 });

    await removePublicityTierRule(ctx, { catalog: PENALTY, department: DEPT_B.uscc, penaltyType: '降低资质等级' });
    expect(await recomputePublicity(ctx)).toMatchObject({ changed: 1 });
    expect(await current(ctx, x.CF_WSH)).toMatchObject(serious);
    await expect(recomputePublicity(ctx, { catalog: 'administrative_license' })).rejects.toThrow(/不是失信信息目录/);
  });

  it('refuses a bad tier rule with a Chinese message', async () => {
    await expect(setPublicityTierRule(ctx, { catalog: PENALTY, tier: 'severe', basis: 'x' })).rejects.toThrow(/公示等级无效/);
    await expect(setPublicityTierRule(ctx, { catalog: PENALTY, penaltyType: '打板子', tier: 'minor', basis: 'x' })).rejects.toThrow(/处罚类别“打板子”无效/);
    await expect(setPublicityTierRule(ctx, { catalog: 'administrative_license', tier: 'minor', basis: 'x' })).rejects.toThrow(/不是失信信息目录/);
    await expect(setPublicityTierRule(ctx, { catalog: PENALTY, department: syntheticUscc(1), tier: 'minor', basis: 'x' })).rejects.toThrow(/未登记/);
    await expect(setPublicityTierRule(ctx, { catalog: PENALTY, tier: 'minor', basis: ' ' })).rejects.toThrow(/依据/);
    await expect(removePublicityTierRule(ctx, { catalog: PENALTY, penaltyType: '警告' })).rejects.toThrow(/没有这条公示等级规则/);
  });

  it('简易程序 on a natural person is never public (Henan Art.13); on a company it is only flagged', async () => {
    const person = personRow({ CF_WSH: '平市监简〔2026〕1号', CF_XDR_ZJHM: residentId('41040219850505123'), CF_JDRQ: '2026-06-01', CF_YXQ: '2026-06-01', CF_CFLB: '警告', CF_NR_FK: '' });
    const firm = company({ CF_JDRQ: '2026-06-01', CF_YXQ: '2026-06-01', CF_NR: '罚款200元', CF_NR_FK: '0.02' });
    const ordinary = personRow({ CF_WSH: '平市监罚〔2026〕普1号', CF_XDR_ZJHM: residentId('41040219850505124'), CF_JDRQ: '2026-06-01', CF_YXQ: '2026-06-01' });
    const result = await importCsv(ctx, [{ ...person, CF_CFCX: '简易程序' }, { ...firm, CF_CFCX: '01' }, { ...ordinary, CF_CFCX: '普通程序' }]);
    expect(result).toMatchObject({ accepted: 3, rejected: 0 });
    expect(await current(ctx, person.CF_WSH)).toMatchObject({ negative: true, simple_procedure: true, never_public: true, tier: 'minor' });
    expect(await current(ctx, firm.CF_WSH)).toMatchObject({ negative: true, simple_procedure: true, never_public: false, tier: 'minor' });
    expect(await current(ctx, ordinary.CF_WSH)).toMatchObject({ simple_procedure: false, never_public: false, tier: 'general' });
  });

  it('an empty 处罚程序 is left out of the data: files without the column store the same hash', async () => {
    const row = company({ CF_JDRQ: '2026-06-02', CF_YXQ: '2027-06-02' });
    await importCsv(ctx, [row], DEPT_A.uscc, PENALTY_HEADERS);
    const first = await current(ctx, row.CF_WSH);
    expect(first.data).not.toHaveProperty('CF_CFCX');
    const again = await importCsv(ctx, [{ ...row, CF_CFCX: '' }]);
    expect(again).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it('a new version of a repaired record stays repaired', async () => {
    const row = company({ CF_JDRQ: '2026-07-01', CF_YXQ: '2027-07-01' });
    await importCsv(ctx, [row]);
    const endedAt = new Date('2026-10-08T02:00:00Z');
    await ctx.db.query(
      `update records set publicity_end_reason = 'repaired', publicity_ended_at = $2 where doc_no = $1 and superseded_at is null`,
      [row.CF_WSH, endedAt],
    );
    const result = await importCsv(ctx, [{ ...row, CF_NR: '罚款3000元', CF_NR_FK: '0.3' }]);
    expect(result).toMatchObject({ updated: 1 });
    const versions = await stored(ctx, row.CF_WSH);
    expect(versions.map((v) => [v.version, v.publicity_end_reason])).toEqual([[1, 'repaired'], [2, 'repaired']]);
    expect(versions[1]?.publicity_ended_at?.toISOString()).toBe(endedAt.toISOString());
    expect(versions[1]).toMatchObject({ negative: true, regime: 'ndrc-order-36', tier: 'general' });
    // A record never ended gets no end on its new version.
    const other = company({ CF_JDRQ: '2026-07-01', CF_YXQ: '2027-07-01' });
    await importCsv(ctx, [other]);
    await importCsv(ctx, [{ ...other, CF_NR: '罚款3000元', CF_NR_FK: '0.3' }]);
    expect((await current(ctx, other.CF_WSH)).publicity_end_reason).toBeNull();
  });

  it('a decision before every known regime is bounded by the Henan cap alone, with a warning', async () => {
    const row = company({ CF_JDRQ: '2016-03-01', CF_YXQ: '2017-03-01' });
    const result = await importCsv(ctx, [row]);
    expect(result.accepted).toBe(1);
    expect(issuesOf(result, 2).map((i) => i.rule)).toContain('publicity.before_regimes');
    expect(await current(ctx, row.CF_WSH)).toMatchObject({ negative: true, regime: null, min_until: null, max_until: '2021-03-01' });
  });

  it('recomputeMissingPublicity fills records stored before migration 006, and only those', async () => {
    const rows = [company({ CF_JDRQ: '2024-09-30', CF_YXQ: '2025-09-30' }), personRow({ CF_WSH: '平市监简〔2026〕9号', CF_XDR_ZJHM: residentId('41040219850505125'), CF_JDRQ: '2026-08-01', CF_YXQ: '2026-08-01', CF_CFLB: '警告', CF_NR_FK: '', CF_CFCX: '01' } as Row)];
    await importCsv(ctx, rows);
    const expected = await Promise.all(rows.map((r) => current(ctx, r.CF_WSH)));
    await ctx.db.query(
      `update records set negative = false, regime = null, tier = null, min_until = null, max_until = null,
              simple_procedure = false, never_public = false
        where doc_no = any($1::text[])`,
      [rows.map((r) => r.CF_WSH)],
    );
    const report = await recomputeMissingPublicity(ctx);
    expect(report.updated).toBe(2);
    const after = await Promise.all(rows.map((r) => current(ctx, r.CF_WSH)));
    expect(after).toEqual(expected);
    expect(after[0]).toMatchObject({ regime: 'ndrc-order-58', tier: 'general', min_until: '2024-12-30', max_until: '2027-09-30' });
    expect(after[1]).toMatchObject({ never_public: true, simple_procedure: true });
    expect(await recomputeMissingPublicity(ctx)).toEqual({ updated: 0 });
  });
});
