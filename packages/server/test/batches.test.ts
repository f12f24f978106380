import { testEngines } from '@pubcredit/db/testing';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { BatchBody, BatchIssues, BatchList } from '../src/schemas/batch.schema';
import type { ErrorBody } from '../src/schemas/common.schema';
import { createApiKey, revokeApiKey } from '../src/services/api-key.service';
import { DEPT_A, DEPT_B, addDepartments, departmentKey, insertSubjectFixture } from './fixtures';
import type { SubjectFixture } from './fixtures';
import { createTestApp, createTestContext } from './test-context';

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(testEngines())('batches API access on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let fx: SubjectFixture;
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    fx = await insertSubjectFixture(ctx);
    keyA = await departmentKey(ctx, DEPT_A.uscc);
    keyB = await departmentKey(ctx, DEPT_B.uscc);
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('401 without a key, with an unknown key, and with a revoked key', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/v1/batches' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json<ErrorBody>().message).toContain('API 密钥');

    const unknown = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: auth('pck_nothing') });
    expect(unknown.statusCode).toBe(401);

    const { id, key } = await createApiKey(ctx, { departmentUscc: DEPT_A.uscc, scopes: ['batches:read'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/batches', headers: auth(key) })).statusCode).toBe(200);
    await revokeApiKey(ctx, id);
    const revoked = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: auth(key) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json<ErrorBody>().message).toContain('吊销');
  });

  it('401 before reading an upload without a key', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/batches',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="catalog"\r\n\r\nadministrative_penalty\r\n--x--\r\n',
    });
    expect(res.statusCode).toBe(401);
  });

  it('403 for a key without the batches:write scope, or without a department', async () => {
    const { key } = await createApiKey(ctx, { departmentUscc: DEPT_A.uscc, scopes: ['batches:read'] });
    const res = await app.inject({ method: 'POST', url: '/api/v1/batches', headers: auth(key) });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().message).toContain('batches:write');

    const system = await createApiKey(ctx, { systemName: '平顶山市政务服务网', scopes: ['credit-check:read'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/batches', headers: auth(system.key) })).statusCode).toBe(403);
  });

  it('lists only the own department’s batches', async () => {
    const a = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: auth(keyA) });
    expect(a.json<BatchList>().batches.map((b) => b.batchId)).toEqual([fx.batchId]);
    const b = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: auth(keyB) });
    expect(b.json<BatchList>().batches).toEqual([]);
  });

  it('shows a batch and its issues to its department only (403 for another)', async () => {
    const own = await app.inject({ method: 'GET', url: `/api/v1/batches/${fx.batchId}`, headers: auth(keyA) });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ batchId: fx.batchId, sourceDept: DEPT_A.uscc, sourceDeptName: DEPT_A.name, rejected: 1 });
    expect(own.json<BatchBody>().links.rejectedCsv).toBe(`/api/v1/batches/${fx.batchId}/rejected.csv`);

    const other = await app.inject({ method: 'GET', url: `/api/v1/batches/${fx.batchId}`, headers: auth(keyB) });
    expect(other.statusCode).toBe(403);
    expect(other.json<ErrorBody>().message).toContain('本部门');

    const issues = await app.inject({ method: 'GET', url: `/api/v1/batches/${fx.batchId}/issues`, headers: auth(keyA) });
    expect(issues.json<BatchIssues>().issues).toHaveLength(2);
    expect(issues.json<BatchIssues>().issues[0]).toMatchObject({ row: 4, severity: 'error' });
    for (const path of ['issues', 'rejected.csv', 'rejected.xlsx']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/batches/${fx.batchId}/${path}`, headers: auth(keyB) });
      expect(res.statusCode, path).toBe(403);
    }
  });

  it('404 for an unknown batch, 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await app.inject({ method: 'GET', url: `/api/v1/batches/${unknown}`, headers: auth(keyA) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/batches/abc', headers: auth(keyA) })).statusCode).toBe(400);
  });

  it('rejected.csv: UTF-8 BOM, original headers, 错误原因, formulas guarded', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/batches/${fx.batchId}/rejected.csv`, headers: auth(keyA) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = res.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(header?.split(',')).toEqual(
      expect.arrayContaining(['行政相对人名称', '行政相对人代码_1（统一社会信用代码）', '违法事实', '错误原因']),
    );
    expect(header?.endsWith('错误原因')).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toMatch(/第4行：.*统一社会信用代码校验位错误，应为 K；.*缺少必填项/);
  });

  it('rejected.xlsx: the same rows, text cells, formulas guarded', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/batches/${fx.batchId}/rejected.xlsx`, headers: auth(keyA) });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(headers[headers.length - 1]).toBe('错误原因');
    const cells = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(cells).toContain(`'=HYPERLINK("http://evil")`);
    expect(String(cells[cells.length - 1])).toMatch(/^第4行：/);
  });
});
