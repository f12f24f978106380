// 严重失信主体名单 (regulations §3.6; issue #4 §4) end to end on both engines: a list file is
// imported like any catalogue, its records are 失信信息 of the 严重 tier with periods from the
// 列入日期, a record stops being public from its 移出日期 (HN-Credit Art.37) and after its maxUntil,
// and a 专项信用报告 with categories=serious_dishonesty_list carries what is public.
import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { CreditReport, ReportVerification } from '../../src/schemas/report.schema';
import type { SubjectRecords } from '../../src/schemas/subject.schema';
import { importFile } from '../../src/services/import/import.service';
import { runPublicityJobOnce } from '../../src/services/publicity/expiry.job';
import { DEPT_A } from '../fixtures';
import { createTestApp } from '../test-context';
import { createImportContext, expectRowIssues, issuesOf, removeTempFiles, residentId, syntheticUscc, toCsv, writeTemp } from './import-helpers';

const LIST = 'serious_dishonesty_list';

/** The list template by field code, with the Chinese headers a department's file carries. */
const FIELDS = {
  SX_XDR_MC: '失信主体名称',
  SX_XDR_LB: '失信主体类别',
  SX_XDR_SHXYM: '统一社会信用代码',
  SX_FRDB: '法定代表人',
  SX_XDR_ZJLX: '证件类型',
  SX_XDR_ZJHM: '证件号码',
  SX_MDMC: '名单名称',
  SX_LRSY: '列入事由',
  SX_RDYJ: '认定依据',
  SX_RDWSH: '认定决定文书号',
  SX_LRRQ: '列入日期',
  SX_YXQZ: '有效期至',
  SX_YCRQ: '移出日期',
  SX_RDBM: '认定部门',
  SX_RDBMDM: '认定部门统一社会信用代码',
  SX_SJLY: '数据来源单位',
  SX_SJLYDM: '数据来源单位统一社会信用代码',
} as const;
type ListRow = Partial<Record<keyof typeof FIELDS, string>>;
const CODES = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

const PERSON_ID = residentId('41040219800101123');

let seq = 0;
/** A listing of a fresh synthetic company by DEPT_A (市场监管: 严重违法失信名单); override any field. */
function listing(overrides: ListRow = {}): ListRow {
  seq++;
  return {
    SX_XDR_MC: `平顶山市名单测试${seq}有限公司`,
    SX_XDR_LB: '法人及非法人组织',
    SX_XDR_SHXYM: syntheticUscc(7000 + seq),
    SX_FRDB: '王建国',
    SX_MDMC: '严重违法失信名单',
    SX_LRSY: '提交虚假材料取得食品经营许可',
    SX_RDYJ: '《市场监督管理严重违法失信名单管理办法》第九条',
    SX_RDWSH: `平市监信〔2026〕${seq}号`,
    SX_LRRQ: '2026-06-01',
    SX_RDBM: DEPT_A.name,
    SX_RDBMDM: DEPT_A.uscc,
    SX_SJLY: DEPT_A.name,
    SX_SJLYDM: DEPT_A.uscc,
    ...overrides,
  };
}

