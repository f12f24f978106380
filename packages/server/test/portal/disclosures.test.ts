import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { ErrorBody } from '../../src/schemas/common.schema';
import type { DisclosureList } from '../../src/schemas/disclosure.schema';
import { DEPT_A, DEPT_B, addDepartments } from '../fixtures';
import { createTestApp, createTestContext } from '../test-context';
import { addRecord, addSubject } from './portal-fixtures';

describe.each(testEngines())('双公示 browse on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;

  const browse = async (query: string): Promise<DisclosureList> => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/disclosures${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DisclosureList>();
  };

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    const a = await addSubject(ctx, { name: '平顶山市鹰城建材有限公司' });
    const evil = await addSubject(ctx, { name: '=HYPERLINK("http://evil","点我")' });
    await addRecord(ctx, {
      subjectId: a,
      docNo: 'P-1',
      decisionDate: '2026-03-01',
      maxUntil: '2099-01-01',
      data: { CF_XDR_SHXYM: '91410402MAA0M6D717', CF_XDR_LB: '02', CF_CFLB: ['03', '04'], CF_WFXW: '测试违法行为', CF_WSH: 'P-1' },
    });
    await addRecord(ctx, { subjectId: a, docNo: 'P-2', decisionDate: '2026-05-10', sourceDept: DEPT_B.uscc, maxUntil: '2099-01-01' });
    await addRecord(ctx, { subjectId: a, docNo: 'L-1', decisionDate: '2026-04-01', catalog: 'administrative_license', data: { XK_NR: '+SUM(A1:A2)' } });
    await addRecord(ctx, { subjectId: evil, docNo: 'P-3', decisionDate: '2026-06-01', maxUntil: '2099-01-01', data: { CF_WFXW: '@cmd' } });
    await addRecord(ctx, { subjectId: a, docNo: 'P-4', decisionDate: '2026-06-02', publicityEndReason: 'repaired' });
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('lists public records newest first, with subject and department names', async () => {
    const all = await browse('');
    expect(all.items.map((i) => i.docNo)).toEqual(['P-3', 'P-2', 'L-1', 'P-1']);
    expect(all).toMatchObject({ total: 4, totalCapped: false, limit: 20, offset: 0 });
    expect(all.items[1]).toMatchObject({ subjectName: '平顶山市鹰城建材有限公司', sourceDept: DEPT_B.uscc, sourceDeptName: DEPT_B.name });
  });

  it('filters by catalogue, department and decision dates', async () => {
    expect((await browse('?catalog=administrative_license')).items.map((i) => i.docNo)).toEqual(['L-1']);
    expect((await browse('?catalog=administrative_license,administrative_penalty')).total).toBe(4);
    expect((await browse(`?department=${DEPT_B.uscc}`)).items.map((i) => i.docNo)).toEqual(['P-2']);
    expect((await browse(`?department=${DEPT_A.uscc}&catalog=administrative_penalty`)).items.map((i) => i.docNo)).toEqual(['P-3', 'P-1']);
    expect((await browse('?from=2026-04-01&to=2026-05-31')).items.map((i) => i.docNo)).toEqual(['P-2', 'L-1']);
    expect((await browse('?limit=1&offset=1')).items.map((i) => i.docNo)).toEqual(['P-2']);
  });

  it('refuses unknown catalogues and reversed dates in Chinese', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/v1/disclosures?catalog=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toContain('未知的信息类别');
    const reversed = await app.inject({ method: 'GET', url: '/api/v1/disclosures?from=2026-05-01&to=2026-04-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<ErrorBody>().message).toContain('起始日期');
  });

  it('exports CSV with a BOM, guarded against formulas, same filters', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/disclosures.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('信息类别,行政相对人名称,统一社会信用代码,主体标识,决定文书号,决定日期,报送部门,报送部门代码,失信程度,公示截止日期,详细信息');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(res.body).not.toMatch(/(^|,)[=+\-@]/m);
    expect(res.body).not.toContain('P-4');
    // Read in Excel by people: the subject's code in its own column, the detail in catalogue order
    // with enum codes by their names (as on the credit report), not JSON.
    const p1 = lines.find((l) => l.includes(',P-1,')) ?? '';
    expect(p1).toContain(',91410402MAA0M6D717,');
    expect(p1).toMatch(/,行政相对人类别：法人；违法行为类型：测试违法行为；处罚类别：罚款、没收违法所得$/);
    const filtered = await app.inject({ method: 'GET', url: '/api/v1/disclosures.csv?catalog=administrative_license' });
    expect(filtered.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('kind=administrative_act is 双公示 / 十公示 without the lists; kind=list the 严重失信主体名单; both in CSV too', async () => {
    const subjectId = await addSubject(ctx, { name: '平顶山市新华区恒达商贸有限公司' });
    await addRecord(ctx, {
      subjectId, docNo: 'S-1', catalog: 'serious_dishonesty_list', decisionDate: '2026-05-20', tier: 'serious', maxUntil: '2099-01-01',
      data: { SX_MDMC: '严重违法失信名单', SX_LRRQ: '2026-05-20', SX_YXQZ: '2029-05-19', SX_RDWSH: 'S-1' },
    });
    // Without kind: every catalogue, the list too (the API's contract since it was added).
    expect((await browse('')).items.map((i) => i.docNo)).toEqual(['P-3', 'S-1', 'P-2', 'L-1', 'P-1']);
    expect((await browse('?kind=administrative_act')).items.map((i) => i.docNo)).toEqual(['P-3', 'P-2', 'L-1', 'P-1']);
    const lists = await browse('?kind=list&from=2026-05-01');
    expect(lists.items.map((i) => [i.docNo, i.catalogName])).toEqual([['S-1', '严重失信主体名单']]);
    expect((await browse('?kind=administrative_act&catalog=administrative_license')).items.map((i) => i.docNo)).toEqual(['L-1']);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/disclosures.csv?kind=list' });
    expect(csv.statusCode).toBe(200);
    const rows = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows).toHaveLength(2);
    // The list's file speaks of listing, not of decisions, and is named for the list.
    expect(rows[0]).toBe('名单类别,失信主体名称,统一社会信用代码,主体标识,认定决定文书号,列入日期,报送部门,报送部门代码,失信程度,公示截止日期,详细信息');
    expect(decodeURIComponent(csv.headers['content-disposition'] as string)).toContain('严重失信主体名单_');
    expect(rows[1]).toMatch(/^严重失信主体名单,平顶山市新华区恒达商贸有限公司,.*,S-1,2026-05-20,.*,严重,2099-01-01,名单名称：严重违法失信名单；有效期至：2029-05-19$/);
    const acts = await app.inject({ method: 'GET', url: '/api/v1/disclosures.csv?kind=administrative_act' });
    expect(acts.body).not.toContain('S-1');
    expect(acts.body.replace(/^\ufeff/, '')).toMatch(/^信息类别,行政相对人名称,统一社会信用代码,主体标识,决定文书号,决定日期,/);
    expect(decodeURIComponent(acts.headers['content-disposition'] as string)).toContain('双公示_');
  });

  it('refuses an unknown kind, and a catalogue of another kind, in Chinese', async () => {
    for (const url of ['/api/v1/disclosures?kind=blacklist', '/api/v1/disclosures.csv?kind=blacklist']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().message).toBe('参数 kind 应为 administrative_act（行政行为信息（双公示、十公示））或 list（名单信息），实为“blacklist”');
    }
    const mixed = await app.inject({ method: 'GET', url: '/api/v1/disclosures?kind=administrative_act&catalog=serious_dishonesty_list' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json<ErrorBody>().message).toBe('信息类别 serious_dishonesty_list（严重失信主体名单）不属于行政行为信息（双公示、十公示）');
  });

  it('lists the departments for the filter', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/disclosures/departments' });
    expect(res.json()).toEqual({ items: expect.arrayContaining([DEPT_A, DEPT_B]) as unknown });
  });
});
