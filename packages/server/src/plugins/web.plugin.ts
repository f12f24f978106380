import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

/** packages/web/dist, built by the web package. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const API_PATHS = /^\/(api|docs|metrics)(\/|$)/;
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

const PLACEHOLDER = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>PubCredit 公共信用信息平台</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
<h1>PubCredit 公共信用信息平台</h1>
<p>服务已启动。网页界面尚未构建（packages/web/dist 不存在）。</p>
<p>接口文档：<a href="/docs">/docs</a> · 运行状态：<a href="/api/v1/health">/api/v1/health</a></p>
</body></html>`;

/** Registers the web app (static files + SPA fallback); external stage, before access enforcement. */
export async function registerWebStatic(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(join(webDist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    // Vite names assets by content hash: cache them for good; revalidate the page itself.
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', filePath.includes(`${sep}assets${sep}`) ? ASSET_CACHE : PAGE_CACHE);
    },
  });
  return true;
}

/** 404 handling: JSON for API paths, the SPA's index.html (or nothing) for page paths. */
export function registerFallbacks(app: FastifyInstance, hasWeb: boolean): void {
  if (!hasWeb) {
    app.get(
      '/',
      { config: { access: 'public' }, schema: { hide: true, response: { 200: Type.String() } } },
      async (_request, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER),
    );
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !API_PATHS.test(path)) {
      return reply.type('text/html; charset=utf-8').header('Cache-Control', PAGE_CACHE).sendFile('index.html');
    }
    return reply.code(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
  });
}
