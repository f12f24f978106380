import type { AuditEntry } from '@pubcredit/db';
import type { AuditEntryBody } from '../schemas/audit.schema';
import type { DeptNameOf } from './record.presenter';

/** An entry as the auditor reads it, with the name of the actor's department (`deptName` from departmentNames). */
export function presentAuditEntry(e: AuditEntry, deptName: DeptNameOf): AuditEntryBody {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    departmentUscc: e.departmentUscc,
    departmentName: e.departmentUscc ? deptName(e.departmentUscc) : null,
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
