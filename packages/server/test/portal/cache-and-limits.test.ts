import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { COMPANY_USCC, addDepartments } from '../fixtures';
import { createTestApp, createTestContext } from '../test-context';
import { addRecord, addSubject } from './portal-fixtures';

describe.each(testEngines())('portal caching and rate limits on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let limited: FastifyInstance;
  let subjectId: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    subjectId = await addSubject(ctx, { name: '平顶山市鹰城建材有限公司', uscc: COMPANY_USCC });
    await addRecord(ctx, { subjectId, docNo: 'P-1', maxUntil: '2099-01-01' });
    app = await createTestApp(ctx, { http: { rateLimit: 0 } });
    limited = await createTestApp(ctx, { http: { rateLimit: 3 } });
  });
  afterAll(async () => {
    await app?.close();
    await limited?.close();
    await ctx?.db.close();
  });

  it.each([
    `/api/v1/subjects/${COMPANY_USCC}`,
    `/api/v1/subjects/${COMPANY_USCC}/records`,
    `/api/v1/subjects?q=${encodeURIComponent('鹰城')}`,
    '/api/v1/disclosures',
    '/api/v1/disclosures/departments',
  ])('%s carries an ETag and Cache-Control, and answers 304 to If-None-Match', async (url) => {
    const first = await app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ method: 'GET', url, headers: { 'if-none-match': 'W/"something-else"' } });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).toBe(etag);
  });

  it('changes the ETag when the public content changes', async () => {
    const url = `/api/v1/subjects/${subjectId}`;
    const before = String((await app.inject({ method: 'GET', url })).headers.etag);
    await addRecord(ctx, { subjectId, docNo: 'P-2', maxUntil: '2099-01-01' });
    const after = await app.inject({ method: 'GET', url, headers: { 'if-none-match': before } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before);
  });

  it('does not cache errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/subjects?q=a' });
    expect(res.statusCode).toBe(400);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('limits public portal calls per client: 429 with Retry-After and a Chinese message', async () => {
    const url = `/api/v1/subjects?q=${encodeURIComponent('鹰城')}`;
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await limited.inject({ method: 'GET', url, remoteAddress: '10.9.8.7' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(last?.body).toContain('请求过于频繁');
    // Another client is not affected.
    expect((await limited.inject({ method: 'GET', url: '/api/v1/disclosures', remoteAddress: '10.9.8.6' })).statusCode).toBe(200);
  });
});
