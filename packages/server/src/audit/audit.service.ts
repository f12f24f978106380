import { AUDIT_GENESIS_HASH, appendAuditEntries, entryProblem, getAuditHead, readAuditChain, searchAuditEntries } from '@pubcredit/db';
import type { AuditEntry, AuditFilter, AuditOutcome, NewAuditEntry, Page, Tx } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import type { AppContext } from '../context';
import type { AuditActor } from './audit-actor';
import { auditText, scrubDetails } from './audit-mask';

/** What recording needs of the context. */
export type AuditContext = Pick<AppContext, 'db' | 'now'>;

/** One thing to record: who did what to what, why, from where, and how it ended. */
export interface AuditRecord {
  actor: AuditActor;
  /** e.g. 'batch.upload', 'user.create', 'departments.add'. */
  action: string;
  target?: string | null;
  purpose?: string | null;
  client?: { ip?: string | null; userAgent?: string | null };
  outcome: AuditOutcome;
  /** HTTP status or exit code. */
  status?: number | null;
  /** Facts worth keeping; ID and phone numbers are masked and credentials dropped here. */
  details?: Record<string, unknown>;
}

/** The entry a record becomes at `at`: personal numbers masked, texts cut to their column's use. */
export function toAuditEntry(record: AuditRecord, at: Date): NewAuditEntry {
  return {
    at,
    actorKind: record.actor.kind,
    actorId: auditText(record.actor.id, 200),
    actorName: auditText(record.actor.name, 200),
    departmentUscc: record.actor.departmentUscc,
    action: auditText(record.action, 200) ?? '',
    target: auditText(record.target),
    purpose: auditText(record.purpose),
    clientIp: auditText(record.client?.ip, 100),
    userAgent: auditText(record.client?.userAgent),
    outcome: record.outcome,
    status: record.status ?? null,
    details: scrubDetails(record.details),
  };
}

/**
 * Appends one entry to the audit chain and returns it. With `tx`, inside that transaction (the
 * entry exists if and only if the transaction commits; the chain's head stays locked until it
 * ends, so record last); without, in a transaction of its own.
 */
export async function recordAudit(ctx: AuditContext, record: AuditRecord, opts: { tx?: Tx } = {}): Promise<AuditEntry> {
  const entry = toAuditEntry(record, ctx.now());
  const append = async (tx: Tx): Promise<AuditEntry> => {
    const [stored] = await appendAuditEntries(tx, [entry]);
    if (!stored) throw new Error('audit append returned nothing');
    return stored;
  };
  return opts.tx ? append(opts.tx) : ctx.db.transaction(append);
}

/** How the chain broke at its first broken entry. */
export type AuditBreak = 'missing' | 'altered' | 'unlinked' | 'beyond_head' | 'head_mismatch';

export interface AuditVerification {
  ok: boolean;
  /** Entries found intact before the first broken one (all of them when ok). */
  checked: number;
  /** The end of the chain as audit_head records it. */
  head: { seq: number; hash: string };
  firstBroken?: { seq: number; reason: AuditBreak; message: string };
}

const TAMPERED = (seq: number): string => `审计记录第 ${seq} 条被篡改或删除`;

/** The Chinese sentence naming a broken entry and how it broke. */
export function describeBreak(seq: number, reason: AuditBreak): string {
  switch (reason) {
    case 'missing':
      return `${TAMPERED(seq)}：该条已不存在（被删除）`;
    case 'altered':
      return `${TAMPERED(seq)}：内容与其哈希不符（被改动或调换了位置）`;
    case 'unlinked':
      return `${TAMPERED(seq)}：其记载的前一哈希与第 ${seq - 1} 条不符（前一条被改动后重算了哈希，或本条被改动）`;
    case 'beyond_head':
      return `审计记录第 ${seq} 条来历不明：它在链尾登记之后，未经正常追加（疑为伪造）`;
    case 'head_mismatch':
      return `${TAMPERED(seq)}：与链尾登记的哈希不符`;
  }
}

