import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testEngines } from '@pubcredit/db/testing';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import { DEFAULT_WEB_DIST } from '../src/plugins/web.plugin';
import type { ErrorBody } from '../src/schemas/common.schema';
import { createApiKey } from '../src/services/api-key.service';
import { DEPT_A, addDepartments, departmentKey } from './fixtures';
import { multipart } from './multipart';
import { addStaff, sessionFor } from './staff';
import type { StaffCookie } from './staff';
import { createTestApp, createTestContext } from './test-context';

const SCRIPT_NAME = '<script>alert(1)</script>有限公司';
const SQL_NAME = "'; DROP TABLE subjects;--";

/** A credit-check route for the rate-limit test (the check API itself comes later). */
const checkRoute = async (app: FastifyInstance) => {
  app.get('/api/v1/test-check', { config: { access: { key: 'credit-check:read' } }, schema: { response: { 200: Type.String() } } }, async () => 'ok');
};

describe('security headers', () => {
  let ctx: AppContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await createTestContext('pglite');
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('sends a CSP fit for the React app and the Swagger UI, nosniff and no framing', async () => {
    for (const url of ['/api/v1/health', '/', '/docs/static/index.html', '/api/v1/nothing']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // Plain HTTP (an intranet without TLS): upgrading would break every asset.
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('the Swagger UI and the built web app have no inline script the CSP would block', async () => {
    const inline = /<script(?![^>]*\bsrc=)[^>]*>/i;
    const docs = await app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('<script src=');
    expect(docs.body).not.toMatch(inline);
    const built = join(DEFAULT_WEB_DIST, 'index.html');
    if (existsSync(built)) expect(readFileSync(built, 'utf8')).not.toMatch(inline);
  });
});

describe.each(testEngines())('rate limits, body limits and hostile text on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let admin: StaffCookie;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    app = await createTestApp(ctx, { http: { rateLimit: 3, loginRateLimit: 2 }, routes: [checkRoute] });
    admin = await sessionFor(ctx, await addStaff(ctx, 'platform_admin'));
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('limits public routes per client: 429 with Retry-After and a Chinese message', async () => {
    const get = (ip: string) => app.inject({ method: 'GET', url: '/api/v1/catalogs', remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await get('203.0.113.7')).statusCode).toBe(200);
    const limited = await get('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json<ErrorBody>()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.json<ErrorBody>().message).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
    // Another client is not affected.
    expect((await get('203.0.113.8')).statusCode).toBe(200);
  });

  it('gives a key sent to a public route its own budget, and refuses an unknown or revoked key there (401)', async () => {
    const bank = (await createApiKey(ctx, { systemName: '平顶山银行', scopes: ['credit-check:read'] })).key;
    const get = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/api/v1/catalogs', headers, remoteAddress: '203.0.113.20' });
    // The branch's address has used its budget; the bank's key has one of its own.
    for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(429);
    for (let i = 0; i < 3; i++) expect((await get({ authorization: `Bearer ${bank}` })).statusCode).toBe(200);
    expect((await get({ authorization: `Bearer ${bank}` })).statusCode).toBe(429);
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/catalogs', headers: { authorization: 'Bearer pck_not_a_key' }, remoteAddress: '203.0.113.21' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer');
    expect(unknown.json<ErrorBody>()).toMatchObject({ code: 'UNAUTHENTICATED', message: 'API 密钥无效或已吊销；公开接口也可不带该请求头' });
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/catalogs', headers: { authorization: 'Basic eDp5' }, remoteAddress: '203.0.113.21' });
    expect(malformed.statusCode).toBe(401);
    // A stale session cookie does not lock anyone out of the portal.
    const stale = await app.inject({ method: 'GET', url: '/api/v1/catalogs', cookies: { pubcredit_session: 'expired-or-forged' }, remoteAddress: '203.0.113.21' });
    expect(stale.statusCode).toBe(200);
  });

  it('limits login attempts more tightly, and not staff or department routes', async () => {
    const login = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '198.51.100.1', payload: { username: 'x', password: 'y' } });
    expect((await login()).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(429);
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/departments', headers: admin.headers, remoteAddress: '198.51.100.1' });
      expect(res.statusCode).toBe(200);
    }
    const key = await departmentKey(ctx, DEPT_A.uscc);
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: { authorization: `Bearer ${key}` }, remoteAddress: '198.51.100.1' });
      expect(res.statusCode).toBe(200);
    }
  });

  it('limits credit-check routes per key', async () => {
    const a = (await createApiKey(ctx, { systemName: '政务服务网', scopes: ['credit-check:read'] })).key;
    const b = (await createApiKey(ctx, { systemName: '公共资源交易平台', scopes: ['credit-check:read'] })).key;
    const check = (key: string) => app.inject({ method: 'GET', url: '/api/v1/test-check', headers: { authorization: `Bearer ${key}` }, remoteAddress: '192.0.2.9' });
    for (let i = 0; i < 3; i++) expect((await check(a)).statusCode).toBe(200);
    expect((await check(a)).statusCode).toBe(429);
    expect((await check(b)).statusCode).toBe(200);
  });

  it('takes form posts (what another site can send without CORS) only on upload routes', async () => {
    const form = multipart({ username: 'x', password: 'y' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: form.headers, payload: form.payload, remoteAddress: '192.0.2.60' });
    expect(login.statusCode).toBe(415);
    const urlencoded = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=x&password=y',
      remoteAddress: '192.0.2.61',
    });
    expect(urlencoded.statusCode).toBe(415);
    // text/plain is read as a string, which the JSON schema refuses.
    const plain = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: '{}', remoteAddress: '192.0.2.62' });
    expect(plain.statusCode).toBe(400);
  });

  it('refuses oversized bodies with 413', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.50', payload: { username: 'x', password: 'y'.repeat(20_000) } });
    expect(login.statusCode).toBe(413);
    expect(login.json<ErrorBody>()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '请求体过大：该接口上限 16 KB', details: { limitBytes: 16 * 1024 } });
    const big = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc: 'x', name: 'y'.repeat(2 * 1024 * 1024) } });
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().message).toBe('请求体过大：该接口上限 1 MB');
  });

  it('stores names that look like script or SQL as text and returns them intact as JSON', async () => {
    const dept = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc: '11410400MB00000432', name: SCRIPT_NAME } });
    expect(dept.statusCode, dept.body).toBe(201);
    const user = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { username: 'hostile', displayName: SQL_NAME, role: 'auditor' } });
    expect(user.statusCode, user.body).toBe(201);

    const depts = await app.inject({ method: 'GET', url: '/api/v1/departments', headers: admin.headers });
    expect(depts.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(depts.headers['x-content-type-options']).toBe('nosniff');
    expect(depts.json<{ departments: { name: string }[] }>().departments.map((d) => d.name)).toContain(SCRIPT_NAME);
    const users = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(users.json<{ users: { displayName: string }[] }>().users.map((u) => u.displayName)).toContain(SQL_NAME);

    // Through the import into a subject's archive and back out of the public API.
    const csv = [
      'CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM',
      `"${SCRIPT_NAME}",法人及非法人组织,91410402MA9G12340K,"${SQL_NAME}",平市监罚〔2024〕9号,违法,事由,依据,罚款,罚款,0.2,2024-03-01,2025-03-01,${DEPT_A.name},${DEPT_A.uscc},${DEPT_A.name},${DEPT_A.uscc}`,
    ].join('\r\n');
    const key = await departmentKey(ctx, DEPT_A.uscc);
    const body = multipart({ catalog: 'administrative_penalty' }, { fileName: 'x.csv', content: csv });
    const up = await app.inject({ method: 'POST', url: '/api/v1/batches', headers: { authorization: `Bearer ${key}`, ...body.headers }, payload: body.payload });
    expect(up.json<{ accepted: number }>().accepted, up.body).toBe(1);
    const archive = await app.inject({ method: 'GET', url: '/api/v1/subjects/91410402MA9G12340K', remoteAddress: '192.0.2.77' });
    expect(archive.statusCode, archive.body).toBe(200);
    expect(archive.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(archive.body).toContain(JSON.stringify(SCRIPT_NAME).slice(1, -1));
    expect(JSON.stringify(archive.json())).toContain(SQL_NAME.replace(/'/g, "'"));
    const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from subjects');
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});
