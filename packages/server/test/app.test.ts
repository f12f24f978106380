import { Type } from '@sinclair/typebox';
import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { Health } from '../src/schemas/health.schema';
import { createApiKey } from '../src/services/api-key.service';
import { createTestApp, createTestContext } from './test-context';

/** The parts of the OpenAPI document the tests read. */
interface OpenApiDoc {
  openapi: string;
  info: { description: string };
  paths: Record<string, Record<string, { security?: unknown; parameters?: { name: string; in: string; required?: boolean }[] }> | undefined>;
}

describe.each(testEngines())('app on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('GET /api/v1/health reports engine, version and a UTF-8 database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json<Health>();
    expect(body).toMatchObject({ status: 'ok', engine });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.encoding).toMatch(/UTF8/i);
    expect(body.database.ctype).toMatch(/UTF-?8/i);
    expect(Date.parse(body.time)).not.toBeNaN();
  });

  it('GET /api/v1/health says, from November, that next year\'s official calendar is not loaded yet', async () => {
    const realNow = ctx.now;
    const at = async (iso: string) => {
      ctx.now = () => new Date(iso);
      return (await app.inject({ method: 'GET', url: '/api/v1/health' })).json<Health>().calendar;
    };
    try {
      // chinese-days covers 2004–2026; nothing loaded here.
      expect(await at('2026-06-01T04:00:00Z')).toEqual({ status: 'ok', coveredThrough: 2026, missingYear: null });
      const expiring = await at('2026-11-29T04:00:00Z');
      expect(expiring).toMatchObject({ status: 'expiring', coveredThrough: 2026, missingYear: 2027 });
      expect(expiring.message).toMatch(/^尚未载入 2027 年的官方节假日安排：自 2027-01-01 起/);
      // Beijing time: 2026-12-31T16:00Z is already 1 January 2027 there.
      expect(await at('2026-12-31T16:00:00Z')).toMatchObject({ status: 'missing', missingYear: 2027 });
    } finally {
      ctx.now = realNow;
    }
  });

  it('refuses to build when a route declares no access', async () => {
    const undeclared = async (a: FastifyInstance) => {
      a.get('/api/v1/undeclared', { schema: { response: { 200: Type.String() } } }, async () => 'x');
    };
    await expect(createTestApp(ctx, { routes: [undeclared] })).rejects.toThrow(/declares no access/);
  });

  it('refuses to build when a route declares an invalid access', async () => {
    for (const access of ['department', { staff: [] }, { staff: ['superuser'] }, { key: 'everything' }, {}]) {
      const bad = async (a: FastifyInstance) => {
        a.get('/api/v1/bad', { config: { access: access as never }, schema: { response: { 200: Type.String() } } }, async () => 'x');
      };
      await expect(createTestApp(ctx, { routes: [bad] })).rejects.toThrow(/invalid access/);
    }
  });

  it('refuses to build when a route declares no response schema', async () => {
    const noSchema = async (a: FastifyInstance) => {
      a.get('/api/v1/no-schema', { config: { access: 'public' } }, async () => 'x');
    };
    await expect(createTestApp(ctx, { routes: [noSchema] })).rejects.toThrow(/response schema/);
  });

  it('serves the OpenAPI 3 document with the bearer and cookie schemes on guarded routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDoc>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/batches']?.post?.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(doc.paths['/api/v1/users']?.get?.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths['/api/v1/health']?.get).toBeDefined();
    expect(doc.paths['/api/v1/health']?.get?.security).toBeUndefined();
    expect(doc.paths['/api/v1/subjects/{code}']).toBeDefined();
    // Query parameters with a default may be left out (generated clients must not insist on them).
    const search = doc.paths['/api/v1/subjects']?.get?.parameters ?? [];
    expect(search.map((p) => [p.name, p.required ?? false])).toEqual([['q', true], ['limit', false], ['offset', false]]);
    // Every error code is documented, with its status.
    const description = doc.info.description;
    for (const row of ['| `VALIDATION_FAILED` | 400 |', '| `RATE_LIMITED` | 429 |', '| `AUDIT_UNAVAILABLE` | 503 |', '| `INTERNAL` | 500 |']) expect(description).toContain(row);
    expect(description).not.toContain('FST_');
    // Every accepted upload format is documented, JSON Lines included.
    const upload = JSON.stringify(doc.paths['/api/v1/batches']?.post);
    for (const format of ['CSV', 'GBK', 'XLSX', 'JSON Lines']) expect(upload).toContain(format);
    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });

  it('exposes Prometheus metrics with the request histogram', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/health' });
    // Not public: a system key with metrics:read (Prometheus's bearer credentials) reads them.
    const anonymous = await app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录，或在请求头提供 Authorization: Bearer <API 密钥>' });
    const { key } = await createApiKey(ctx, { systemName: 'Prometheus', scopes: ['metrics:read'] });
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/v1/health"');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    // …and stays out of the OpenAPI document.
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDoc>();
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('answers an unknown API path with a Chinese 404 and serves a placeholder page at /', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '接口不存在' });
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('/docs');
  });

  it('answers a validation error in Chinese with details', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/subjects/91410402MA9G12340K?limit=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求参数不合法' });
    const detail = res.json<{ details: { path: string; message: string }[] }>().details[0];
    expect(detail?.path).toContain('limit');
    expect(detail?.message).toBe('应当为 <= 100');
  });
});
