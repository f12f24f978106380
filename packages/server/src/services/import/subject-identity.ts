import { hash } from 'node:crypto';

/**
 * A UUID (version 8, RFC 9562) derived from a subject's identity key. The same subject gets the
 * same id in every import and on every node, so records are written without looking subjects up,
 * and a Citus cluster can route by it (docs/decisions/0002).
 */
export function subjectIdFor(identityKey: string): string {
  const b = hash('sha256', identityKey, 'buffer');
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x80;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Legal persons and 个体工商户 are keyed by USCC. */
export const usccSubjectId = (uscc: string): string => subjectIdFor(`uscc:${uscc}`);

/** Natural persons are keyed by the keyed hash of their ID number, never the number itself. */
export const personSubjectId = (idHash: string): string => subjectIdFor(`person:${idHash}`);
