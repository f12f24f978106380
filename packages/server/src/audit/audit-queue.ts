import { randomUUID } from 'node:crypto';
import { appendAuditEntries } from '@pubcredit/db';
import type { NewAuditEntry } from '@pubcredit/db';
import type { AppContext } from '../context';
import { replayAuditSpool } from './audit-replay';
import type { AuditContext, AuditRecord } from './audit.service';
import { toAuditEntry } from './audit.service';

/** Most entries appended in one transaction. */
const GROUP_LIMIT = 500;

/** How an entry was kept: in the chain, or in the spool until the database accepts it. */
export type AuditKept = 'written' | 'spooled';

type QueuedEntry = NewAuditEntry & { entryId: string };

interface Waiting {
  entry: QueuedEntry;
  /** Its answer goes out whatever happens (a change, a refusal): spool the entry if need be. */
  spool: boolean;
  kept: (how: AuditKept) => void;
  failed: (err: unknown) => void;
}

/** What an operator needs of lost entries; the entries are masked, so this holds nothing personal. */
const summary = (group: readonly Waiting[]): object[] =>
  group.map(({ entry: e }) => ({ at: e.at, action: e.action, actor: e.actorId, target: e.target, status: e.status }));

const text = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Appends the entries of HTTP requests before their answers go out, grouped: while one transaction
 * holds the head of the chain, the entries arriving meanwhile wait and go together in the next one,
 * so a burst of requests costs a few lock round trips rather than one each. Order is arrival order.
 *
 * When the database refuses a group, the entries whose answers go out anyway (changes, refusals)
 * are appended to the context's spool (AuditSpool) and resolve as 'spooled'; the others reject.
 * Every write first replays the spool, so spooled entries enter the chain before any newer one.
 */
export class AuditQueue {
  private pending: Waiting[] = [];
  private draining: Promise<void> | undefined;

  constructor(private readonly ctx: AuditContext & Pick<AppContext, 'log' | 'auditSpool'>) {}

  /**
   * Queues an entry, stamped now; resolves once it is written (or, with `spool`, spooled), rejects
   * if it could be neither.
   */
  add(record: AuditRecord, opts: { spool: boolean }): Promise<AuditKept> {
    const entry: QueuedEntry = { ...toAuditEntry(record, this.ctx.now()), entryId: randomUUID() };
    return new Promise<AuditKept>((kept, failed) => {
      this.pending.push({ entry, spool: opts.spool, kept, failed });
      this.draining ??= this.drain();
    });
  }

  /** Starts replaying the spool, if it holds entries and nothing is being written (the retry timer). */
  retry(): void {
    if (this.ctx.auditSpool?.pending) this.draining ??= this.drain();
  }

  /** Resolves once every entry queued so far is written, spooled or reported lost, and the spool replayed if the database allows. */
  async flush(): Promise<void> {
    this.retry();
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      do await this.write(this.pending.splice(0, GROUP_LIMIT));
      while (this.pending.length > 0);
    } finally {
      this.draining = undefined;
    }
  }

  private async write(group: Waiting[]): Promise<void> {
    try {
      await this.replay();
      if (group.length) await this.ctx.db.transaction((tx) => appendAuditEntries(tx, group.map((g) => g.entry)));
    } catch (err) {
      this.ctx.auditSpool?.noteWrite(false);
      await this.fallBack(err, group);
      return;
    }
    this.ctx.auditSpool?.noteWrite(true);
    for (const g of group) g.kept('written');
  }

  private async replay(): Promise<void> {
    const spool = this.ctx.auditSpool;
    if (!spool?.pending) return;
    const report = await replayAuditSpool(this.ctx, spool);
    this.ctx.log.warn({ ...report, file: spool.file }, 'audit spool replayed: entries written late');
  }

  private async fallBack(err: unknown, group: Waiting[]): Promise<void> {
    const { log, auditSpool: spool } = this.ctx;
    const reads = group.filter((g) => !g.spool);
    const kept = group.filter((g) => g.spool);
    if (group.length === 0) log.warn({ err, pending: spool?.pending }, 'audit spool not replayed: the database refuses writes');
    if (reads.length) {
      // The entries themselves are masked: logging them keeps the facts where operators will look.
      log.error({ err, lost: summary(reads) }, 'audit entries not written');
      for (const g of reads) g.failed(err);
    }
    if (kept.length === 0) return;
    if (!spool) {
      log.error({ err, lost: summary(kept) }, 'audit entries not written');
      for (const g of kept) g.failed(err);
      return;
    }
    try {
      await spool.append(kept.map((g) => g.entry), this.ctx.now());
    } catch (spoolErr) {
      spool.noteLost(kept.length);
      log.error({ err: spoolErr, databaseError: text(err), lost: summary(kept), file: spool.file }, 'audit entries lost: neither written to the database nor spooled');
      for (const g of kept) g.failed(spoolErr);
      return;
    }
    log.warn({ err, spooled: kept.length, pending: spool.pending, file: spool.file }, 'audit entries spooled: the database refused them, replayed once it accepts writes');
    for (const g of kept) g.kept('spooled');
  }
}
