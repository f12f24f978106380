import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { BatchBody, ImportResultBody } from '../src/schemas/batch.schema';
import type { ErrorBody } from '../src/schemas/common.schema';
import { COMPANY_USCC, DEPT_A, DEPT_B, addDepartments, departmentKey } from './fixtures';
import { multipart } from './multipart';
import { createTestApp, createTestContext } from './test-context';

// Headers by national field code (the importer accepts codes or Chinese names).
const HEADER =
  'CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM';

function penaltyRow(name: string, uscc: string, docNo: string): string {
  return [
    name,
    '法人及非法人组织',
    uscc,
    '王建国',
    docNo,
    '未按规定公示年度报告',
    '该公司未按规定期限公示2023年度报告',
    '《企业信息公示暂行条例》第八条',
    '罚款',
    '罚款2000元',
    '0.2',
    '2024-03-01',
    '2025-03-01',
    DEPT_A.name,
    DEPT_A.uscc,
    DEPT_A.name,
    DEPT_A.uscc,
  ].join(',');
}

const GOOD_CSV = [
  HEADER,
  penaltyRow('平顶山市鹰城建材有限公司', '91410402MA9G12340K', '平市监罚〔2024〕101号'),
  penaltyRow('平顶山市湛河区白龟湖物业管理有限公司', '91350100M000100Y43', '平市监罚〔2024〕102号'),
  penaltyRow('平顶山市卫东区校验位错误商贸有限公司', '91410402MA9G12340X', '平市监罚〔2024〕103号'),
].join('\r\n');

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

function uploads(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('pubcredit-upload-'));
}

describe.each(testEngines())('batch upload on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    keyA = await departmentKey(ctx, DEPT_A.uscc);
    keyB = await departmentKey(ctx, DEPT_B.uscc);
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  async function upload(key: string, fields: Record<string, string>, content?: string) {
    const body = multipart(fields, content === undefined ? undefined : { fileName: '行政处罚.csv', content });
    return app.inject({ method: 'POST', url: '/api/v1/batches', headers: { ...auth(key), ...body.headers }, payload: body.payload });
  }

  it('refuses a file that names another department than the key’s', async () => {
    for (const field of ['source', 'department']) {
      const res = await upload(keyA, { catalog: 'administrative_penalty', [field]: DEPT_B.uscc }, GOOD_CSV);
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().message).toBe(`只能上报本部门的数据：当前账号属于${DEPT_A.name}（${DEPT_A.uscc}），不能为${DEPT_B.name}（${DEPT_B.uscc}）上报`);
    }
    // A code that is no registered department is named as a code.
    const unknown = await upload(keyA, { catalog: 'administrative_penalty', department: COMPANY_USCC }, GOOD_CSV);
    expect(unknown.json<ErrorBody>().message).toBe(`只能上报本部门的数据：当前账号属于${DEPT_A.name}（${DEPT_A.uscc}），不能为部门 ${COMPANY_USCC} 上报`);
  });

  it('imports a file for the key’s department and links the rejected rows', async () => {
    const before = uploads().length;
    const res = await upload(keyA, { catalog: 'administrative_penalty', department: DEPT_A.uscc }, GOOD_CSV);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ImportResultBody>();
    expect(body).toMatchObject({ catalog: 'administrative_penalty', dryRun: false, total: 3, accepted: 2, rejected: 1 });
    expect(body.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.links?.rejectedCsv).toBe(`/api/v1/batches/${body.batchId}/rejected.csv`);
    expect(body.issues.some((i) => i.row === 4)).toBe(true);
    expect(uploads().length).toBe(before); // the temp file is gone

    const batch = await app.inject({ method: 'GET', url: `/api/v1/batches/${body.batchId}`, headers: auth(keyA) });
    expect(batch.json<BatchBody>().sourceDept).toBe(DEPT_A.uscc);
    const other = await app.inject({ method: 'GET', url: `/api/v1/batches/${body.batchId}`, headers: auth(keyB) });
    expect(other.statusCode).toBe(403);

    const csv = await app.inject({ method: 'GET', url: body.links?.rejectedCsv ?? '', headers: auth(keyA) });
    expect(csv.statusCode).toBe(200);
    const text = csv.rawPayload.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('错误原因');
    expect(text).toContain('平顶山市卫东区校验位错误商贸有限公司');
    expect(text).toMatch(/第4行：/);
  });

  it('takes JSON Lines (.jsonl) as the console offers it: one object a line, keyed by field code', async () => {
    const header = HEADER.split(',');
    const jsonl = [
      penaltyRow('平顶山市鹰城建材有限公司', '91410402MA9G12340K', '平市监罚〔2024〕301号'),
      penaltyRow('平顶山市卫东区校验位错误商贸有限公司', '91410402MA9G12340X', '平市监罚〔2024〕302号'),
    ]
      .map((row) => JSON.stringify(Object.fromEntries(row.split(',').map((v, i) => [header[i], v]))))
      .join('\n');
    const body = multipart({ catalog: 'administrative_penalty' }, { fileName: '行政处罚.jsonl', content: jsonl });
    const res = await app.inject({ method: 'POST', url: '/api/v1/batches', headers: { ...auth(keyA), ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json<ImportResultBody>();
    expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
    // (Warnings aside: from 2027 every row also says the year's calendar is not loaded.)
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ row: 2, field: 'CF_XDR_SHXYM' })]);
  });

  it('dry run: validates, stores nothing, answers 200 without a batch', async () => {
    const res = await upload(keyA, { catalog: 'administrative_penalty', dryRun: 'true' }, GOOD_CSV.replace(/〔2024〕10/g, '〔2024〕20'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ batchId: null, dryRun: true, total: 3, rejected: 1, links: null });
  });

  it('422 HEADERS_REFUSED with details for a file of unknown columns', async () => {
    const res = await upload(keyA, { catalog: 'administrative_penalty' }, '姓名,电话\r\n张三,13800000000\r\n');
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().code).toBe('HEADERS_REFUSED');
    expect(res.json<ErrorBody>().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.json<ErrorBody>().details).toBeDefined();
  });

  it('400 for an unknown catalogue or a missing file or catalogue field', async () => {
    const unknown = await upload(keyA, { catalog: 'no_such_catalog' }, GOOD_CSV);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().code).toBe('CATALOG_UNKNOWN');
    const noFile = await upload(keyA, { catalog: 'administrative_penalty' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json<ErrorBody>().code).toBe('UPLOAD_MISSING');
    const noCatalog = await upload(keyA, {}, GOOD_CSV);
    expect(noCatalog.statusCode).toBe(400);
    expect(noCatalog.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });
});
