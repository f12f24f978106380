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
}

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
}

export const RECORD_VERSION_COLUMNS = `subject_id, record_key, version, catalog, edition, source_dept, doc_no,
  decision_date, received_at, report_working_days, content_hash, data, pii_cipher, batch_id, row_no, superseded_at`;

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
  };
}
