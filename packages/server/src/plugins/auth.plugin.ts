import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleLabel } from '@pubcredit/domain';
import type { Session } from '@pubcredit/db';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { authenticateApiKey } from '../services/api-key.service';
import { SCOPE_HOLDER } from '../services/api-scopes';
import type { Principal } from '../services/api-scopes';
import { SESSION_ABSOLUTE_MS, csrfMatches, resumeSession } from '../services/auth/session.service';
import type { ClientInfo, SessionTokens } from '../services/auth/session.service';
import type { GuardedAccess } from './route-access';

/** The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS or when configured. */
export const SESSION_COOKIE = 'pubcredit_session';
/** The header carrying the session's CSRF token on unsafe methods. */
export const CSRF_HEADER = 'x-csrf-token';

/** The cookie session behind a staff principal. */
export interface StaffSession {
  token: string;
  session: Session;
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set on every guarded route once the session cookie or the bearer key is checked. */
    principal: Principal | null;
    /** The cookie session of a staff principal. */
    staffSession: StaffSession | null;
  }
}

export interface AuthSettings {
  /** Mark the cookie Secure even on plain HTTP (TLS ends at a proxy that does not say so). */
  cookieSecure: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function missingCredentials(access: GuardedAccess): AppError {
  if (access.staff && access.key) return new AppError('UNAUTHENTICATED', '请先登录，或在请求头提供 Authorization: Bearer <API 密钥>');
  if (access.staff) return new AppError('UNAUTHENTICATED', '请先登录');
  return new AppError('UNAUTHENTICATED', '缺少 API 密钥：请在请求头提供 Authorization: Bearer <密钥>');
}

async function authenticateKey(ctx: AppContext, request: FastifyRequest, access: GuardedAccess, key: string): Promise<void> {
  const principal = await authenticateApiKey(ctx, key);
  if (!principal) throw new AppError('UNAUTHENTICATED', 'API 密钥无效或已吊销');
  request.principal = principal;
  if (!access.key) throw new AppError('FORBIDDEN', '该接口供工作人员登录后使用，不接受 API 密钥');
  if (!principal.scopes.includes(access.key)) throw new AppError('FORBIDDEN', `该密钥没有 ${access.key} 权限`);
  const holder = SCOPE_HOLDER[access.key];
  if (holder === 'department' && !principal.departmentUscc) throw new AppError('FORBIDDEN', '该接口仅限部门密钥调用');
  if (holder === 'system' && !principal.systemName) throw new AppError('FORBIDDEN', '该接口仅限政务服务等系统的密钥调用');
}

/**
 * A key sent to a public route: the caller is that key's holder (its own rate-limit budget rather
 * than its address's, which a bank branch shares), and a key that is malformed, unknown or revoked
 * is refused (401) so that an integrator learns of it instead of being served as anonymous. A
 * session cookie on a public route is not checked: an expired one must not lock anyone out of the portal.
 */
async function identifyKeyHolder(ctx: AppContext, request: FastifyRequest, authorization: string): Promise<void> {
  const key = bearerToken(authorization);
  if (!key) throw new AppError('UNAUTHENTICATED', '请求头 Authorization 应为 Bearer <API 密钥>；公开接口也可不带该请求头');
  const principal = await authenticateApiKey(ctx, key);
  if (!principal) throw new AppError('UNAUTHENTICATED', 'API 密钥无效或已吊销；公开接口也可不带该请求头');
  request.principal = principal;
}

async function authenticateSession(ctx: AppContext, request: FastifyRequest, access: GuardedAccess, token: string): Promise<void> {
  const { session, user } = await resumeSession(ctx, token);
  request.principal = { kind: 'user', userId: user.id, username: user.username, role: user.role, departmentUscc: user.departmentUscc };
  request.staffSession = { token, session, mustChangePassword: user.mustChangePassword };
  // A cookie rides along on requests other sites make; the CSRF header is what proves the page is ours.
  if (!SAFE_METHODS.has(request.method) && !csrfMatches(session, headerValue(request.headers[CSRF_HEADER]))) {
    throw new AppError('CSRF_INVALID', '缺少或无效的 CSRF 令牌：请在请求头 X-CSRF-Token 中提供登录时返回的 csrfToken');
  }
  if (!access.staff) throw new AppError('FORBIDDEN', '该接口仅限 API 密钥调用');
  if (!access.staff.includes(user.role)) throw new AppError('FORBIDDEN', `${roleLabel(user.role)}无权执行此操作`);
  if (user.mustChangePassword && !request.routeOptions.config.beforePasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码，再使用其他功能');
  }
}

/**
 * Cookie parsing, then on every guarded route, before anything is read from the body (onRequest):
 * a bearer key when `Authorization` is given, else the session cookie. On a public route only a
 * bearer key is checked (identifyKeyHolder). 401 when the caller is not
 * known (or no longer: expired session, revoked key), 403 when known but not allowed (role,
 * scope, kind of key, missing CSRF token, password still to change).
 */
export async function registerAuth(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(cookie, { hook: 'onRequest' });
  app.decorateRequest('principal', null);
  app.decorateRequest('staffSession', null);
  app.addHook('onRequest', async (request) => {
    const { access } = request.routeOptions.config;
    // Routes of external plugins (docs, static files, 404) carry no declaration and are public.
    if (access === undefined) return;
    const authorization = request.headers.authorization;
    if (access === 'public') {
      if (authorization !== undefined) await identifyKeyHolder(ctx, request, authorization);
      return;
    }
    if (authorization !== undefined) {
      const key = bearerToken(authorization);
      if (!key) throw new AppError('UNAUTHENTICATED', '请求头 Authorization 应为 Bearer <API 密钥>');
      return authenticateKey(ctx, request, access, key);
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) return authenticateSession(ctx, request, access, token);
    throw missingCredentials(access);
  });
}

/** Sets the session cookie after login or a password change. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, tokens: SessionTokens, settings: AuthSettings): void {
  reply.setCookie(SESSION_COOKIE, tokens.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.cookieSecure || request.protocol === 'https',
    path: '/',
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, settings: AuthSettings): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: settings.cookieSecure || request.protocol === 'https', path: '/' });
}

/** The address and browser of a request, stored with a session. */
export function clientInfo(request: FastifyRequest): ClientInfo {
  return { ip: request.ip || null, userAgent: headerValue(request.headers['user-agent']) ?? null };
}

/** The staff principal and session of a route declared `{ staff }`. */
export function currentStaff(request: FastifyRequest): { principal: Principal & { kind: 'user' }; session: StaffSession } {
  const { principal, staffSession } = request;
  if (principal?.kind !== 'user' || !staffSession) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { principal, session: staffSession };
}

/**
 * The department a caller acts for: a department key's, or a department role's (部门填报员,
 * 部门审核员). It never comes from the request body.
 * @throws AppError FORBIDDEN when the caller belongs to no department
 */
export function callerDepartment(request: FastifyRequest): string {
  const dept = request.principal?.departmentUscc;
  if (!dept) throw new AppError('FORBIDDEN', '只有部门账号或部门密钥可以执行此操作');
  return dept;
}

/**
 * The department whose data a caller may see: its own for department keys and roles, undefined
 * (every department) for the credit centre's staff.
 */
export function viewerDepartment(request: FastifyRequest): string | undefined {
  const { principal } = request;
  if (!principal) throw new AppError('UNAUTHENTICATED', '请先登录或提供 API 密钥');
  if (principal.kind === 'key') {
    // A system key sees no department's data: only a department key has one.
    if (!principal.departmentUscc) throw new AppError('FORBIDDEN', '该接口仅限部门密钥调用');
    return principal.departmentUscc;
  }
  // The schema guarantees a department for department roles; platform roles see every department.
  return principal.departmentUscc ?? undefined;
}
