import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';
import { DEFAULT_HTTP_SETTINGS } from './config';
import type { HttpSettings } from './config';
import { registerAudit } from './audit/audit.plugin';
import type { AppContext } from './context';
import { registerErrorHandler } from './errors/error-handler';
import { registerAuth } from './plugins/auth.plugin';
import { registerMetrics } from './plugins/metrics.plugin';
import { enforceRouteDeclarations } from './plugins/route-access';
import { registerSecurity } from './plugins/security.plugin';
import { registerSwagger } from './plugins/swagger.plugin';
import { registerUploads } from './plugins/upload.plugin';
import { DEFAULT_WEB_DIST, registerFallbacks, registerWebStatic } from './plugins/web.plugin';
import { batchRoutes } from './routes/batches.routes';
import { catalogRoutes } from './routes/catalogs.routes';
import { apiKeyRoutes } from './routes/apikeys.routes';
import { auditRoutes } from './routes/audit.routes';
import { authRoutes } from './routes/auth.routes';
import { departmentRoutes } from './routes/departments.routes';
import { disclosureRoutes } from './routes/disclosures.routes';
import { healthRoutes } from './routes/health.routes';
import { recordRoutes } from './routes/records.routes';
import { archiveRoutes } from './routes/archive.routes';
import { reportRoutes } from './routes/report.routes';
import { subjectRoutes } from './routes/subjects.routes';
import { userRoutes } from './routes/users.routes';

export interface BuildAppOptions {
  /** Directory of the built web app; defaults to packages/web/dist. */
  webDist?: string;
  /** Extra route plugins registered beside the API's (tests). */
  routes?: FastifyPluginAsync<{ ctx: AppContext }>[];
  /** Cookie, proxy and rate-limit settings (from the config; defaults otherwise). */
  http?: Partial<HttpSettings>;
  /** Called for every route as it is registered, external plugins' included (the access-matrix test). */
  onRoute?: (route: RouteOptions) => void;
  /** How often a pending audit spool is retried without a request (default 15 s; tests shorten it). */
  auditRetryMs?: number;
}

/** Request bodies other than uploads. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the HTTP app: external plugins (security headers, rate limits, docs, uploads, web) →
 * app plugins (errors, auth, audit trail, metrics) → routes.
 * Throws if a route lacks an access declaration or a response schema.
 */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  // Typed as Fastify's base logger: a pino Logger would make the instance generic over pino's type.
  const loggerInstance: FastifyBaseLogger = ctx.log;
  // Routes are FastifyPluginAsyncTypebox plugins: the TypeBox type provider applies inside each.
  const http: HttpSettings = { ...DEFAULT_HTTP_SETTINGS, ...opts.http };
  const app: FastifyInstance = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: http.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);

  // external
  await registerSecurity(app, { https: http.cookieSecure, rateLimit: http.rateLimit, loginRateLimit: http.loginRateLimit });
  await registerSwagger(app);
  await registerUploads(app);
  const hasWeb = await registerWebStatic(app, opts.webDist ?? DEFAULT_WEB_DIST);

  // app: from here on every route must declare its access
  enforceRouteDeclarations(app);
  registerErrorHandler(app);
  await registerAuth(app, ctx);
  registerAudit(app, ctx, { retryMs: opts.auditRetryMs });
  registerMetrics(app);
  registerFallbacks(app, hasWeb);

  // routes
  const api = { ctx, prefix: '/api/v1' };
  await app.register(healthRoutes, api);
  await app.register(subjectRoutes, api);
  await app.register(recordRoutes, api);
  await app.register(archiveRoutes, api);
  await app.register(disclosureRoutes, api);
  await app.register(reportRoutes, api);
  await app.register(batchRoutes, api);
  await app.register(catalogRoutes, api);
  await app.register(authRoutes, { ...api, cookieSecure: http.cookieSecure });
  await app.register(userRoutes, api);
  await app.register(departmentRoutes, api);
  await app.register(apiKeyRoutes, api);
  await app.register(auditRoutes, api);
  for (const routes of opts.routes ?? []) await app.register(routes, { ctx });

  await app.ready();
  return app;
}
