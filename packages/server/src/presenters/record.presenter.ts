import type { RecordVersion } from '@pubcredit/db';
import { maskIdNumber } from '@pubcredit/domain';
import type { RecordItem } from '../schemas/subject.schema';
import type { RecordVersion as RecordVersionBody } from '../schemas/record.schema';

const FULL_RESIDENT_ID = /^\d{17}[\dX]$/i;

/**
 * The importer stores personal fields masked; as a second line of defence any value that still
 * looks like a full 居民身份证号码 is masked here (invariant 5). pii_cipher is never presented.
 */
function maskedData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = typeof value === 'string' && FULL_RESIDENT_ID.test(value.trim()) ? maskIdNumber(value) : value;
  }
  return out;
}

export function presentRecord(r: RecordVersion, catalogName: (code: string) => string): RecordItem {
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
  };
}

export function presentRecordVersion(r: RecordVersion, catalogName: (code: string) => string): RecordVersionBody {
  return { ...presentRecord(r, catalogName), supersededAt: r.supersededAt?.toISOString() ?? null };
}
