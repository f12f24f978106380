import { createHash } from 'node:crypto';
import { appendAuditEntriesOnce, sqlState } from '@pubcredit/db';
import type { NewAuditEntry } from '@pubcredit/db';
import { AUDIT_SPOOL_INVALID_FILE } from './audit-spool';
import type { AuditSpool, SpooledEntry } from './audit-spool';
import type { AuditContext } from './audit.service';

/** Most spooled entries appended in one transaction. */
const CHUNK = 500;

/**
 * A spooled entry as it enters the chain: its own time (`at`) and content, and in its details
 * `spooled: { spooledAt, replayedAt }`, so an auditor sees it was written late (and the mark is
 * covered by its hash).
 */
export function lateEntry({ entry, spooledAt }: SpooledEntry, replayedAt: Date): NewAuditEntry {
  return { ...entry, details: { ...entry.details, spooled: { spooledAt: spooledAt.toISOString(), replayedAt: replayedAt.toISOString() } } };
}

/**
 * The entry standing in the chain for a spooled one the database refuses for its content (a time
 * or a status out of range: an edited or corrupted spool): who acted, on what, how it ended and
 * why it could not be written, in values the database takes; the line itself is kept in
 * audit-spool.invalid.jsonl. Its id derives from the original's, so a repeated replay appends it once.
 */
export function putAsideEntry({ entry, spooledAt }: SpooledEntry, replayedAt: Date, reason: string): NewAuditEntry {
  const digest = createHash('sha256').update(`put-aside:${entry.entryId.toLowerCase()}`).digest('hex');
  const entryId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  return {
    entryId,
    at: spooledAt,
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    actorName: entry.actorName,
    departmentUscc: entry.departmentUscc,
    action: 'audit.spool.rejected',
    target: entry.target,
    purpose: null,
    clientIp: entry.clientIp,
    userAgent: entry.userAgent,
    outcome: 'error',
    status: null,
    details: {
      original: { entryId: entry.entryId, action: entry.action, at: entry.at.toISOString(), outcome: entry.outcome },
      reason,
      keptIn: AUDIT_SPOOL_INVALID_FILE,
      spooled: { spooledAt: spooledAt.toISOString(), replayedAt: replayedAt.toISOString() },
    },
  };
}

export interface ReplayReport {
  /** Entries appended to the chain now. */
  appended: number;
  /** Entries already in the chain (a replay cut short after its insert, before emptying the spool). */
  skipped: number;
  /** Entries the database refuses for their content: kept aside, each replaced in the chain by a {@link putAsideEntry}. */
  putAside: number;
}

/** The database refuses the values themselves (SQLSTATE class 22 data exception, 23 constraint), not the write. */
const refusesContent = (err: unknown): boolean => /^2[23]/.test(sqlState(err) ?? '');

/**
 * Appends the spooled entries to the chain in their order, in transactions of {@link CHUNK}, skipping
 * those whose entryId is already there, then empties the spool. Throws while the database refuses
 * writes: the spool stays as it is, and the next replay skips what this one appended.
 *
 * An entry the database refuses for its content would otherwise be refused at every replay, and as
 * every write of the trail replays first, hold back every later entry (and the reads waiting on
 * them) for good: it is found, kept aside in audit-spool.invalid.jsonl, and a
 * {@link putAsideEntry} takes its place in the chain, so the trail shows that it was and why.
 */
export async function replayAuditSpool(ctx: AuditContext, spool: AuditSpool): Promise<ReplayReport> {
  if (spool.pending === 0) return { appended: 0, skipped: 0, putAside: 0 };
  const spooled = await spool.read();
  const append = async (entries: NewAuditEntry[]): Promise<number> => (await ctx.db.transaction((tx) => appendAuditEntriesOnce(tx, entries))).length;
  let appended = 0;
  let putAside = 0;
  for (let i = 0; i < spooled.length; i += CHUNK) {
    const replayedAt = ctx.now();
    const chunk = spooled.slice(i, i + CHUNK);
    try {
      appended += await append(chunk.map((s) => lateEntry(s, replayedAt)));
    } catch (err) {
      if (!refusesContent(err)) throw err;
      // One at a time, in order, to find the entries the database will never take.
      for (const s of chunk) {
        try {
          appended += await append([lateEntry(s, replayedAt)]);
        } catch (one) {
          if (!refusesContent(one)) throw one;
          const reason = `${sqlState(one)} ${(one as Error).message}`;
          spool.putAside(s, reason);
          await append([putAsideEntry(s, replayedAt, reason)]);
          putAside++;
        }
      }
    }
  }
  await spool.clear();
  return { appended, skipped: spooled.length - appended - putAside, putAside };
}
