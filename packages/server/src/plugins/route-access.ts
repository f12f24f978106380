import type { FastifyInstance, RouteOptions } from 'fastify';
import { ROLES, ROLE_NAMES, isRole } from '@pubcredit/domain';
import type { Role } from '@pubcredit/domain';
import { API_SCOPES, isApiScope } from '../services/api-scopes';
import type { ApiScope } from '../services/api-scopes';

/**
 * Who may call a route (invariant 6: every route declares it):
 * - `'public'`: anyone;
 * - `{ staff: roles }`: a signed-in staff member (session cookie) with one of the roles; department
 *   roles act on their own department only (the handler takes it from `request.principal`);
 * - `{ key: scope }`: an API key with that scope (a department's or a system's, as the scope implies);
 * - `{ staff, key }`: either.
 */
export type RouteAccess = 'public' | GuardedAccess;

export interface GuardedAccess {
  staff?: readonly Role[];
  key?: ApiScope;
}

/** Every staff role, for routes any signed-in member may call (their own session, password). */
export const ALL_STAFF: readonly Role[] = ROLES;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** A staff route a user may call before changing a one-time password (session, logout, password change). */
    beforePasswordChange?: boolean;
    /** Rate-limit class: login attempts are limited more tightly than other public calls. */
    throttle?: 'login';
  }
}

/** Why a declaration is not valid, or undefined when it is. */
export function accessProblem(access: unknown): string | undefined {
  if (access === 'public') return undefined;
  if (typeof access !== 'object' || access === null || Array.isArray(access)) return "config.access = 'public' | { staff?: Role[], key?: ApiScope }";
  const { staff, key, ...rest } = access as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `unknown access fields: ${Object.keys(rest).join(', ')}`;
  if (staff === undefined && key === undefined) return 'access names neither staff roles nor a key scope';
  if (staff !== undefined && (!Array.isArray(staff) || staff.length === 0 || !staff.every((r) => typeof r === 'string' && isRole(r)))) {
    return `access.staff must be a non-empty list of ${ROLES.join(' | ')}`;
  }
  if (key !== undefined && (typeof key !== 'string' || !isApiScope(key))) return `access.key must be one of ${API_SCOPES.join(' | ')}`;
  return undefined;
}

/** Who may call, in Chinese, for the OpenAPI description. */
export function describeAccess(access: RouteAccess): string {
  if (access === 'public') return '公开';
  const who: string[] = [];
  if (access.staff) who.push(`工作人员登录（${access.staff.map((r) => ROLE_NAMES[r]).join('、')}）`);
  if (access.key) who.push(`API 密钥（${access.key}）`);
  return who.join(' 或 ');
}

/**
 * Makes registering a route without a valid `config.access` or a response schema fail, so buildApp
 * throws. Guarded routes are documented with their security schemes and who may call them.
 */
export function enforceRouteDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const where = `${String(route.method)} ${route.url}`;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`route ${where} declares no access (config.access = 'public' | { staff?: Role[], key?: ApiScope })`);
    }
    const problem = accessProblem(access);
    if (problem) throw new Error(`route ${where} declares an invalid access: ${problem}`);
    if (!route.schema?.response) throw new Error(`route ${where} declares no response schema`);
    if (access === 'public') return;
    const security: Record<string, string[]>[] = [];
    if (access.key) security.push({ bearerAuth: [] });
    if (access.staff) security.push({ sessionCookie: [] });
    route.schema.security = security;
    const who = `调用方：${describeAccess(access)}`;
    route.schema.description = route.schema.description ? `${route.schema.description}\n\n${who}` : who;
  });
}
