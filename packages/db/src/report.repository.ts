// Issued credit reports (table credit_reports, migration 008): number, parameters, content hash and
// signature. The PDF is never stored; verification rebuilds the content from the parameters.
import type { Sql } from './database';

export type CreditReportKind = 'standard' | 'special';

/** What a report was asked for: a decision-date range (专项 only) and the categories it covers. */
export interface CreditReportParams {
  period: { from: string | null; to: string | null } | null;
  categories: string[];
}

export interface CreditReportEntry {
  reportNo: string;
  subjectId: string;
  kind: CreditReportKind;
  params: CreditReportParams;
  /** SM3 hex of the canonical content. */
  contentHash: string;
  /** base64 Ed25519 signature over contentHash. */
  signature: string;
  keyId: string;
  issuedAt: Date;
  asOf: Date;
}

interface CreditReportRow {
  report_no: string;
  subject_id: string;
  kind: CreditReportKind;
  params: CreditReportParams;
  content_hash: string;
  signature: string;
  key_id: string;
  issued_at: Date;
  as_of: Date;
}

const COLUMNS = 'report_no, subject_id, kind, params, content_hash, signature, key_id, issued_at, as_of';

const toEntry = (r: CreditReportRow): CreditReportEntry => ({
  reportNo: r.report_no,
  subjectId: r.subject_id,
  kind: r.kind,
  params: r.params,
  contentHash: r.content_hash,
  signature: r.signature,
  keyId: r.key_id,
  issuedAt: r.issued_at,
  asOf: r.as_of,
});

/** Records an issued report; its number must be new (primary key). */
export async function insertCreditReport(sql: Sql, e: CreditReportEntry): Promise<void> {
  await sql.query(
    `insert into credit_reports (${COLUMNS}) values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)`,
    [e.reportNo, e.subjectId, e.kind, JSON.stringify(e.params), e.contentHash, e.signature, e.keyId, e.issuedAt, e.asOf],
  );
}

/** A report by its number, or undefined. */
export async function findCreditReport(sql: Sql, reportNo: string): Promise<CreditReportEntry | undefined> {
  const { rows } = await sql.query<CreditReportRow>(`select ${COLUMNS} from credit_reports where report_no = $1`, [reportNo]);
  return rows[0] && toEntry(rows[0]);
}
