import { appendAuditEntries } from '@pubcredit/db';
import type { NewAuditEntry } from '@pubcredit/db';
import type { AuditContext, AuditRecord } from './audit.service';
import { toAuditEntry } from './audit.service';

/** Most entries appended in one transaction. */
const GROUP_LIMIT = 500;

interface Waiting {
  entry: NewAuditEntry;
  written: () => void;
  failed: (err: unknown) => void;
}

/**
 * Appends the entries of HTTP requests before their answers go out, grouped: while one transaction
 * holds the head of the chain, the entries arriving meanwhile wait and go together in the next one,
 * so a burst of requests costs a few lock round trips rather than one each. Order is arrival order.
 */
export class AuditQueue {
  private pending: Waiting[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly ctx: AuditContext,
    private readonly onError: (err: unknown, lost: readonly NewAuditEntry[]) => void,
  ) {}

  /** Queues an entry, stamped now; resolves once it is written, rejects if its group could not be. */
  add(record: AuditRecord): Promise<void> {
    const entry = toAuditEntry(record, this.ctx.now());
    return new Promise<void>((written, failed) => {
      this.pending.push({ entry, written, failed });
      this.draining ??= this.drain();
    });
  }

  /** Resolves once every entry queued so far is written (or reported lost). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, GROUP_LIMIT);
      try {
        await this.ctx.db.transaction((tx) => appendAuditEntries(tx, group.map((g) => g.entry)));
        for (const g of group) g.written();
      } catch (err) {
        this.onError(err, group.map((g) => g.entry));
        for (const g of group) g.failed(err);
      }
    }
    this.draining = undefined;
  }
}
