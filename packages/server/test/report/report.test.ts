import { createPublicKey, verify } from 'node:crypto';
import { testEngines } from '@pubcredit/db/testing';
import { checkResidentId } from '@pubcredit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { CreditReport, ReportVerification } from '../../src/schemas/report.schema';
import { contentHashOf } from '../../src/services/report/canonical-json';
import { REPORT_NO_PATTERN } from '../../src/services/report/report-number';
import { generateSigningKey } from '../../src/services/report/signing-key';
import { COMPANY_USCC, DEPT_B, addDepartments } from '../fixtures';
import { addRecord, addSubject } from '../portal/portal-fixtures';
import { createTestApp, createTestContext } from '../test-context';

const FULL_ID = '410402199001011230';
const LIST = 'serious_dishonesty_list';
/** The ten administrative acts of the 2021 目录 item 3 (issue #2). */
const ADMINISTRATIVE_ACTS = [
  'administrative_license', 'administrative_penalty', 'administrative_coercion', 'administrative_confirmation', 'administrative_levy',
  'administrative_payment', 'administrative_adjudication', 'administrative_compensation', 'administrative_reward', 'administrative_inspection',
];

describe.each(testEngines())('credit reports on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let personId: string;
  const keys: Record<string, string> = {};

  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const verifyOf = (reportNo: string) => get<ReportVerification>(`/api/v1/reports/${encodeURIComponent(reportNo)}/verify`);

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    const subjectId = await addSubject(ctx, { name: '平顶山市鹰城建材有限公司', uscc: COMPANY_USCC });
    keys.penalty = await addRecord(ctx, { subjectId, docNo: '平市监罚〔2026〕1号', decisionDate: '2026-05-01', maxUntil: '2099-12-31', tier: 'serious' });
    keys.old = await addRecord(ctx, { subjectId, docNo: '平市监罚〔2024〕2号', decisionDate: '2024-06-01', maxUntil: '2099-12-31' });
    keys.coercion = await addRecord(ctx, { subjectId, docNo: '平市监强〔2026〕3号', catalog: 'administrative_coercion', negative: false, decisionDate: '2026-02-01' });
    keys.license = await addRecord(ctx, { subjectId, docNo: '平市住许〔2026〕4号', catalog: 'administrative_license', sourceDept: DEPT_B.uscc, data: { XK_NR: '建筑业企业资质' } });
    await addRecord(ctx, { subjectId, docNo: '平市监罚〔2026〕5号', publicityEndReason: 'repaired', data: { CF_WFXW: '已修复不应出现' } });
    keys.list = await addRecord(ctx, {
      subjectId, docNo: '平市监信〔2026〕7号', catalog: LIST, decisionDate: '2026-03-10', tier: 'serious', minUntil: '2027-03-10', maxUntil: '2029-03-10',
      data: { SX_MDMC: '严重违法失信名单', SX_LRSY: '提交虚假材料取得食品经营许可', SX_RDWSH: '平市监信〔2026〕7号', SX_LRRQ: '2026-03-10' },
    });
    // Removed from the list on 2025-12-01: the importer ends its publicity the day before.
    await addRecord(ctx, {
      subjectId, docNo: '平市监信〔2025〕8号', catalog: LIST, decisionDate: '2025-06-01', tier: 'serious', minUntil: '2025-11-30', maxUntil: '2025-11-30',
      data: { SX_MDMC: '严重违法失信名单', SX_LRSY: '已移出不应出现', SX_YCRQ: '2025-12-01' },
    });
    personId = await addSubject(ctx, { name: '张三', kind: 'natural_person', idMasked: '4104**********1230' });
    await addRecord(ctx, {
      subjectId: personId,
      docNo: '平市监罚〔2026〕6号',
      maxUntil: '2099-12-31',
      data: { CF_XDR_ZJHM: FULL_ID, CF_WFXW: `当事人张三（身份证号${FULL_ID}）未按规定经营` },
    });
    app = await createTestApp(ctx, { http: { rateLimit: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('a standard report lists the public records by category, and its signature verifies with the published key', async () => {
    const report = await get<CreditReport>(`/api/v1/subjects/${COMPANY_USCC}/report.json`);
    expect(report.reportNo).toMatch(REPORT_NO_PATTERN);
    expect(report).toMatchObject({ kind: 'standard', period: null, subject: { name: '平顶山市鹰城建材有限公司', uscc: COMPANY_USCC } });
    expect(report.sections.map((s) => s.category)).toEqual([...ADMINISTRATIVE_ACTS, LIST]);
    const section = (c: string) => report.sections.find((s) => s.category === c);
    expect(section(LIST)).toMatchObject({ name: '严重失信主体名单', records: [{ recordKey: keys.list, tier: 'serious', maxUntil: '2029-03-10' }] });
    expect(section(LIST)).not.toHaveProperty('note');
    expect(JSON.stringify(report)).not.toContain('已移出不应出现');
    expect(section('administrative_penalty')?.name).toBe('行政处罚');
    expect(section('administrative_penalty')?.records.map((r) => r.recordKey)).toEqual([keys.penalty, keys.old]);
    expect(section('administrative_penalty')?.records[0]).toMatchObject({ sourceDeptName: '平顶山市市场监督管理局（测试）', maxUntil: '2099-12-31', tier: 'serious' });
    expect(section('administrative_license')?.records.map((r) => r.recordKey)).toEqual([keys.license]);
    expect(JSON.stringify(report)).not.toContain('已修复不应出现');
    expect(report.verifyUrl).toBe(`http://localhost:8080/verify/${report.reportNo}`);

    // What a bank does offline: hash the canonical content, check the signature with the public key.
    const key = await get<{ algorithm: string; keyId: string; publicKeyPem: string }>('/api/v1/reports/signing-key');
    expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: report.signature.keyId });
    const { contentHash, signature, verifyUrl, ...content } = report;
    expect(verifyUrl).toContain(report.reportNo);
    expect(contentHashOf(content)).toBe(contentHash);
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    const publicKey = createPublicKey(key.publicKeyPem);
    expect(verify(null, Buffer.from(contentHash), publicKey, Buffer.from(signature.value, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(contentHash.replace(/^./, (c) => (c === '0' ? '1' : '0'))), publicKey, Buffer.from(signature.value, 'base64'))).toBe(false);

    // Every call issues a new number.
    const again = await get<CreditReport>(`/api/v1/subjects/${COMPANY_USCC}/report.json`);
    expect(again.reportNo).not.toBe(report.reportNo);
  });

  it('a 专项 report covers the chosen categories and decision dates, 严重失信主体名单 with its public list records', async () => {
    const report = await get<CreditReport>(
      `/api/v1/subjects/${COMPANY_USCC}/report.json?kind=special&from=2025-01-01&categories=administrative_penalty,serious_dishonesty_list`,
    );
    expect(report).toMatchObject({ kind: 'special', period: { from: '2025-01-01', to: null } });
    expect(report.sections.map((s) => [s.category, s.name])).toEqual([
      ['administrative_penalty', '行政处罚'],
      ['serious_dishonesty_list', '严重失信主体名单'],
    ]);
    expect(report.sections[0]?.records.map((r) => r.recordKey)).toEqual([keys.penalty]);
    expect(report.sections[1]?.records.map((r) => [r.recordKey, r.catalogName, r.decisionDate])).toEqual([[keys.list, '严重失信主体名单', '2026-03-10']]);
    expect(report.sections[1]?.records[0]?.data).toMatchObject({ SX_MDMC: '严重违法失信名单', SX_LRSY: '提交虚假材料取得食品经营许可' });
    expect(report.sections[1]).not.toHaveProperty('note');
    const listOnly = await get<CreditReport>(`/api/v1/subjects/${COMPANY_USCC}/report.json?kind=special&categories=serious_dishonesty_list`);
    expect(listOnly.sections.map((s) => [s.category, s.records.map((r) => r.recordKey)])).toEqual([[LIST, [keys.list]]]);
    const all = await get<CreditReport>(`/api/v1/subjects/${COMPANY_USCC}/report.json?kind=special&to=2026-03-01`);
    expect(all.sections.map((s) => s.category)).toEqual(['administrative_penalty', 'administrative_coercion', 'serious_dishonesty_list']);
    expect(all.sections.flatMap((s) => s.records.map((r) => r.recordKey))).toEqual([keys.old, keys.coercion]);
  });

  it.each([
    ['kind=monthly', 'kind'],
    ['kind=special&from=2026-13-01', 'from'],
    ['kind=special&to=yesterday', 'to'],
    ['kind=special&from=2026-05-01&to=2026-01-01', 'from'],
    ['kind=special&categories=administrative_license', 'categories'],
    ['kind=standard&from=2026-01-01', 'from'],
  ])('refuses %s with a Chinese message naming %s', async (query, param) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}/report.json?${query}` });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBe('INVALID_ARGUMENT');
    expect(body.message).toContain(`参数 ${param}`);
  });

  it('an unknown subject is 404; an ID number in the URL is refused', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/subjects/91410402MA9G12341X/report.json' })).statusCode).toBe(404);
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${FULL_ID}/report.json` });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain(FULL_ID);
  });

  it('verify: authentic and unchanged, then changed after a record is repaired, not authentic once the stored hash is tampered with', async () => {
    const report = await get<CreditReport>(`/api/v1/subjects/${COMPANY_USCC}/report.json`);
    const { message, ...fresh } = await verifyOf(report.reportNo);
    expect(fresh).toEqual({
      reportNo: report.reportNo,
      found: true,
      authentic: true,
      changed: false,
      issuedAt: report.issuedAt,
      asOf: report.asOf,
      subjectName: '平顶山市鹰城建材有限公司',
      kind: 'standard',
    });
    expect(message).toContain('真实有效');
    // A lower-case number (typed by hand) is the same report.
    expect((await verifyOf(report.reportNo.toLowerCase())).found).toBe(true);

    await ctx.db.query(`update records set publicity_end_reason = 'repaired', publicity_ended_at = now() where record_key = $1`, [keys.old]);
    const changed = await verifyOf(report.reportNo);
    expect(changed).toMatchObject({ found: true, authentic: true, changed: true });
    expect(changed.message).toContain('已发生变化');

    await ctx.db.query(`update credit_reports set content_hash = $2 where report_no = $1`, [report.reportNo, '0'.repeat(64)]);
    const forged = await verifyOf(report.reportNo);
    expect(forged).toMatchObject({ found: true, authentic: false });
    expect(forged.message).toContain('签名校验未通过');
  });

  it('after a signing-key rotation, reports signed with the retired key still verify once it is listed', async () => {
    const saved = ctx.reports;
    const [oldKey, newKey] = [generateSigningKey(), generateSigningKey()];
    try {
      ctx.reports = { publicUrl: 'http://localhost:8080', signingKey: oldKey };
      const report = await get<CreditReport>(`/api/v1/subjects/${COMPANY_USCC}/report.json`);
      expect(report.signature.keyId).toBe(oldKey.keyId);

      ctx.reports = { publicUrl: 'http://localhost:8080', signingKey: newKey };
      expect(await verifyOf(report.reportNo)).toMatchObject({ found: true, authentic: false });

      ctx.reports = { publicUrl: 'http://localhost:8080', signingKey: newKey, retiredKeys: [oldKey] };
      expect(await verifyOf(report.reportNo)).toMatchObject({ found: true, authentic: true });
      const keyInfo = await get<{ keyId: string; retired: { keyId: string; publicKeyPem: string }[] }>('/api/v1/reports/signing-key');
      expect(keyInfo.keyId).toBe(newKey.keyId);
      expect(keyInfo.retired).toEqual([{ keyId: oldKey.keyId, publicKeyPem: oldKey.publicKeyPem }]);
      expect(JSON.stringify(keyInfo)).not.toContain('PRIVATE');
    } finally {
      ctx.reports = saved;
    }
  });

  it('an unknown report number is not found (200, found false)', async () => {
    const unknown = await verifyOf('PDS-20260101-0000AAAA');
    expect(unknown).toMatchObject({ found: false, authentic: false, changed: false, subjectName: null, kind: null });
    expect(unknown.message).toContain('未找到该报告');
    expect((await verifyOf('NO-SUCH-REPORT')).found).toBe(false);
  });

  it('issuing is rate-limited per client like every public route (429 with a Chinese message)', async () => {
    const limited = await createTestApp(ctx, { http: { rateLimit: 2 } });
    try {
      const url = `/api/v1/subjects/${COMPANY_USCC}/report.json`;
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.inject({ method: 'GET', url })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      const res = await limited.inject({ method: 'GET', url: '/api/v1/reports/signing-key' });
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it('a natural person’s report shows the masked ID only', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${personId}/report.json` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(FULL_ID);
    // No valid 居民身份证号码 anywhere (hashes and signatures may hold digit runs by chance).
    expect((res.body.match(/\d{17}[\dX]/g) ?? []).filter((id) => checkResidentId(id).valid)).toEqual([]);
    const report = res.json<CreditReport>();
    expect(report.subject).toEqual({ subjectId: personId, kind: 'natural_person', name: '张三', uscc: null, idMasked: '4104**********1230' });
    expect((await verifyOf(report.reportNo)).authentic).toBe(true);
  });
});
