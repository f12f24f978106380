import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { SCOPE_HOLDER } from '../services/api-scopes';

export interface SecuritySettings {
  /** The deployment is reached over HTTPS: send HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Requests per minute per client on public and credit-check routes; 0 turns the limit off. */
  rateLimit: number;
  /** Login attempts per minute per client; 0 turns the limit off. */
  loginRateLimit: number;
}

/**
 * Security headers for every response. The CSP allows what the Swagger UI at /docs and the Vite
 * build of the React app need: scripts only from our origin (neither has inline scripts); inline
 * styles, which Ant Design's CSS-in-JS inserts at run time; data: images (Swagger UI's icons).
 */
async function registerHeaders(app: FastifyInstance, settings: SecuritySettings): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // On plain HTTP (an intranet without TLS) upgrading would break every asset request.
        ...(settings.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: settings.https ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}

type LimitClass = 'login' | 'public' | 'check';

/** Which limit a request falls under, or undefined for routes that are not limited (staff, department keys). */
function limitClass(request: FastifyRequest): LimitClass | undefined {
  const { access, throttle } = request.routeOptions.config;
  if (throttle === 'login') return 'login';
  if (access === 'public') return 'public';
  if (access?.key && SCOPE_HOLDER[access.key] === 'system') return 'check';
  return undefined;
}

/**
 * Per-client rate limits (429 with Retry-After) on public routes, credit-check routes and login.
 * The client is its address (behind a proxy, set PUBCREDIT_TRUST_PROXY) or, on check routes, its
 * API key. Counters live in this process's memory.
 */
async function registerRateLimit(app: FastifyInstance, settings: SecuritySettings): Promise<void> {
  const maxOf = (cls: LimitClass): number => (cls === 'login' ? settings.loginRateLimit : settings.rateLimit);
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    allowList: (request) => {
      const cls = limitClass(request);
      return cls === undefined || maxOf(cls) === 0;
    },
    max: (request) => maxOf(limitClass(request) ?? 'public'),
    keyGenerator: (request) => {
      const cls = limitClass(request) ?? 'public';
      const { principal } = request;
      const who = principal?.kind === 'key' ? `key:${principal.keyId}` : `ip:${request.ip}`;
      return `${cls}|${who}`;
    },
    errorResponseBuilder: (_request, context) =>
      Object.assign(new AppError('RATE_LIMITED', `请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`), {
        statusCode: 429,
      }),
  });
}

/** Security headers and rate limits; registered before the routes so every route gets them. */
export async function registerSecurity(app: FastifyInstance, settings: SecuritySettings): Promise<void> {
  await registerHeaders(app, settings);
  await registerRateLimit(app, settings);
}
