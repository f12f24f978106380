export interface BatchRow {
  batch_id: string;
  catalog: string;
  edition: string;
  source_dept: string;
  file_name: string;
  format: string;
  encoding: string | null;
  file_sha256: string;
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: number;
  received_at: Date;
  finished_at: Date;
}

/** One submitted file (报送批次) and its outcome counts. */
export interface Batch {
  batchId: string;
  catalog: string;
  edition: string;
  sourceDept: string;
  fileName: string;
  /** csv | xlsx | jsonl */
  format: string;
  /** utf-8 | gb18030, for CSV */
  encoding: string | null;
  fileSha256: string;
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: number;
  receivedAt: Date;
  finishedAt: Date;
}

export const BATCH_COLUMNS = `batch_id, catalog, edition, source_dept, file_name, format, encoding, file_sha256,
  total, accepted, rejected, created, updated, unchanged, warnings, received_at, finished_at`;

export function toBatch(row: BatchRow): Batch {
  return {
    batchId: row.batch_id,
    catalog: row.catalog,
    edition: row.edition,
    sourceDept: row.source_dept,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    fileSha256: row.file_sha256,
    total: row.total,
    accepted: row.accepted,
    rejected: row.rejected,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    warnings: row.warnings,
    receivedAt: row.received_at,
    finishedAt: row.finished_at,
  };
}

export interface BatchIssueRow {
  batch_id: string;
  row_no: number;
  field: string;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

/** An error or warning on one row of a batch, as the per-row report shows it. */
export interface BatchIssue {
  batchId: string;
  rowNo: number;
  field: string;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

export function toBatchIssue(row: BatchIssueRow): BatchIssue {
  return {
    batchId: row.batch_id,
    rowNo: row.row_no,
    field: row.field,
    severity: row.severity,
    rule: row.rule,
    message: row.message,
  };
}

export interface QuarantineRow {
  batch_id: string;
  row_no: number;
  raw: Record<string, unknown>;
  reasons: unknown[];
  pii_cipher: string | null;
  pii_sealed: boolean;
}

/** A rejected row (隔离行) as submitted, with why, for download and resubmission. */
export interface QuarantinedRow {
  rowNo: number;
  /** The row as given, by header; ID and mobile numbers masked once sealed. */
  raw: Record<string, unknown>;
  /** RowIssue[] of @pubcredit/domain. */
  reasons: unknown[];
  /** Encrypted JSON {header: value as given} of the masked cells; null when none was. */
  piiCipher: string | null;
  /** false for rows stored before personal cells were encrypted (migration 005): raw is in clear. */
  sealed: boolean;
}

export function toQuarantinedRow(row: QuarantineRow): QuarantinedRow {
  return { rowNo: row.row_no, raw: row.raw, reasons: row.reasons, piiCipher: row.pii_cipher, sealed: row.pii_sealed };
}
