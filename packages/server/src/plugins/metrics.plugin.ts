import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics at /metrics: process defaults and a request-duration histogram by route.
 * Not public (route patterns, request counts, process internals): a platform administrator's
 * session or a system key with `metrics:read` (Prometheus: `authorization: { type: Bearer }`).
 * Hidden from the OpenAPI document.
 */
export function registerMetrics(app: FastifyInstance): void {
  // One registry per app, so several apps (tests) never collide on metric names.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: bounded label values, no codes or IDs in metrics.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get(
    '/metrics',
    { config: { access: { staff: ['platform_admin'], key: 'metrics:read' }, audit: { action: 'metrics.read', purpose: '运行监控：采集运行指标' } }, schema: { hide: true, response: { 200: Type.String() } } },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
