import type { ArchiveRecord, RecordVersion, VersionWithState } from '@pubcredit/db';
import { maskPersonalNumbers, regimeName } from '@pubcredit/domain';
import type { RecordItem } from '../schemas/subject.schema';
import type { ArchiveRecord as ArchiveRecordBody, RecordVersion as RecordVersionBody } from '../schemas/record.schema';

/**
 * Masks the personal numbers in a text: ID numbers (of either generation, check digit right or
 * wrong) and mobile numbers, whole or inside a longer text (e.g. a 违法事实 naming the person). A
 * 统一社会信用代码 of digits only is public and stays.
 * @example maskPersonalText('当事人410402199001011230') // '当事人4104**********1230'
 */
export function maskPersonalText(value: string): string {
  return maskPersonalNumbers(value);
}

/**
 * The importer stores personal fields masked; as a second line of defence any value that still
 * holds a full ID or mobile number is masked here (invariant 5). pii_cipher is never presented.
 */
function maskedData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? maskPersonalText(value) : value;
  return out;
}

/** A department's name by its USCC, or null when unknown. */
export type DeptNameOf = (uscc: string) => string | null;

/**
 * A record as every API response shows it: masked data, the source department's name and, on a
 * negative record, its publicity regime, tier and period (null otherwise).
 * @param deptName names of source departments (e.g. from {@link deptNames}); without it sourceDeptName is null
 */
export function presentRecord(r: RecordVersion, catalogName: (code: string) => string, deptName?: DeptNameOf): RecordItem {
  return {
    catalog: r.catalog,
    catalogName: catalogName(r.catalog),
    recordKey: r.recordKey,
    version: r.version,
    sourceDept: r.sourceDept,
    docNo: r.docNo,
    decisionDate: r.decisionDate,
    receivedAt: r.receivedAt.toISOString(),
    reportWorkingDays: r.reportWorkingDays,
    data: maskedData(r.data),
    sourceDeptName: deptName?.(r.sourceDept) ?? null,
    regime: r.regime,
    regimeName: r.regime === null ? null : regimeName(r.regime),
    tier: r.tier,
    minUntil: r.minUntil,
    maxUntil: r.maxUntil,
  };
}

/** A {@link DeptNameOf} over a list of departments. */
export function deptNames(departments: readonly { uscc: string; name: string }[]): DeptNameOf {
  const names = new Map(departments.map((d) => [d.uscc, d.name]));
  return (uscc) => names.get(uscc) ?? null;
}

/** What staff see beyond the public fields: where the record stands with the public, and why. */
function staffFields(r: RecordVersion) {
  return {
    publicityEndReason: r.publicityEndReason,
    publicityEndedAt: r.publicityEndedAt?.toISOString() ?? null,
    neverPublic: r.neverPublic,
    simpleProcedure: r.simpleProcedure,
  };
}

export function presentRecordVersion(r: VersionWithState, catalogName: (code: string) => string, deptName?: DeptNameOf): RecordVersionBody {
  return {
    ...presentRecord(r, catalogName, deptName),
    ...staffFields(r),
    supersededAt: r.supersededAt?.toISOString() ?? null,
    publicState: r.publicState,
  };
}

/** A current record in a staff archive view (信用档案核查): masked like every response, with its state. */
export function presentArchiveRecord(r: ArchiveRecord, catalogName: (code: string) => string, deptName?: DeptNameOf): ArchiveRecordBody {
  return { ...presentRecord(r, catalogName, deptName), ...staffFields(r), publicState: r.publicState };
}
