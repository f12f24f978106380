import { api, buildUrl } from './api-client';

import type { AuditActorKind, AuditOutcome } from '@pubcredit/domain/access';

export { AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES } from '@pubcredit/domain/access';
export type { AuditActorKind, AuditOutcome } from '@pubcredit/domain/access';

/** 审计记录: who did what, when, why, from where, with what outcome; chained by SM3 hashes. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorKind: AuditActorKind;
  actorId: string | null;
  actorName: string | null;
  departmentUscc: string | null;
  /** That department's registered name (null when none or unregistered). */
  departmentName: string | null;
  action: string;
  target: string | null;
  purpose: string | null;
  clientIp: string | null;
  userAgent: string | null;
  outcome: AuditOutcome;
  status: number | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  /** Actor id, or part of the actor's name. */
  actor?: string;
  /** An action or its start ('user' finds user.create, user.update). */
  action?: string;
  actorKind?: AuditActorKind;
  outcome?: AuditOutcome;
  departmentUscc?: string;
  /** Part of the target: an id, a subject code, a path. */
  target?: string;
  /** YYYY-MM-DD (the Beijing day) or an ISO instant, inclusive. */
  from?: string;
  to?: string;
  /** true: only entries written late from the spool (补记); false: only those written on time. */
  spooled?: boolean;
}

/** When a late entry (补记) was spooled and when it entered the chain: `details.spooled`, set by the server's replay. */
export interface SpooledMark {
  spooledAt: string;
  replayedAt: string;
}

/** The spool mark of an entry written late, or null for one written on time. */
export function spooledMark(entry: Pick<AuditEntry, 'details'>): SpooledMark | null {
  const mark = entry.details.spooled as Partial<SpooledMark> | null | undefined;
  if (typeof mark !== 'object' || mark === null) return null;
  return typeof mark.spooledAt === 'string' && typeof mark.replayedAt === 'string' ? { spooledAt: mark.spooledAt, replayedAt: mark.replayedAt } : null;
}

export interface AuditPage {
  entries: AuditEntry[];
}

export function searchAudit(filter: AuditFilter, limit: number, offset: number): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { query: { ...filter, limit, offset } });
}

/** Where the browser downloads the same search, oldest first with the hashes (the session cookie authorises it). */
export function auditExportUrl(filter: AuditFilter, format: 'csv' | 'xlsx'): string {
  return buildUrl(`/audit/export.${format}`, { ...filter });
}

/** The result of checking the SM3 chain from the first entry to the head. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string };
  firstBroken?: { seq: number; reason: string; message: string };
}

export function verifyAudit(): Promise<AuditVerification> {
  return api.get<AuditVerification>('/audit/verify');
}
