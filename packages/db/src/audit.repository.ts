import { auditEntryHash, storableEntry } from './audit-hash';
import { AUDIT_COLUMNS, toAuditEntry } from './audit.table';
import type { AuditEntry, AuditLogRow, AuditOutcome, NewAuditEntry, AuditActorKind } from './audit.table';
import type { Sql, Tx } from './database';
import type { Page } from './paging';

/** The end of the chain: the last entry's number (0 when empty) and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

async function lockHead(tx: Tx): Promise<AuditHead> {
  const { rows } = await tx.query<{ seq: string; hash: string }>('select seq, hash from audit_head where id = 1 for update');
  const head = rows[0];
  if (!head) throw new Error('audit_head has no row: migration 004 did not run');
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * Appends entries at the end of the chain, in order, and returns them as stored. Takes the one
 * row of audit_head FOR UPDATE, so concurrent appenders (any number of connections) queue there
 * and the chain stays linear; the lock lasts until `tx` ends, so inside a long transaction call
 * this last.
 */
export async function appendAuditEntries(tx: Tx, entries: readonly NewAuditEntry[]): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  return insertChained(tx, await lockHead(tx), entries);
}

/**
 * Like {@link appendAuditEntries}, but skips the entries whose `entryId` is already in the chain
 * (checked under the head's lock): replaying a spool twice appends each entry once. Returns the
 * entries appended.
 */
export async function appendAuditEntriesOnce(tx: Tx, entries: readonly NewAuditEntry[]): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  const head = await lockHead(tx);
  const ids = entries.map((e) => e.entryId).filter((id): id is string => typeof id === 'string');
  const { rows } = ids.length
    ? await tx.query<{ entry_id: string }>('select entry_id::text as entry_id from audit_log where entry_id = any($1::uuid[])', [ids])
    : { rows: [] };
  const present = new Set(rows.map((r) => r.entry_id.toLowerCase()));
  const fresh = entries.filter((e) => !e.entryId || !present.has(e.entryId.toLowerCase()));
  return fresh.length ? insertChained(tx, head, fresh) : [];
}

async function insertChained(tx: Tx, head: AuditHead, entries: readonly NewAuditEntry[]): Promise<AuditEntry[]> {
  let seq = head.seq;
  let prevHash = head.hash;
  const stored: AuditEntry[] = entries.map((e) => {
    const entry = storableEntry(e);
    seq += 1;
    const hash = auditEntryHash(entry, seq, prevHash);
    const chained = { ...entry, seq, prevHash, hash };
    prevHash = hash;
    return chained;
  });
  const col = <T>(pick: (e: AuditEntry) => T): T[] => stored.map(pick);
  await tx.query(
    `insert into audit_log (${AUDIT_COLUMNS}, entry_id)
     select u.seq, u.at, u.actor_kind, u.actor_id, u.actor_name, u.department_uscc, u.action, u.target, u.purpose,
            u.client_ip, u.user_agent, u.outcome, u.status, u.details::jsonb, u.prev_hash, u.hash, u.entry_id
       from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[],
                   $17::uuid[])
         as u(seq, at, actor_kind, actor_id, actor_name, department_uscc, action, target, purpose,
              client_ip, user_agent, outcome, status, details, prev_hash, hash, entry_id)`,
    [
      col((e) => e.seq),
      col((e) => e.at.toISOString()),
      col((e) => e.actorKind),
      col((e) => e.actorId),
      col((e) => e.actorName),
      col((e) => e.departmentUscc),
      col((e) => e.action),
      col((e) => e.target),
      col((e) => e.purpose),
      col((e) => e.clientIp),
      col((e) => e.userAgent),
      col((e) => e.outcome),
      col((e) => e.status),
      col((e) => JSON.stringify(e.details)),
      col((e) => e.prevHash),
      col((e) => e.hash),
      col((e) => e.entryId ?? null),
    ],
  );
  await tx.query('update audit_head set seq = $1, hash = $2 where id = 1', [seq, prevHash]);
  return stored;
}

export async function getAuditHead(sql: Sql): Promise<AuditHead> {
  const { rows } = await sql.query<{ seq: string; hash: string }>('select seq, hash from audit_head where id = 1');
  const head = rows[0];
  if (!head) throw new Error('audit_head has no row: migration 004 did not run');
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * The chain in order from entry `afterSeq + 1`, page by page (keyset on seq): verification and
 * exports stream a trail of any length without holding a cursor (PGlite has one connection).
 */
export async function* readAuditChain(sql: Sql, opts: { afterSeq?: number; pageSize?: number; filter?: AuditFilter } = {}): AsyncGenerator<AuditEntry> {
  const pageSize = opts.pageSize ?? 2000;
  let after = opts.afterSeq ?? 0;
  const { where, params } = filterClause(opts.filter ?? {}, 3);
  for (;;) {
    const { rows } = await sql.query<AuditLogRow>(
      `select ${AUDIT_COLUMNS} from audit_log where seq > $1 ${where} order by seq limit $2`,
      [after, pageSize, ...params],
    );
    for (const row of rows) yield toAuditEntry(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = Number(last.seq);
  }
}

/** Search criteria of the trail (审计查询); every one optional. */
export interface AuditFilter {
  /** The actor's id exactly, or part of its name (case-insensitive). */
  actor?: string;
  /** An action, or the start of one: 'user' finds 'user.create' and 'user.update'. */
  action?: string;
  actorKind?: AuditActorKind;
  outcome?: AuditOutcome;
  departmentUscc?: string;
  /** Part of the target (case-insensitive): a user's or batch's id, a subject code, a path. */
  target?: string;
  /** From this instant, inclusive. */
  from?: Date;
  /** Up to this instant, inclusive. */
  to?: Date;
  /**
   * true: only entries written late from the spool (补记, `details.spooled`); false: only entries
   * written on time.
   */
  spooled?: boolean;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterClause(filter: AuditFilter, firstParam: number): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (filter.actor) {
    clauses.push(`(actor_id = ${p(filter.actor)} or actor_name ilike ${p(`%${likeEscape(filter.actor)}%`)})`);
  }
  if (filter.action) clauses.push(`(action = ${p(filter.action)} or action like ${p(`${likeEscape(filter.action)}%`)})`);
  if (filter.actorKind) clauses.push(`actor_kind = ${p(filter.actorKind)}`);
  if (filter.outcome) clauses.push(`outcome = ${p(filter.outcome)}`);
  if (filter.departmentUscc) clauses.push(`department_uscc = ${p(filter.departmentUscc)}`);
  if (filter.target) clauses.push(`target ilike ${p(`%${likeEscape(filter.target)}%`)}`);
  if (filter.from) clauses.push(`at >= ${p(filter.from.toISOString())}::timestamptz`);
  if (filter.to) clauses.push(`at <= ${p(filter.to.toISOString())}::timestamptz`);
  if (filter.spooled !== undefined) clauses.push(`(details -> 'spooled') is ${filter.spooled ? 'not null' : 'null'}`);
  return { where: clauses.map((c) => `and ${c}`).join(' '), params };
}

/** Matching entries, newest first. */
export async function searchAuditEntries(sql: Sql, filter: AuditFilter, page: Page): Promise<AuditEntry[]> {
  const { where, params } = filterClause(filter, 3);
  const { rows } = await sql.query<AuditLogRow>(
    `select ${AUDIT_COLUMNS} from audit_log where true ${where} order by seq desc limit $1 offset $2`,
    [page.limit, page.offset, ...params],
  );
  return rows.map(toAuditEntry);
}
