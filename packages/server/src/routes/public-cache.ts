import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public answers that carry records: any cache may store them but must ask again (If-None-Match)
 * before each reuse, so a record repaired, withdrawn or expired disappears from every public
 * answer at once; an unchanged answer costs a 304 with no body.
 */
export const PUBLIC_DATA_CACHE = 'public, no-cache';
/** Seconds an answer without record data (a 信用码 image) may be reused without asking. */
export const PUBLIC_MAX_AGE_SECONDS = 3600;

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
 * Route-level onSend hook of public reads: `Cache-Control: public, no-cache` and a weak ETag
 * over the answer; a matching If-None-Match gets 304 with no body. Streams (CSV) get the
 * Cache-Control only. Errors are never cached.
 */
export async function publicCache(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
  reply.header('cache-control', PUBLIC_DATA_CACHE);
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
