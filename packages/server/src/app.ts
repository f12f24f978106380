import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppContext } from './context';
import { registerErrorHandler } from './errors/error-handler';
import { registerAuth } from './plugins/auth.plugin';
import { registerMetrics } from './plugins/metrics.plugin';
import { enforceRouteDeclarations } from './plugins/route-access';
import { registerSwagger } from './plugins/swagger.plugin';
import { registerUploads } from './plugins/upload.plugin';
import { DEFAULT_WEB_DIST, registerFallbacks, registerWebStatic } from './plugins/web.plugin';
import { batchRoutes } from './routes/batches.routes';
import { catalogRoutes } from './routes/catalogs.routes';
import { healthRoutes } from './routes/health.routes';
import { recordRoutes } from './routes/records.routes';
import { subjectRoutes } from './routes/subjects.routes';

export interface BuildAppOptions {
  /** Directory of the built web app; defaults to packages/web/dist. */
  webDist?: string;
  /** Extra route plugins registered beside the API's (tests). */
  routes?: FastifyPluginAsync<{ ctx: AppContext }>[];
}

/** Request bodies other than uploads. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the HTTP app: external plugins → app plugins (errors, auth, metrics) → routes.
 * Throws if a route lacks an access declaration or a response schema.
 */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  // Typed as Fastify's base logger: a pino Logger would make the instance generic over pino's type.
  const loggerInstance: FastifyBaseLogger = ctx.log;
  // Routes are FastifyPluginAsyncTypebox plugins: the TypeBox type provider applies inside each.
  const app: FastifyInstance = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });

  // external
  await registerSwagger(app);
  await registerUploads(app);
  const hasWeb = await registerWebStatic(app, opts.webDist ?? DEFAULT_WEB_DIST);

  // app: from here on every route must declare its access
  enforceRouteDeclarations(app);
  registerErrorHandler(app);
  registerAuth(app, ctx);
  registerMetrics(app);
  registerFallbacks(app, hasWeb);

  // routes
  const api = { ctx, prefix: '/api/v1' };
  await app.register(healthRoutes, api);
  await app.register(subjectRoutes, api);
  await app.register(recordRoutes, api);
  await app.register(batchRoutes, api);
  await app.register(catalogRoutes, api);
  for (const routes of opts.routes ?? []) await app.register(routes, { ctx });

  await app.ready();
  return app;
}
