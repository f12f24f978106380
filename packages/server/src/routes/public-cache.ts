import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds a public answer may be reused by browsers and proxies. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored; `*` matches any.
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/**
 * Route-level onSend hook of public reads: `Cache-Control: public, max-age=60` and a weak ETag
 * over the answer; a matching If-None-Match gets 304 with no body. Streams (CSV) get the
 * Cache-Control only. Errors are never cached.
 */
export async function publicCache(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
  reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const etag = `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (matches(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch, etag)) {
    reply.code(304);
    return '';
  }
  return payload;
}
