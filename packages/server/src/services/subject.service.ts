import { countPublicRecordsByCatalog, findSubjectByUscc, getSubject, listPublicRecords, listRecordVersions, listSubjectNames } from '@pubcredit/db';
import type { Subject } from '@pubcredit/db';
import { DomainError, checkResidentId, checkUscc, normalizeCode } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { presentRecord, presentRecordVersion } from '../presenters/record.presenter';
import { presentSubject } from '../presenters/subject.presenter';
import type { RecordVersions } from '../schemas/record.schema';
import type { SubjectArchive, SubjectQuery, SubjectRecords } from '../schemas/subject.schema';
import { catalogName } from './catalog.service';
import { departmentNames } from './department.service';
import { beijingToday } from './publicity/today';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findSubject(ctx: AppContext, rawCode: string): Promise<Subject | undefined> {
  const code = normalizeCode(rawCode);
  if (UUID.test(code)) return getSubject(ctx.db, code.toLowerCase());
  // Natural persons are looked up by subjectId only: an ID number must never travel in a URL.
  if (!checkUscc(code).valid && checkResidentId(code).valid) {
    throw new DomainError('INVALID_ARGUMENT', '请勿在网址中使用身份证号码；自然人请用主体标识（subjectId）查询');
  }
  return findSubjectByUscc(ctx.db, code);
}

/** Why a code that found nothing cannot be a 统一社会信用代码, e.g. `（…校验码错误，应为 7，请核对）`; '' when it could be one. */
function notACodeReason(rawCode: string): string {
  const code = normalizeCode(rawCode);
  if (UUID.test(code)) return '';
  const check = checkUscc(code);
  const error = check.pilot ? undefined : check.issues.find((i) => i.severity === 'error');
  return error ? `（${error.message}，请核对）` : '';
}

/** A subject by code, or DomainError NOT_FOUND (saying why when the code is not a valid 统一社会信用代码). */
export async function requireSubject(ctx: AppContext, code: string): Promise<Subject> {
  const subject = await findSubject(ctx, code);
  if (!subject) throw new DomainError('NOT_FOUND', `未找到该信用主体${notACodeReason(code)}`);
  return subject;
}

/**
 * A subject's public records (publicRecordCondition: current, within the publicity period, not
 * repaired, withdrawn or never public), newest decision first, with their total.
 */
async function publicRecords(ctx: AppContext, subject: Subject, query: SubjectQuery): Promise<SubjectRecords & { counts: Record<string, number> }> {
  const today = beijingToday(ctx.now());
  const catalogs = query.catalog ? [query.catalog] : undefined;
  const [records, counts, deptName] = await Promise.all([
    listPublicRecords(ctx.db, subject.subjectId, { today, catalogs, limit: query.limit, offset: query.offset }),
    countPublicRecordsByCatalog(ctx.db, subject.subjectId, today),
    departmentNames(ctx),
  ]);
  const total = query.catalog ? (counts[query.catalog] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  return { records: records.map((r) => presentRecord(r, catalogName, deptName)), total, counts };
}

/**
 * A subject's public archive (信用档案) by 统一社会信用代码 (normalised) or subjectId: basic
 * information, its public records and their number per catalogue.
 * @example getSubjectArchive(ctx, '９１４１０４０２ma9g12340k', { limit: 20, offset: 0 })
 */
export async function getSubjectArchive(ctx: AppContext, code: string, query: SubjectQuery): Promise<SubjectArchive> {
  const subject = await requireSubject(ctx, code);
  const [names, page] = await Promise.all([listSubjectNames(ctx.db, subject.subjectId), publicRecords(ctx, subject, query)]);
  return { subject: presentSubject(subject, names), records: page.records, total: page.total, counts: page.counts };
}

/** One page of a subject's public records, optionally of one catalogue. */
export async function getSubjectRecords(ctx: AppContext, code: string, query: SubjectQuery): Promise<SubjectRecords> {
  const subject = await requireSubject(ctx, code);
  const { records, total } = await publicRecords(ctx, subject, query);
  return { records, total };
}

/**
 * Every version of one record (masked), oldest first, whether public or not: for staff. A
 * department (viewerDept) sees only the records it reported.
 */
export async function getRecordVersions(ctx: AppContext, recordKey: string, viewerDept?: string): Promise<RecordVersions> {
  const versions = await listRecordVersions(ctx.db, recordKey, beijingToday(ctx.now()));
  if (versions.length === 0) throw new DomainError('NOT_FOUND', '未找到该记录');
  if (viewerDept !== undefined && versions.some((v) => v.sourceDept !== viewerDept)) {
    throw new AppError('FORBIDDEN', '只能查看本部门报送的记录');
  }
  const deptName = await departmentNames(ctx);
  return { recordKey, versions: versions.map((v) => presentRecordVersion(v, catalogName, deptName)) };
}
