import { listPublicRecords } from '@pubcredit/db';
import type { CreditReportKind, CreditReportParams, Subject } from '@pubcredit/db';
import { DomainError, listCatalogs } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import { presentRecord } from '../../presenters/record.presenter';
import type { CreditReport } from '../../schemas/report.schema';
import { catalogName } from '../catalog.service';
import { departmentNames } from '../department.service';
import { beijingToday } from '../publicity/today';

/** What is signed: the report without its hash, signature and verify URL. */
export type ReportContent = Omit<CreditReport, 'contentHash' | 'signature' | 'verifyUrl'>;

/**
 * The categories a 专项信用报告 may cover (issue #4 §4: 行政处罚, 行政强制, 严重失信主体名单), in
 * report order; each is a catalogue, read like every other through its public records.
 */
export const SPECIAL_CATEGORIES: readonly string[] = ['administrative_penalty', 'administrative_coercion', 'serious_dishonesty_list'];

/** A report lists at most this many records (a subject with more is refused a truncated report). */
export const REPORT_RECORD_LIMIT = 2000;

/** The categories of a 标准信用报告: every catalogue, in registry order. */
export function standardCategories(): string[] {
  return listCatalogs().map((c) => c.code);
}

export interface ContentMeta {
  reportNo: string;
  kind: CreditReportKind;
  issuedAt: Date;
  asOf: Date;
}

/**
 * The content of a report: the subject (masked ID only) and its records public on the Beijing day
 * of `today` (publicRecordCondition via listPublicRecords) by category. Issuing reads them at asOf;
 * verification rebuilds it with the stored number, times and parameters but today's records, so a
 * different hash means the public record has changed.
 */
export async function buildReportContent(
  ctx: AppContext,
  subject: Subject,
  params: CreditReportParams,
  meta: ContentMeta,
  today: string = beijingToday(meta.asOf),
): Promise<ReportContent> {
  const [records, deptName] = await Promise.all([
    listPublicRecords(ctx.db, subject.subjectId, {
      today,
      catalogs: params.categories,
      from: params.period?.from ?? undefined,
      to: params.period?.to ?? undefined,
      limit: REPORT_RECORD_LIMIT + 1,
      offset: 0,
    }),
    departmentNames(ctx),
  ]);
  if (records.length > REPORT_RECORD_LIMIT) {
    throw new DomainError('INVALID_ARGUMENT', `该主体公示中的记录超过 ${REPORT_RECORD_LIMIT} 条：请改用专项信用报告，并缩小时间范围（from、to）或信息类别（categories）`);
  }
  const byCatalog = new Map<string, CreditReport['sections'][number]['records']>();
  for (const r of records) {
    const list = byCatalog.get(r.catalog) ?? [];
    list.push(presentRecord(r, catalogName, deptName));
    byCatalog.set(r.catalog, list);
  }
  return {
    reportNo: meta.reportNo,
    kind: meta.kind,
    issuedAt: meta.issuedAt.toISOString(),
    asOf: meta.asOf.toISOString(),
    subject: { subjectId: subject.subjectId, kind: subject.kind, name: subject.name, uscc: subject.uscc, idMasked: subject.idMasked },
    period: params.period,
    sections: params.categories.map((category) => ({
      category,
      name: catalogName(category),
      records: byCatalog.get(category) ?? [],
    })),
  };
}
