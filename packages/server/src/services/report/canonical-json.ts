import { createHash } from 'node:crypto';

/**
 * Canonical JSON of a value: object keys sorted (by UTF-16 code units), no white space, undefined
 * members left out, like RFC 8785 for the strings, integers and dates-as-strings a report holds.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SM3 (国密, GB/T 32905) hex of the canonical JSON of the content. */
export function contentHashOf(content: unknown): string {
  return createHash('sm3').update(canonicalJson(content), 'utf8').digest('hex');
}
