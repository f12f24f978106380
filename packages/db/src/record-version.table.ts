// Row and mapped types of `records` as subject archives read them. The importer's writes live in
// records.repository.ts; these names are distinct so both can be exported from the package.

export interface RecordVersionRow {
  subject_id: string;
  record_key: string;
  version: number;
  catalog: string;
  edition: string;
  source_dept: string;
  doc_no: string;
  decision_date: string;
  received_at: Date;
  report_working_days: number | null;
  content_hash: string;
  data: Record<string, unknown>;
  pii_cipher: string | null;
  batch_id: string;
  row_no: number;
  superseded_at: Date | null;
  negative: boolean;
  regime: string | null;
  tier: PublicityTierName | null;
  min_until: string | null;
  max_until: string | null;
  simple_procedure: boolean;
  never_public: boolean;
  publicity_ended_at: Date | null;
  publicity_end_reason: PublicityEndReason | null;
}

export type PublicityTierName = 'minor' | 'general' | 'serious';
export type PublicityEndReason = 'expired' | 'repaired' | 'withdrawn';

/** One version of one record (文书); the current version has `supersededAt` null. */
export interface RecordVersion {
  subjectId: string;
  recordKey: string;
  version: number;
  catalog: string;
  edition: string;
  sourceDept: string;
  docNo: string;
  /** 决定日期, 'YYYY-MM-DD'. */
  decisionDate: string;
  receivedAt: Date;
  /** Working days from decision to receipt; null while that year's calendar is unknown. */
  reportWorkingDays: number | null;
  contentHash: string;
  /** Normalised fields by national code; personal fields masked. */
  data: Record<string, unknown>;
  /** Encrypted personal fields: decrypt only for authorised, audited reads. */
  piiCipher: string | null;
  batchId: string;
  rowNo: number;
  supersededAt: Date | null;
  /** 失信信息: a record of a negative catalogue, with a publicity period. */
  negative: boolean;
  /** Publicity regime code (e.g. `ndrc-order-36`), tier and period; null on non-negative records. */
  regime: string | null;
  tier: PublicityTierName | null;
  /** 'YYYY-MM-DD': end of the minimum period (repair may be applied for after it). */
  minUntil: string | null;
  /** 'YYYY-MM-DD': last day of the maximum period (public through this day). */
  maxUntil: string | null;
  simpleProcedure: boolean;
  /** Never published (e.g. 简易程序 on a natural person, Henan Art.13). */
  neverPublic: boolean;
  publicityEndedAt: Date | null;
  publicityEndReason: PublicityEndReason | null;
}

export const RECORD_VERSION_COLUMNS = `subject_id, record_key, version, catalog, edition, source_dept, doc_no,
  decision_date, received_at, report_working_days, content_hash, data, pii_cipher, batch_id, row_no, superseded_at,
  negative, regime, tier, min_until, max_until, simple_procedure, never_public, publicity_ended_at, publicity_end_reason`;

export function toRecordVersion(row: RecordVersionRow): RecordVersion {
  return {
    subjectId: row.subject_id,
    recordKey: row.record_key,
    version: row.version,
    catalog: row.catalog,
    edition: row.edition,
    sourceDept: row.source_dept,
    docNo: row.doc_no,
    decisionDate: row.decision_date,
    receivedAt: row.received_at,
    reportWorkingDays: row.report_working_days,
    contentHash: row.content_hash,
    data: row.data,
    piiCipher: row.pii_cipher,
    batchId: row.batch_id,
    rowNo: row.row_no,
    supersededAt: row.superseded_at,
    negative: row.negative,
    regime: row.regime,
    tier: row.tier,
    minUntil: row.min_until,
    maxUntil: row.max_until,
    simpleProcedure: row.simple_procedure,
    neverPublic: row.never_public,
    publicityEndedAt: row.publicity_ended_at,
    publicityEndReason: row.publicity_end_reason,
  };
}
