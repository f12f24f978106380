import { appendAuditEntriesOnce } from '@pubcredit/db';
import type { NewAuditEntry } from '@pubcredit/db';
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

export interface ReplayReport {
  /** Entries appended to the chain now. */
  appended: number;
  /** Entries already in the chain (a replay cut short after its insert, before emptying the spool). */
  skipped: number;
}

/**
 * Appends the spooled entries to the chain in their order, in transactions of {@link CHUNK}, skipping
 * those whose entryId is already there, then empties the spool. Throws while the database refuses:
 * the spool stays as it is, and the next replay skips what this one appended.
 */
export async function replayAuditSpool(ctx: AuditContext, spool: AuditSpool): Promise<ReplayReport> {
  if (spool.pending === 0) return { appended: 0, skipped: 0 };
  const spooled = await spool.read();
  let appended = 0;
  for (let i = 0; i < spooled.length; i += CHUNK) {
    const replayedAt = ctx.now();
    const chunk = spooled.slice(i, i + CHUNK).map((s) => lateEntry(s, replayedAt));
    appended += (await ctx.db.transaction((tx) => appendAuditEntriesOnce(tx, chunk))).length;
  }
  await spool.clear();
  return { appended, skipped: spooled.length - appended };
}
