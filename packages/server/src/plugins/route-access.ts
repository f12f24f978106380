import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ApiScope } from '../services/api-scopes';

/** Who may call a route (invariant 6: every route declares it). */
export type RouteAccess = 'public' | 'department';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** For 'department' routes: the scope the key must carry. */
    scope?: ApiScope;
  }
}

const ACCESS: readonly string[] = ['public', 'department'] satisfies RouteAccess[];

/**
 * Makes registering a route without `config.access` or a response schema fail, so buildApp throws.
 * Department routes are documented with the bearer scheme.
 */
export function enforceRouteDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const where = `${String(route.method)} ${route.url}`;
    const access = route.config?.access;
    if (access === undefined || !ACCESS.includes(access)) {
      throw new Error(`route ${where} declares no access (config.access = 'public' | 'department')`);
    }
    if (!route.schema?.response) throw new Error(`route ${where} declares no response schema`);
    if (access === 'department') {
      route.schema.security = [{ bearerAuth: [] }];
    }
  });
}
