import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { authenticateApiKey } from '../services/api-key.service';
import type { Principal } from '../services/api-scopes';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on 'department' routes once the bearer key is checked. */
    principal: Principal | null;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Checks `Authorization: Bearer <key>` on 'department' routes before anything is read from the
 * body (onRequest): 401 for a missing, unknown or revoked key, 403 for a missing scope.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const { access, scope } = request.routeOptions.config;
    if (access !== 'department') return;
    const key = bearerToken(request.headers.authorization);
    if (!key) throw new AppError('UNAUTHENTICATED', '缺少 API 密钥：请在请求头提供 Authorization: Bearer <密钥>');
    const principal = await authenticateApiKey(ctx, key);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'API 密钥无效或已吊销');
    if (!principal.departmentUscc) throw new AppError('FORBIDDEN', '该密钥不属于任何部门，不能调用部门接口');
    if (scope && !principal.scopes.includes(scope)) throw new AppError('FORBIDDEN', `该密钥没有 ${scope} 权限`);
    request.principal = principal;
  });
}

/** The department of the calling key; the department never comes from the request body. */
export function callerDepartment(request: FastifyRequest): string {
  const dept = request.principal?.departmentUscc;
  if (!dept) throw new AppError('UNAUTHENTICATED', '缺少 API 密钥');
  return dept;
}
