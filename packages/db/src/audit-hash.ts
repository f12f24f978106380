import { createHash } from 'node:crypto';
import type { AuditEntry, NewAuditEntry } from './audit.table';

// The hash must be recomputable from what the database gives back, so an entry is first made
// storable exactly (PostgreSQL text holds no NUL; a lone UTF-16 surrogate would be replaced on the
// way to UTF-8; jsonb reorders keys), and the hash covers a canonical serialisation of it.

const FORMAT = 'pubcredit-audit/1';
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text refuses
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as PostgreSQL will store and return it: no NUL, no lone surrogate. */
export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\ufffd');
}

function storableOrNull(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

/**
 * A JSON value with object keys sorted (recursively) and strings storable, undefined members
 * dropped: the same whether built by the writer or parsed back from jsonb.
 */
export function canonicalValue(value: unknown): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return storableText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined || typeof v === 'function' ? null : canonicalValue(v)));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).map(storableText).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out[key] = canonicalValue(v);
    }
    return out;
  }
  return null;
}

/** An entry exactly as it will be stored (see {@link storableText}, {@link canonicalValue}). */
export function storableEntry(entry: NewAuditEntry): NewAuditEntry {
  const details = canonicalValue(entry.details ?? {});
  return {
    at: new Date(entry.at.getTime()),
    actorKind: entry.actorKind,
    actorId: storableOrNull(entry.actorId),
    actorName: storableOrNull(entry.actorName),
    departmentUscc: storableOrNull(entry.departmentUscc),
    action: storableText(entry.action),
    target: storableOrNull(entry.target),
    purpose: storableOrNull(entry.purpose),
    clientIp: storableOrNull(entry.clientIp),
    userAgent: storableOrNull(entry.userAgent),
    outcome: entry.outcome,
    status: entry.status,
    details: typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
    ...(entry.entryId ? { entryId: entry.entryId } : {}),
  };
}

/**
 * SM3 (国密, GB/T 32905) hex of an entry at position `seq` after `prevHash`: a JSON array of every
 * field in a fixed order, the details with sorted keys.
 * @example auditEntryHash(entry, 1, AUDIT_GENESIS_HASH) // '6c1f…' (64 hex digits)
 */
export function auditEntryHash(entry: NewAuditEntry, seq: number, prevHash: string): string {
  const text = JSON.stringify([
    FORMAT,
    String(seq),
    entry.at.toISOString(),
    entry.actorKind,
    entry.actorId,
    entry.actorName,
    entry.departmentUscc,
    entry.action,
    entry.target,
    entry.purpose,
    entry.clientIp,
    entry.userAgent,
    entry.outcome,
    entry.status,
    JSON.stringify(canonicalValue(entry.details)),
    prevHash,
  ]);
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

/** Why a stored entry does not hold, or undefined when its hash matches its content and place. */
export function entryProblem(entry: AuditEntry, expectedSeq: number, expectedPrevHash: string): 'missing' | 'altered' | 'unlinked' | undefined {
  if (entry.seq !== expectedSeq) return 'missing';
  if (auditEntryHash(entry, entry.seq, entry.prevHash) !== entry.hash) return 'altered';
  if (entry.prevHash !== expectedPrevHash) return 'unlinked';
  return undefined;
}
