// Who acted and how it ended: the domain's vocabulary, which names them in Chinese too.
import type { AuditActorKind, AuditOutcome } from '@pubcredit/domain';
export { AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES } from '@pubcredit/domain';
export type { AuditActorKind, AuditOutcome } from '@pubcredit/domain';

/** The first entry's prev_hash. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditLogRow {
  seq: string;
  at: Date;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  actor_name: string | null;
  department_uscc: string | null;
  action: string;
  target: string | null;
  purpose: string | null;
  client_ip: string | null;
  user_agent: string | null;
  outcome: AuditOutcome;
  status: number | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** An entry as its writer gives it: everything but its place in the chain. */
export interface NewAuditEntry {
  at: Date;
  actorKind: AuditActorKind;
  actorId: string | null;
  actorName: string | null;
  /** The actor's 信源部门, when it has one. */
  departmentUscc: string | null;
  /** What was done, e.g. 'batch.upload' or 'GET /api/v1/batches/:id'. */
  action: string;
  target: string | null;
  /** Why (X-Purpose header or the route's declared purpose). */
  purpose: string | null;
  clientIp: string | null;
  userAgent: string | null;
  outcome: AuditOutcome;
  /** HTTP status, or the CLI command's exit code. */
  status: number | null;
  /** JSON-safe facts; no full personal ID number (the service masks them). */
  details: Record<string, unknown>;
  /**
   * Random uuid of an entry that may be spooled and replayed (migration 009): a replay skips the
   * ids already in the chain. Not part of the hash; absent for the CLI's entries and old ones.
   */
  entryId?: string | null;
}

/** 审计记录: an entry in its place in the chain. */
export interface AuditEntry extends NewAuditEntry {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  prevHash: string;
  hash: string;
}

export const AUDIT_COLUMNS =
  'seq, at, actor_kind, actor_id, actor_name, department_uscc, action, target, purpose, client_ip, user_agent, outcome, status, details, prev_hash, hash';

export function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    departmentUscc: row.department_uscc,
    action: row.action,
    target: row.target,
    purpose: row.purpose,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
    status: row.status,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
