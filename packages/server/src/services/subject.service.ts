import { findSubjectByUscc, getSubject, listCurrentRecords, listRecordVersions, listSubjectNames } from '@pubcredit/db';
import type { Subject } from '@pubcredit/db';
import { DomainError, checkResidentId, checkUscc, normalizeCode } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { presentRecord, presentRecordVersion } from '../presenters/record.presenter';
import { presentSubject } from '../presenters/subject.presenter';
import type { RecordVersions } from '../schemas/record.schema';
import type { SubjectArchive, SubjectQuery } from '../schemas/subject.schema';
import { countCurrentRecords } from '../repositories/record-count.repository';
import { catalogName } from './catalog.service';

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

/**
 * A subject's public archive by 统一社会信用代码 (normalised) or subjectId, with its current records.
 * @example getSubjectArchive(ctx, '９１４１０４０２ma9g12340k', { limit: 20, offset: 0 })
 */
export async function getSubjectArchive(ctx: AppContext, code: string, query: SubjectQuery): Promise<SubjectArchive> {
  const subject = await findSubject(ctx, code);
  if (!subject) throw new DomainError('NOT_FOUND', '未找到该信用主体');
  const [names, records, total] = await Promise.all([
    listSubjectNames(ctx.db, subject.subjectId),
    listCurrentRecords(ctx.db, subject.subjectId, query),
    countCurrentRecords(ctx.db, subject.subjectId, query.catalog),
  ]);
  return {
    subject: presentSubject(subject, names),
    records: records.map((r) => presentRecord(r, catalogName)),
    total,
  };
}

/** Every version of one record (masked), oldest first. */
export async function getRecordVersions(ctx: AppContext, recordKey: string): Promise<RecordVersions> {
  const versions = await listRecordVersions(ctx.db, recordKey);
  if (versions.length === 0) throw new DomainError('NOT_FOUND', '未找到该记录');
  return { recordKey, versions: versions.map((v) => presentRecordVersion(v, catalogName)) };
}