describe.each(testEngines())('严重失信主体名单 on %s', (engine) => {
  let ctx: AppContext;
  let setNow: (iso: string) => void;
  let app: FastifyInstance;

  const importList = (rows: readonly ListRow[]) =>
    importFile(ctx, { filePath: writeTemp('严重失信主体名单.csv', toCsv(rows, CODES.map((c) => FIELDS[c]), CODES)), catalog: '严重失信主体名单', source: DEPT_A.uscc });
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const publicList = (code: string) => get<SubjectRecords>(`/api/v1/subjects/${encodeURIComponent(code)}/records?catalog=${LIST}`);
  const stored = async (docNo: string | undefined) =>
    (
      await ctx.db.query<{ version: number; negative: boolean; regime: string | null; tier: string | null; min_until: string | null; max_until: string | null; publicity_end_reason: string | null }>(
        `select version, negative, regime, tier, min_until, max_until, publicity_end_reason from records where doc_no = $1 and superseded_at is null`,
        [docNo],
      )
    ).rows[0];

  const current = listing({ SX_YXQZ: '2029-05-31' });
  const removed = listing({ SX_LRRQ: '2025-03-10', SX_YCRQ: '2026-09-01' });
  const person = listing({
    SX_XDR_MC: '李某某', SX_XDR_LB: '自然人', SX_XDR_SHXYM: '', SX_FRDB: '', SX_XDR_ZJLX: '身份证', SX_XDR_ZJHM: PERSON_ID,
    SX_MDMC: '拖欠农民工工资失信联合惩戒对象名单', SX_LRSY: '拖欠农民工工资数额较大', SX_LRRQ: '2026-02-01',
  });

  beforeAll(async () => {
    // 2026-11-30 10:00 in Beijing.
    ({ ctx, setNow } = await createImportContext(engine, '2026-11-30T02:00:00Z'));
    app = await createTestApp(ctx, { http: { rateLimit: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
    removeTempFiles();
  });

  it('imports a list file (catalogue named in Chinese, Chinese headers): valid rows stored, bad rows refused naming row and field', async () => {
    const result = await importList([
      current,
      removed,
      person,
      listing({ SX_LRSY: '' }), // row 5: 列入事由 missing
      listing({ SX_LRRQ: '2026-02-30' }), // row 6: no such day
      listing({ SX_LRRQ: '2026-06-01', SX_YCRQ: '2026-05-01' }), // row 7: removed before it was listed
      listing({ SX_FRDB: '' }), // row 8: an organisation without its 法定代表人 (HN-Credit Art.35)
      listing({ SX_LRRQ: '2026-12-01' }), // row 9: listed tomorrow
    ]);
    expect(result).toMatchObject({ catalog: LIST, total: 8, accepted: 3, rejected: 5 });
    expectRowIssues(result, 5, [{ field: 'SX_LRSY', rule: 'required' }]);
    expectRowIssues(result, 6, [{ field: 'SX_LRRQ', rule: 'date.invalid' }]);
    expectRowIssues(result, 7, [{ field: 'SX_YCRQ', rule: 'date.order' }]);
    expectRowIssues(result, 8, [{ field: 'SX_FRDB', rule: 'required' }]);
    expectRowIssues(result, 9, [{ field: 'SX_LRRQ', rule: 'date.future' }]);
    expect(issuesOf(result, 5)[0]?.message).toContain('列入事由');
    expect(issuesOf(result, 6)[0]?.message).toContain('2026-02-30');
    expect(issuesOf(result, 8)[0]?.message).toBe('法定代表人（主要负责人）（SX_FRDB）：失信主体类别为“法人”时必填');
    expect(issuesOf(result, 9)[0]?.message).toBe('列入日期（SX_LRRQ）“2026-12-01”晚于导入当日 2026-11-30，列入日期不能是将来的日期');
  });

  it('stores them as 失信信息 of the 严重 tier, periods from the 列入日期, ended the day before the 移出日期', async () => {
    // Order 36 严重: 1–3 years from 2026-06-01; the 有效期至 (2029-05-31) lies within the period.
    expect(await stored(current.SX_RDWSH)).toMatchObject({ negative: true, regime: 'ndrc-order-36', tier: 'serious', min_until: '2027-06-01', max_until: '2029-06-01' });
    // Order 58 (3 months–3 years) from 2025-03-10, removed 2026-09-01: public until 2026-08-31.
    expect(await stored(removed.SX_RDWSH)).toMatchObject({ negative: true, regime: 'ndrc-order-58', tier: 'serious', min_until: '2025-06-10', max_until: '2026-08-31' });
    expect(await stored(person.SX_RDWSH)).toMatchObject({ regime: 'ndrc-order-58', tier: 'serious', max_until: '2029-02-01' });
  });

  it('shows the current listing on the subject page and in the archive counts; the removed one is not public', async () => {
    const page = await publicList(current.SX_XDR_SHXYM ?? '');
    expect(page.total).toBe(1);
    expect(page.records[0]).toMatchObject({ catalog: LIST, catalogName: '严重失信主体名单', docNo: current.SX_RDWSH, decisionDate: '2026-06-01', tier: 'serious', maxUntil: '2029-06-01' });
    expect(page.records[0]?.data).toMatchObject({ SX_MDMC: '严重违法失信名单', SX_FRDB: '王建国' });
    const archive = await get<{ counts: Record<string, number> }>(`/api/v1/subjects/${current.SX_XDR_SHXYM ?? ''}`);
    expect(archive.counts[LIST]).toBe(1);
    expect(await publicList(removed.SX_XDR_SHXYM ?? '')).toEqual({ records: [], total: 0 });
    const browse = await get<{ items: { docNo: string }[] }>(`/api/v1/disclosures?catalog=${LIST}`);
    expect(browse.items.map((i) => i.docNo).sort()).toEqual([current.SX_RDWSH, person.SX_RDWSH].sort());
    expect(JSON.stringify(browse)).not.toContain(PERSON_ID);
  });

  let reportNo = '';
  it('a 专项 report with categories=serious_dishonesty_list carries the public listing', async () => {
    const report = await get<CreditReport>(`/api/v1/subjects/${current.SX_XDR_SHXYM ?? ''}/report.json?kind=special&categories=${LIST}`);
    reportNo = report.reportNo;
    expect(report.sections).toHaveLength(1);
    expect(report.sections[0]).toMatchObject({ category: LIST, name: '严重失信主体名单' });
    expect(report.sections[0]).not.toHaveProperty('note');
    expect(report.sections[0]?.records.map((r) => [r.docNo, r.tier, r.minUntil, r.maxUntil])).toEqual([[current.SX_RDWSH, 'serious', '2027-06-01', '2029-06-01']]);
    expect((await get<ReportVerification>(`/api/v1/reports/${reportNo}/verify`)).changed).toBe(false);
    const removedReport = await get<CreditReport>(`/api/v1/subjects/${removed.SX_XDR_SHXYM ?? ''}/report.json?kind=special&categories=${LIST}`);
    expect(removedReport.sections[0]?.records).toEqual([]);
  });

  it('the department reports the removal: from the 移出日期 (today) the listing is no longer public, and the report has changed', async () => {
    const result = await importList([{ ...current, SX_YCRQ: '2026-11-30' }]);
    expect(result).toMatchObject({ accepted: 1, updated: 1 });
    expect(await stored(current.SX_RDWSH)).toMatchObject({ version: 2, min_until: '2026-11-29', max_until: '2026-11-29' });
    expect(await publicList(current.SX_XDR_SHXYM ?? '')).toEqual({ records: [], total: 0 });
    expect((await get<ReportVerification>(`/api/v1/reports/${reportNo}/verify`)).changed).toBe(true);
    // The hourly job then records why it ended.
    expect((await runPublicityJobOnce(ctx, new Date('2026-11-30T02:00:00Z'), { recompute: false })).expired).toBeGreaterThanOrEqual(1);
    expect(await stored(current.SX_RDWSH)).toMatchObject({ publicity_end_reason: 'expired' });
  });

  it('a removal reported by mistake and then taken back: the new version is public again (its own period decides, not the old one’s expiry)', async () => {
    const result = await importList([{ ...current, SX_YCRQ: '' }]);
    expect(result).toMatchObject({ accepted: 1, updated: 1 });
    expect(await stored(current.SX_RDWSH)).toMatchObject({ version: 3, max_until: '2029-06-01', publicity_end_reason: null });
    expect((await publicList(current.SX_XDR_SHXYM ?? '')).records.map((r) => r.docNo)).toEqual([current.SX_RDWSH]);
    // The job leaves it alone: its period runs to 2029-06-01.
    expect((await runPublicityJobOnce(ctx, new Date('2026-11-30T02:00:00Z'), { recompute: false })).expired).toBe(0);
    expect((await publicList(current.SX_XDR_SHXYM ?? '')).total).toBe(1);
  });

  it('a listing without a 移出日期 is public through its maxUntil and not the day after', async () => {
    const code = person.SX_RDWSH ?? '';
    const publicOn = async (iso: string) => {
      setNow(iso);
      const browse = await get<{ items: { docNo: string }[] }>(`/api/v1/disclosures?catalog=${LIST}`);
      return browse.items.some((i) => i.docNo === code);
    };
    try {
      expect(await publicOn('2029-02-01T15:00:00Z')).toBe(true); // 2029-02-01 23:00 in Beijing: the last public day
      expect(await publicOn('2029-02-01T16:00:00Z')).toBe(false); // 2029-02-02 00:00 in Beijing
    } finally {
      setNow('2026-11-30T02:00:00Z');
    }
  });
});
