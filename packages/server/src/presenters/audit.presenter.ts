import type { AuditEntry } from '@pubcredit/db';
import type { AuditEntryBody } from '../schemas/audit.schema';

export function presentAuditEntry(e: AuditEntry): AuditEntryBody {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    departmentUscc: e.departmentUscc,
    action: e.action,
    target: e.target,
    purpose: e.purpose,
    clientIp: e.clientIp,
    userAgent: e.userAgent,
    outcome: e.outcome,
    status: e.status,
    details: e.details,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
