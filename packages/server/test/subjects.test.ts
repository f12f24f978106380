import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { ErrorBody } from '../src/schemas/common.schema';
import type { RecordVersions } from '../src/schemas/record.schema';
import type { SubjectArchive } from '../src/schemas/subject.schema';
import { COMPANY_USCC, addDepartments, insertSubjectFixture } from './fixtures';
import type { SubjectFixture } from './fixtures';
import { addStaff, sessionFor } from './staff';
import { createTestApp, createTestContext } from './test-context';

describe.each(testEngines())('subjects and records on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let fx: SubjectFixture;
  let officer: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    fx = await insertSubjectFixture(ctx);
    app = await createTestApp(ctx);
    officer = (await sessionFor(ctx, await addStaff(ctx, 'credit_officer'))).headers;
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('answers an unknown subject with a Chinese 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/subjects/91410402MA9G12341N' }); // valid, never imported
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '未找到该信用主体' });
  });

  it('says why a mistyped code finds nothing', async () => {
    const digit = await app.inject({ method: 'GET', url: '/api/v1/subjects/91410402MA9G12340X' });
    expect(digit.statusCode).toBe(404);
    expect(digit.json()).toEqual({ code: 'NOT_FOUND', message: '未找到该信用主体（统一社会信用代码校验码错误，应为 K，请核对）' });
    const short = await app.inject({ method: 'GET', url: '/api/v1/subjects/9141040' });
    expect(short.json<{ message: string }>().message).toBe('未找到该信用主体（统一社会信用代码应为18位，实为7位，请核对）');
  });

  it('finds a subject by a normalised USCC (full-width, lower case, spaces)', async () => {
    const code = encodeURIComponent(' ９１４１０４０２ｍａ９ｇ１２３４０ｋ ');
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${code}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<SubjectArchive>();
    expect(body.subject).toMatchObject({
      subjectId: fx.subjectId,
      kind: 'legal_person',
      name: '平顶山市鹰城建材有限公司',
      uscc: COMPANY_USCC,
      idMasked: null,
      nameConflict: false,
    });
    expect(body.subject.formerNames.map((n) => n.name)).toEqual([
      '平顶山市新华区鹰城建材厂',
      '平顶山市鹰城建材有限公司',
    ]);
    expect(body.total).toBe(1);
    expect(body.records).toHaveLength(1);
    expect(body.records[0]).toMatchObject({ recordKey: fx.recordKey, version: 2, decisionDate: '2024-03-01', reportWorkingDays: 5 });
  });

  it('never shows a full ID number or the cipher text', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${fx.subjectId}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('410402199001011230');
    expect(res.body).not.toContain('v1:');
    expect(res.body).not.toMatch(/pii|cipher|idHash/i);
    expect(res.json<SubjectArchive>().records[0]?.data.CF_FR_ZJHM).toBe('4104**********1230');
  });

  it('refuses an ID number in the URL', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/subjects/410402199001011230' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toContain('身份证号码');
  });

  it('filters records by catalogue and pages them', async () => {
    const none = await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}?catalog=administrative_license` });
    expect(none.json()).toMatchObject({ total: 0, records: [] });
    const page = await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}?limit=1&offset=1` });
    expect(page.json()).toMatchObject({ total: 1, records: [] });
  });

  it('lists every version of a record, masked, oldest first, to the credit centre (not to the public)', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/records/${fx.recordKey}/versions` })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: `/api/v1/records/${fx.recordKey}/versions`, headers: officer });
    expect(res.statusCode).toBe(200);
    const body = res.json<RecordVersions>();
    expect(body.versions.map((v) => v.version)).toEqual([1, 2]);
    // Only the latest version is current.
    expect(body.versions.map((v) => v.supersededAt === null)).toEqual([false, true]);
    expect(res.body).not.toContain('410402199001011230');
  });

  it('answers 404 for an unknown record and 400 for a malformed key', async () => {
    const headers = officer;
    expect((await app.inject({ method: 'GET', url: `/api/v1/records/${'0'.repeat(64)}/versions`, headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/records/xyz/versions', headers })).statusCode).toBe(400);
  });
});
