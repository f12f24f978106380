import type { FastifyInstance } from 'fastify';
import { toHttpError } from './error-registry';

/** The one error handler: Chinese bodies from the registry; 5xx details only in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err, request, reply) => {
    const { status, body } = toHttpError(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    const retryAfter = (body.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.code(status).send(body);
  });
}
