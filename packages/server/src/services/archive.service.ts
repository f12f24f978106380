import { findSubjectByIdHash, hasRecordsFrom, listArchiveRecords, listSubjectNames } from '@pubcredit/db';
import { DomainError, checkResidentId, normalizeCode } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { presentArchiveRecord } from '../presenters/record.presenter';
import { presentSubject } from '../presenters/subject.presenter';
import type { Archive, ArchiveQuery } from '../schemas/record.schema';
import { catalogName } from './catalog.service';
import { departmentNames } from './department.service';
import { beijingToday } from './publicity/today';
import { requireSubject } from './subject.service';

/**
 * A subject's archive as staff see it (信用档案核查): every current record, public or not, with
 * where it stands with the public (公示中, 不予公示, 期满, 已修复, 已撤销). A department's staff
 * (viewerDept) see only the records their department reported; masked like every response.
 */
export async function getStaffArchive(ctx: AppContext, code: string, query: ArchiveQuery, viewerDept?: string): Promise<Archive> {
  const subject = await requireSubject(ctx, code);
  const [names, page, deptName] = await Promise.all([
    listSubjectNames(ctx.db, subject.subjectId),
    listArchiveRecords(ctx.db, subject.subjectId, {
      today: beijingToday(ctx.now()),
      catalog: query.catalog,
      state: query.state,
      sourceDept: viewerDept,
      limit: query.limit,
      offset: query.offset,
    }),
    departmentNames(ctx),
  ]);
  return {
    subject: presentSubject(subject, names),
    records: page.records.map((r) => presentArchiveRecord(r, catalogName, deptName)),
    total: page.total,
    states: page.states,
  };
}

/**
 * The subjectId of a natural person by ID number, through its keyed hash (the number is neither
 * stored nor logged in the clear, and never travels in a URL). A 居民身份证号码 that fails GB 11643
 * is refused with the reason; other kinds of 证件号码 are looked up as typed (normalised). A
 * department's staff (viewerDept) find only persons their department reported: the answer must not
 * tell them that another department holds records of someone.
 */
export async function lookupPerson(ctx: AppContext, rawId: string, viewerDept?: string): Promise<{ subjectId: string }> {
  const id = normalizeCode(rawId);
  if (/^\d{17}[\dX]$/.test(id)) {
    const error = checkResidentId(id).issues.find((i) => i.severity === 'error');
    if (error) throw new DomainError('INVALID_ARGUMENT', `${error.message}，请核对`);
  }
  const subject = await findSubjectByIdHash(ctx.db, ctx.keys.hash(id));
  const visible = subject && (viewerDept === undefined || (await hasRecordsFrom(ctx.db, subject.subjectId, viewerDept)));
  if (!visible) throw new DomainError('NOT_FOUND', '未找到该自然人（该证件号码没有记录）');
  return { subjectId: subject.subjectId };
}
