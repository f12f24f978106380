import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { ErrorBody } from '../src/schemas/common.schema';
import { createTestApp, createTestContext } from './test-context';

describe('web app serving', () => {
  const dist = mkdtempSync(join(tmpdir(), 'pubcredit-web-'));
  let ctx: AppContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>信用平顶山</title><div id="root"></div>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    ctx = await createTestContext('pglite');
    app = await createTestApp(ctx, { webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html, assets, and falls back to index.html for page paths', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('信用平顶山');
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const page = await app.inject({ method: 'GET', url: '/subjects/91410402MA9G12340K' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('信用平顶山');
  });

  it('caches hashed assets for good and revalidates pages; answers HEAD for page paths', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ method: 'GET', url: '/' })).headers['cache-control']).toBe('no-cache');
    const head = await app.inject({ method: 'HEAD', url: '/verify/PDS-20261129-ABC' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('keeps JSON 404s for API paths', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/unknown' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().code).toBe('NOT_FOUND');
  });
});
