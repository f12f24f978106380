import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { PublicityEnd, RecordVersions } from '../../src/schemas/record.schema';
import type { SubjectArchive, SubjectRecords } from '../../src/schemas/subject.schema';
import { runPublicityJobOnce } from '../../src/services/publicity/expiry.job';
import { beijingToday } from '../../src/services/publicity/today';
import { COMPANY_USCC, DEPT_A, DEPT_B, addDepartments } from '../fixtures';
import { addStaff, sessionFor } from '../staff';
import { createTestApp, createTestContext } from '../test-context';
import { addRecord, addSubject } from './portal-fixtures';

const FULL_ID = '410402199001011230';
/** The same person's number as departments type it in free text: none may be shown in full. */
const TYPED_IDS = ['410402199001011231', '４１０４０２１９９００１０１１２３０', '410402 19900101 1230', '410402900101123'];
/** Personal numbers a department may type into free text: a mistyped ID, a first-generation ID, a mobile. */
const MISTYPED_ID = '410402199001011231';
const OLD_ID = '410402900101123';
const MOBILE = '13812345678';

function daysFromToday(days: number): string {
  const d = new Date(`${beijingToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.each(testEngines())('public subject archive on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let subjectId: string;
  let personId: string;
  const keys: Record<string, string> = {};
  let officer: Record<string, string>;

  const get = async <T>(url: string, headers: Record<string, string> = {}): Promise<T> => {
    const res = await app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    subjectId = await addSubject(ctx, { name: '平顶山市鹰城建材有限公司', uscc: COMPANY_USCC });
    const r = (docNo: string, extra: Partial<Parameters<typeof addRecord>[1]> = {}) => addRecord(ctx, { subjectId, docNo, ...extra });
    keys.public = await r('平市监罚〔2026〕1号', { maxUntil: daysFromToday(30), tier: 'serious', data: { CF_WFXW: '公示中' } });
    keys.lastDay = await r('平市监罚〔2026〕2号', { maxUntil: daysFromToday(0), data: { CF_WFXW: '今天是最后一天' } });
    keys.pastDate = await r('平市监罚〔2024〕3号', { decisionDate: '2024-01-05', maxUntil: daysFromToday(-1), data: { CF_WFXW: '已过期未标记' } });
    keys.byJob = await r('平市监罚〔2023〕4号', { decisionDate: '2023-01-05', maxUntil: daysFromToday(-10), data: { CF_WFXW: '由任务标记过期' } });
    keys.repaired = await r('平市监罚〔2026〕5号', { maxUntil: daysFromToday(300), data: { CF_WFXW: '将被修复' } });
    keys.withdrawn = await r('平市监罚〔2026〕6号', { publicityEndReason: 'withdrawn', data: { CF_WFXW: '已撤销' } });
    keys.neverPublic = await r('平市监罚〔2026〕7号', { neverPublic: true, data: { CF_WFXW: '简易程序不公示' } });
    await r('平市监罚〔2026〕8号', { version: 1, supersededAt: new Date('2026-05-02T00:00:00Z'), data: { CF_WFXW: '旧版本内容' } });
    keys.superseded = await r('平市监罚〔2026〕8号', { version: 2, maxUntil: daysFromToday(30), data: { CF_WFXW: '新版本内容' } });
    keys.license = await r('平市监许〔2026〕9号', { catalog: 'administrative_license', sourceDept: DEPT_B.uscc, data: { XK_NR: '许可内容' } });

    personId = await addSubject(ctx, { name: '张三', kind: 'natural_person', idMasked: '4104**********1230' });
    await addRecord(ctx, {
      subjectId: personId,
      docNo: '平市监罚〔2026〕10号',
      maxUntil: daysFromToday(30),
      data: {
        CF_XDR_ZJHM: FULL_ID,
        CF_WFXW: `当事人张三（身份证号${FULL_ID}）未按规定经营`,
        CF_SY: `张三（身份证${MISTYPED_ID}，旧证号${OLD_ID}）`,
        BZ: `联系电话${MOBILE}`,
      },
    });
    await addRecord(ctx, {
      subjectId: personId,
      docNo: '平市监罚〔2026〕11号',
      maxUntil: daysFromToday(30),
      data: { CF_XDR_ZJHM: FULL_ID, CF_SY: TYPED_IDS.map((id) => `当事人张三（身份证号${id}）`).join('；') },
    });
    officer = (await sessionFor(ctx, await addStaff(ctx, 'credit_officer'))).headers;
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('shows only public records, with source department names and publicity periods', async () => {
    const body = await get<SubjectArchive>(`/api/v1/subjects/${COMPANY_USCC}`);
    expect(body.subject).toMatchObject({ subjectId, name: '平顶山市鹰城建材有限公司' });
    const shown = body.records.map((x) => x.recordKey).sort();
    expect(shown).toEqual([keys.public, keys.lastDay, keys.repaired, keys.superseded, keys.license].sort());
    expect(body.total).toBe(5);
    expect(body.counts).toEqual({ administrative_penalty: 4, administrative_license: 1 });
    const penalty = body.records.find((x) => x.recordKey === keys.public);
    expect(penalty).toMatchObject({
      sourceDept: DEPT_A.uscc,
      sourceDeptName: DEPT_A.name,
      regime: 'ndrc-order-36',
      regimeName: '国家发展改革委令第36号',
      tier: 'serious',
      minUntil: '2026-08-01',
      maxUntil: daysFromToday(30),
    });
    const license = body.records.find((x) => x.recordKey === keys.license);
    expect(license).toMatchObject({ sourceDeptName: DEPT_B.name, regime: null, regimeName: null, tier: null, minUntil: null, maxUntil: null });
    expect(body.records.find((x) => x.recordKey === keys.superseded)?.version).toBe(2);
  });

  it('pages and filters records by catalogue', async () => {
    const page = await get<SubjectRecords>(`/api/v1/subjects/${subjectId}/records?catalog=administrative_penalty&limit=2&offset=0`);
    expect(page.total).toBe(4);
    expect(page.records).toHaveLength(2);
    const licenses = await get<SubjectRecords>(`/api/v1/subjects/${COMPANY_USCC}/records?catalog=administrative_license`);
    expect(licenses.records.map((x) => x.recordKey)).toEqual([keys.license]);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/subjects/91410402MA9G12341J/records' });
    expect(missing.statusCode).toBe(404);
  });

  it('ends publicity on a credit officer\'s decision (repaired): gone from the public, kept for staff', async () => {
    const anon = await app.inject({ method: 'POST', url: `/api/v1/records/${keys.repaired}/publicity/end`, payload: { reason: 'repaired', note: 'x' } });
    expect(anon.statusCode).toBe(401);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/records/${keys.repaired}/publicity/end`,
      headers: officer,
      payload: { reason: 'repaired', note: '平信修〔2026〕12号' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PublicityEnd>()).toMatchObject({ recordKey: keys.repaired, publicityEndReason: 'repaired' });
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/records/${keys.repaired}/publicity/end`,
      headers: officer,
      payload: { reason: 'withdrawn', note: '重复' },
    });
    expect(again.json<PublicityEnd>()).toEqual(res.json<PublicityEnd>());
    const unknown = await app.inject({ method: 'POST', url: `/api/v1/records/${'0'.repeat(64)}/publicity/end`, headers: officer, payload: { reason: 'repaired', note: 'x' } });
    expect(unknown.statusCode).toBe(404);
    await app.flushAudit();
    const { rows } = await ctx.db.query<{ target: string; outcome: string }>(
      `select target, outcome from audit_log where action = 'record.publicity.end' and actor_kind = 'user' order by seq`,
    );
    expect(rows).toEqual([
      { target: keys.repaired, outcome: 'success' },
      { target: keys.repaired, outcome: 'success' },
      { target: '0'.repeat(64), outcome: 'error' },
    ]);
  });

  it('the job marks records past maxUntil as expired, idempotently', async () => {
    const report = await runPublicityJobOnce(ctx);
    expect(report.today).toBe(beijingToday());
    expect(report.expired).toBe(2); // pastDate and byJob; lastDay is public through today
    expect((await runPublicityJobOnce(ctx)).expired).toBe(0);
    const { rows } = await ctx.db.query<{ record_key: string; publicity_end_reason: string | null }>(
      `select record_key, publicity_end_reason from records where subject_id = $1 and superseded_at is null`,
      [subjectId],
    );
    const reason = (key: string | undefined) => rows.find((x) => x.record_key === key)?.publicity_end_reason;
    expect(reason(keys.byJob)).toBe('expired');
    expect(reason(keys.pastDate)).toBe('expired');
    expect(reason(keys.lastDay)).toBeNull();
    expect(reason(keys.repaired)).toBe('repaired');
  });

  it('after all that the public sees exactly the public records, everywhere', async () => {
    const archive = await get<SubjectArchive>(`/api/v1/subjects/${subjectId}`);
    expect(archive.records.map((x) => x.recordKey).sort()).toEqual([keys.public, keys.lastDay, keys.superseded, keys.license].sort());
    const text = JSON.stringify(archive) + JSON.stringify(await get(`/api/v1/disclosures?limit=100`));
    for (const hidden of ['已过期未标记', '由任务标记过期', '将被修复', '已撤销', '简易程序不公示', '旧版本内容']) expect(text).not.toContain(hidden);
    expect(text).toContain('新版本内容');
  });

  it('staff still see every stored version; the public may not read versions', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/records/${keys.superseded}/versions` })).statusCode).toBe(401);
    const versions = await get<RecordVersions>(`/api/v1/records/${keys.superseded}/versions`, officer);
    expect(versions.versions.map((v) => v.data.CF_WFXW)).toEqual(['旧版本内容', '新版本内容']);
    for (const key of [keys.byJob, keys.repaired, keys.withdrawn, keys.neverPublic]) {
      const v = await get<RecordVersions>(`/api/v1/records/${key}/versions`, officer);
      expect(v.versions).toHaveLength(1);
    }
    const deptB = (await sessionFor(ctx, await addStaff(ctx, 'dept_reviewer', DEPT_B.uscc))).headers;
    expect((await app.inject({ method: 'GET', url: `/api/v1/records/${keys.public}/versions`, headers: deptB })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/records/${keys.license}/versions`, headers: deptB })).statusCode).toBe(200);
  });

  it('never shows a full ID number in any public response', async () => {
    const urls = [
      `/api/v1/subjects/${personId}`,
      `/api/v1/subjects/${personId}/records`,
      `/api/v1/subjects?q=${encodeURIComponent('张三')}`,
      '/api/v1/disclosures?limit=100',
      '/api/v1/disclosures.csv',
      '/api/v1/disclosures/departments',
      `/api/v1/subjects/${personId}/report.json`,
    ];
    const bodies: string[] = [];
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      bodies.push(res.body);
    }
    const all = bodies.join('\n');
    expect(all).toContain('张三');
    expect(all).toContain('4104**********1230');
    expect(all).not.toContain(FULL_ID);
    for (const id of TYPED_IDS) expect(all).not.toContain(id);
    expect(all).not.toMatch(/\d{17}[\dX]/);
    expect(all).not.toContain(OLD_ID);
    expect(all).not.toContain(MOBILE);
    expect(all).toContain('138****5678');
    // Natural persons are not found by name.
    expect(JSON.parse(bodies[2] ?? '{}')).toMatchObject({ items: [], total: 0 });
  });

  it('shows a 统一社会信用代码 of digits only as it is, in its field and in a text', async () => {
    const digitsOnly = '914104021000000088';
    const id = await addSubject(ctx, { name: '平顶山市数字代码有限公司', uscc: digitsOnly });
    await addRecord(ctx, { subjectId: id, docNo: '平市监罚〔2026〕11号', maxUntil: daysFromToday(30), data: { CF_XDR_SHXYM: digitsOnly, CF_WFXW: `当事人（${digitsOnly}）` } });
    const body = await get<SubjectArchive>(`/api/v1/subjects/${digitsOnly}`);
    expect(body.records[0]?.data).toMatchObject({ CF_XDR_SHXYM: digitsOnly, CF_WFXW: `当事人（${digitsOnly}）` });
  });
});
