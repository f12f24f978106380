import type { FastifyInstance } from 'fastify';
import { toHttpError } from './error-registry';

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round((bytes / 1024) * 10) / 10} KB`;
}

/** The one error handler: Chinese bodies from the registry; 5xx details only in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err, request, reply) => {
    const { status, body: mapped } = toHttpError(err);
    // The limit that was exceeded is the route's own (a login takes far less than an upload).
    const limit = request.routeOptions.bodyLimit;
    const body =
      mapped.code === 'PAYLOAD_TOO_LARGE' && typeof limit === 'number'
        ? { ...mapped, message: `请求体过大：该接口上限 ${sizeText(limit)}`, details: { limitBytes: limit } }
        : mapped;
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    const retryAfter = (body.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.code(status).send(body);
  });
}
