import { appendAuditEntries } from '@pubcredit/db';
import type { NewAuditEntry } from '@pubcredit/db';
import type { AuditContext, AuditRecord } from './audit.service';
import { toAuditEntry } from './audit.service';

/** Most entries appended in one transaction. */
const GROUP_LIMIT = 500;

/**
 * Appends the entries of HTTP requests after their responses, grouped: while one transaction holds
 * the head of the chain, the entries arriving meanwhile wait and go together in the next one, so
 * a burst of requests costs a few lock round trips rather than one each. Order is arrival order.
 */
export class AuditQueue {
  private pending: NewAuditEntry[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly ctx: AuditContext,
    private readonly onError: (err: unknown, lost: readonly NewAuditEntry[]) => void,
  ) {}

  /** Queues an entry, stamped now. */
  add(record: AuditRecord): void {
    this.pending.push(toAuditEntry(record, this.ctx.now()));
    this.draining ??= this.drain();
  }

  /** Resolves once every entry queued so far is written (or reported lost). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, GROUP_LIMIT);
      try {
        await this.ctx.db.transaction((tx) => appendAuditEntries(tx, group));
      } catch (err) {
        this.onError(err, group);
      }
    }
    this.draining = undefined;
  }
}