/**
 * Recomputes the SM3 chain from the first entry: every entry must be numbered 1, 2, 3 … without
 * a gap (a gap is a deletion), hash to its stored hash (else it was changed, or moved), and name
 * its predecessor's hash; the last must be the one audit_head records (else the newest entries
 * were deleted, or some were inserted past it).
 */
export async function verifyAuditChain(ctx: Pick<AppContext, 'db'>): Promise<AuditVerification> {
  // The head is read first: entries appended while we read lie beyond it and are not a break.
  const head = await getAuditHead(ctx.db);
  let expected = 1;
  let prevHash = AUDIT_GENESIS_HASH;
  const broken = (seq: number, reason: AuditBreak): AuditVerification => ({
    ok: false,
    checked: expected - 1,
    head,
    firstBroken: { seq, reason, message: describeBreak(seq, reason) },
  });
  for await (const entry of readAuditChain(ctx.db)) {
    if (entry.seq > head.seq) {
      // Appended after we read the head, or inserted past it: the head now tells which.
      const now = await getAuditHead(ctx.db);
      if (entry.seq > now.seq) return broken(entry.seq, 'beyond_head');
    }
    const problem = entryProblem(entry, expected, prevHash);
    if (problem) return broken(problem === 'missing' ? expected : entry.seq, problem);
    if (entry.seq === head.seq && entry.hash !== head.hash) return broken(entry.seq, 'head_mismatch');
    prevHash = entry.hash;
    expected += 1;
  }
  if (expected - 1 < head.seq) return broken(expected, 'missing');
  return { ok: true, checked: expected - 1, head };
}

/** Entries matching the filter, newest first. */
export function searchAudit(ctx: Pick<AppContext, 'db'>, filter: AuditFilter, page: Page): Promise<AuditEntry[]> {
  return searchAuditEntries(ctx.db, filter, page);
}

/**
 * An instant of a search bound: 'YYYY-MM-DD' is a Beijing day (its first millisecond, or with
 * `end` its last), anything else an ISO 8601 date-time.
 * @example parseAuditTime('2024-05-01', 'end') // 2024-05-01T15:59:59.999Z
 */
export function parseAuditTime(text: string, edge: 'start' | 'end'): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
  const at = day ? new Date(`${text.trim()}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00`) : new Date(text.trim());
  if (Number.isNaN(at.getTime()) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(text.trim()))) {
    throw new DomainError('INVALID_ARGUMENT', `时间“${text}”无效：应为 YYYY-MM-DD 或 ISO 8601 时间（如 2024-05-01T08:00:00+08:00）`);
  }
  return at;
}

/** Search criteria as typed by a person (CLI options, query string). */
export interface AuditSearchText {
  actor?: string;
  action?: string;
  actorKind?: AuditFilter['actorKind'];
  outcome?: AuditOutcome;
  departmentUscc?: string;
  target?: string;
  from?: string;
  to?: string;
  /** true: only entries written late (补记); false: only entries written on time. */
  spooled?: boolean;
}

/** @throws DomainError INVALID_ARGUMENT for a time that is no time, or a start after the end */
export function auditFilterOf(q: AuditSearchText): AuditFilter {
  const from = q.from ? parseAuditTime(q.from, 'start') : undefined;
  const to = q.to ? parseAuditTime(q.to, 'end') : undefined;
  if (from && to && from > to) {
    throw new DomainError('INVALID_ARGUMENT', `起始时间“${q.from}”晚于截止时间“${q.to}”，请对调或修改`);
  }
  return {
    actor: q.actor?.trim() || undefined,
    action: q.action?.trim() || undefined,
    actorKind: q.actorKind,
    outcome: q.outcome,
    departmentUscc: q.departmentUscc?.trim().toUpperCase() || undefined,
    target: q.target?.trim() || undefined,
    from,
    to,
    spooled: q.spooled,
  };
}
