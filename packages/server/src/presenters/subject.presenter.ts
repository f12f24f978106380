import type { Subject, SubjectName } from '@pubcredit/db';
import type { Subject as SubjectBody } from '../schemas/subject.schema';

/** Public view of a subject: the masked ID only, never its hash or cipher. */
export function presentSubject(s: Subject, names: readonly SubjectName[]): SubjectBody {
  return {
    subjectId: s.subjectId,
    kind: s.kind,
    name: s.name,
    uscc: s.uscc,
    idMasked: s.idMasked,
    nameConflict: s.nameConflict,
    formerNames: names.map((n) => ({
      name: n.name,
      sourceDept: n.sourceDept,
      firstSeenAt: n.firstSeenAt.toISOString(),
      lastSeenAt: n.lastSeenAt.toISOString(),
    })),
  };
}
