import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { Archive, RecordVersions } from '../../src/schemas/record.schema';
import type { SubjectArchive } from '../../src/schemas/subject.schema';
import { beijingToday } from '../../src/services/publicity/today';
import { COMPANY_USCC, DEPT_B, addDepartments } from '../fixtures';
import { addStaff, sessionFor } from '../staff';
import { createTestApp, createTestContext } from '../test-context';
import { addRecord, addSubject } from './portal-fixtures';

// 信用档案核查 (GET /api/v1/archive/subjects/{code}, POST /api/v1/archive/subjects/lookup): what
// the public never sees stays visible to the staff who keep it, with why it is not public, and
// only as far as each one's department reaches.

const FULL_ID = '41040219900101102X';

function daysFromToday(days: number): string {
  const d = new Date(`${beijingToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.each(testEngines())('staff archive (信用档案核查) on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let subjectId: string;
  let personId: string;
  type Key = 'public' | 'pastMax' | 'byJob' | 'repaired' | 'withdrawn' | 'neverPublic' | 'twice' | 'licenceB' | 'person';
  const keys = {} as Record<Key, string>;
  const as: Record<'officer' | 'reporterB' | 'auditor', Record<string, string>> = { officer: {}, reporterB: {}, auditor: {} };

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const archive = async (url: string, who: keyof typeof as = 'officer'): Promise<Archive> => {
    const res = await call('GET', url, as[who]);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Archive>();
  };

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    subjectId = await addSubject(ctx, { name: '平顶山市鹰城核查建材有限公司', uscc: COMPANY_USCC });
    const r = (docNo: string, extra: Partial<Parameters<typeof addRecord>[1]> = {}) => addRecord(ctx, { subjectId, docNo, ...extra });
    keys.public = await r('平市监罚〔2026〕21号', { decisionDate: '2026-06-01', maxUntil: daysFromToday(30), tier: 'general' });
    keys.pastMax = await r('平市监罚〔2024〕22号', { decisionDate: '2024-01-05', maxUntil: daysFromToday(-1) });
    keys.byJob = await r('平市监罚〔2023〕23号', { decisionDate: '2023-01-05', maxUntil: daysFromToday(-10), publicityEndReason: 'expired' });
    keys.repaired = await r('平市监罚〔2026〕24号', { decisionDate: '2026-05-01', publicityEndReason: 'repaired' });
    keys.withdrawn = await r('平市监罚〔2026〕25号', { decisionDate: '2026-04-01', publicityEndReason: 'withdrawn' });
    keys.neverPublic = await r('平市监罚〔2026〕26号', { decisionDate: '2026-03-01', neverPublic: true });
    await r('平市监罚〔2026〕27号', { decisionDate: '2026-02-01', version: 1, supersededAt: new Date('2026-05-02T00:00:00Z') });
    keys.twice = await r('平市监罚〔2026〕27号', { decisionDate: '2026-02-01', version: 2, maxUntil: daysFromToday(30) });
    keys.licenceB = await r('平环许〔2026〕28号', { catalog: 'administrative_license', sourceDept: DEPT_B.uscc, decisionDate: '2026-01-01' });

    personId = await addSubject(ctx, { name: '李四', kind: 'natural_person', idMasked: '4104**********102X' });
    await ctx.db.query('update subjects set id_hash = $2 where subject_id = $1', [personId, ctx.keys.hash(FULL_ID)]);
    keys.person = await addRecord(ctx, {
      subjectId: personId,
      docNo: '平市监罚〔2026〕29号',
      neverPublic: true,
      data: { CF_XDR_ZJHM: FULL_ID, CF_WFXW: `当事人李四（身份证号${FULL_ID}）当场处罚` },
    });

    as.officer = (await sessionFor(ctx, await addStaff(ctx, 'credit_officer'))).headers;
    as.reporterB = (await sessionFor(ctx, await addStaff(ctx, 'dept_reporter', DEPT_B.uscc))).headers;
    as.auditor = (await sessionFor(ctx, await addStaff(ctx, 'auditor'))).headers;
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('shows the credit centre every current record with where it stands, newest decision first', async () => {
    const body = await archive(`/api/v1/archive/subjects/${COMPANY_USCC}`);
    expect(body.subject).toMatchObject({ subjectId, name: '平顶山市鹰城核查建材有限公司', uscc: COMPANY_USCC });
    const state = Object.fromEntries(body.records.map((x) => [x.recordKey, x.publicState]));
    expect(state).toEqual({
      [keys.public]: 'public',
      [keys.pastMax]: 'expired',
      [keys.byJob]: 'expired',
      [keys.repaired]: 'repaired',
      [keys.withdrawn]: 'withdrawn',
      [keys.neverPublic]: 'never_public',
      [keys.twice]: 'public',
      [keys.licenceB]: 'public',
    });
    expect(body.records.map((x) => x.decisionDate)).toEqual([...body.records.map((x) => x.decisionDate)].sort().reverse());
    expect(body.total).toBe(8);
    expect(body.states).toEqual({ public: 3, never_public: 1, expired: 2, repaired: 1, withdrawn: 1 });
    expect(body.records.find((x) => x.recordKey === keys.twice)?.version).toBe(2);
    expect(body.records.find((x) => x.recordKey === keys.repaired)).toMatchObject({ publicityEndReason: 'repaired', neverPublic: false });
    expect(body.records.find((x) => x.recordKey === keys.repaired)?.publicityEndedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.records.find((x) => x.recordKey === keys.neverPublic)).toMatchObject({ neverPublic: true, publicityEndReason: null });
    expect(body.records.find((x) => x.recordKey === keys.licenceB)).toMatchObject({ sourceDeptName: DEPT_B.name, catalogName: '行政许可' });
  });

  it('says public exactly of what the public archive shows (one rule, told two ways)', async () => {
    const staff = await archive(`/api/v1/archive/subjects/${COMPANY_USCC}?limit=100`);
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}?limit=100` });
    const shown = res.json<SubjectArchive>().records.map((x) => x.recordKey).sort();
    expect(staff.records.filter((x) => x.publicState === 'public').map((x) => x.recordKey).sort()).toEqual(shown);
  });

  it('filters by state and catalogue and pages, the counts staying those of the whole archive', async () => {
    const expired = await archive(`/api/v1/archive/subjects/${subjectId}?state=expired`);
    expect(expired.records.map((x) => x.recordKey).sort()).toEqual([keys.pastMax, keys.byJob].sort());
    expect(expired.total).toBe(2);
    expect(expired.states.public).toBe(3);
    const licences = await archive(`/api/v1/archive/subjects/${subjectId}?catalog=administrative_license&state=public`);
    expect(licences.records.map((x) => x.recordKey)).toEqual([keys.licenceB]);
    expect(licences.total).toBe(1);
    const page2 = await archive(`/api/v1/archive/subjects/${subjectId}?limit=3&offset=3`);
    expect(page2.records).toHaveLength(3);
    expect(page2.total).toBe(8);
    const bad = await call('GET', `/api/v1/archive/subjects/${subjectId}?state=gone`, as.officer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("shows a department's staff only the records their department reported", async () => {
    const body = await archive(`/api/v1/archive/subjects/${COMPANY_USCC}`, 'reporterB');
    expect(body.records.map((x) => x.recordKey)).toEqual([keys.licenceB]);
    expect(body.total).toBe(1);
    expect(body.states).toEqual({ public: 1, never_public: 0, expired: 0, repaired: 0, withdrawn: 0 });
  });

  it('refuses those who keep no archive, and says so of a subject it does not know', async () => {
    expect((await call('GET', `/api/v1/archive/subjects/${COMPANY_USCC}`, {})).statusCode).toBe(401);
    const auditor = await call('GET', `/api/v1/archive/subjects/${COMPANY_USCC}`, as.auditor);
    expect(auditor.statusCode).toBe(403);
    expect((await call('POST', '/api/v1/archive/subjects/lookup', as.auditor, { idNumber: FULL_ID })).statusCode).toBe(403);
    const missing = await call('GET', '/api/v1/archive/subjects/91410402MA9G12341N', as.officer);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: '未找到该信用主体' });
  });

  it('finds a natural person by ID number in the request body, however it is typed, and never answers with it', async () => {
    for (const typed of [FULL_ID, FULL_ID.toLowerCase(), ` ４１０４０２１９９００１０１１０２ｘ `]) {
      const res = await call('POST', '/api/v1/archive/subjects/lookup', as.officer, { idNumber: typed });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ subjectId: personId });
    }
    const body = await archive(`/api/v1/archive/subjects/${personId}`);
    expect(body.subject).toMatchObject({ kind: 'natural_person', name: '李四', idMasked: '4104**********102X' });
    expect(body.records.map((x) => [x.recordKey, x.publicState])).toEqual([[keys.person, 'never_public']]);
    expect(JSON.stringify(body)).not.toContain(FULL_ID.slice(6, 14));

    const unknown = await call('POST', '/api/v1/archive/subjects/lookup', as.officer, { idNumber: '410402199001011249' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'NOT_FOUND', message: '未找到该自然人（该证件号码没有记录）' });
    // A department that reported nothing of this person is not told that another one did.
    const elsewhere = await call('POST', '/api/v1/archive/subjects/lookup', as.reporterB, { idNumber: FULL_ID });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual(unknown.json());
    const wrong = await call('POST', '/api/v1/archive/subjects/lookup', as.officer, { idNumber: '410402199001011021' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: 'INVALID_ARGUMENT', message: '居民身份证号码校验码错误，应为 X，请核对' });
    // In the URL it is refused outright: a number must not travel there.
    const inUrl = await call('GET', `/api/v1/archive/subjects/${FULL_ID}`, as.officer);
    expect(inUrl.statusCode).toBe(400);
  });

  it('records each look in the audit trail with its purpose, the ID number masked', async () => {
    await app.flushAudit();
    const { rows } = await ctx.db.query<{ action: string; purpose: string; target: string; details: unknown; outcome: string }>(
      `select action, purpose, target, details, outcome from audit_log where action like 'archive.%' order by seq`,
    );
    expect(rows.some((e) => e.action === 'archive.read' && e.purpose === '信用档案核查：查看主体的全部记录（含不公示的）' && e.target === COMPANY_USCC)).toBe(true);
    const lookups = rows.filter((e) => e.action === 'archive.lookup');
    expect(lookups.map((e) => e.outcome)).toContain('success');
    expect(lookups.find((e) => e.outcome === 'success')?.target).toBe(personId);
    const trail = JSON.stringify(rows);
    expect(trail).not.toContain(FULL_ID);
    expect(trail).toContain('4104**********102X');
  });

  it("tells staff each version's standing: older ones superseded", async () => {
    const res = await call('GET', `/api/v1/records/${keys.twice}/versions`, as.officer);
    expect(res.statusCode, res.body).toBe(200);
    const { versions } = res.json<RecordVersions>();
    expect(versions.map((v) => [v.version, v.publicState])).toEqual([
      [1, 'superseded'],
      [2, 'public'],
    ]);
    const repaired = (await call('GET', `/api/v1/records/${keys.repaired}/versions`, as.officer)).json<RecordVersions>();
    expect(repaired.versions[0]).toMatchObject({ publicState: 'repaired', publicityEndReason: 'repaired' });
  });

  it('repairs only 失信信息: a licence may be withdrawn, not repaired', async () => {
    const url = `/api/v1/records/${keys.licenceB}/publicity/end`;
    const repaired = await call('POST', url, as.officer, { reason: 'repaired', note: '平信修〔2026〕30号' });
    expect(repaired.statusCode).toBe(400);
    expect(repaired.json()).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '信用修复只适用于失信信息（行政处罚、严重失信主体名单等）；该记录属于行政许可，如其决定已被撤销，请选择“撤销”',
    });
    const withdrawn = await call('POST', url, as.officer, { reason: 'withdrawn', note: '平环撤〔2026〕31号' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = await archive(`/api/v1/archive/subjects/${COMPANY_USCC}?catalog=administrative_license`);
    expect(after.records.map((x) => x.publicState)).toEqual(['withdrawn']);
  });
});
