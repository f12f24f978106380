import {
  BATCH_COLUMNS,
  toBatch,
  toBatchIssue,
  toQuarantinedRow,
  type Batch,
  type BatchIssue,
  type BatchIssueRow,
  type BatchRow,
  type QuarantinedRow,
  type QuarantineRow,
} from './batch.table';
import type { Sql } from './database';
import type { Page } from './paging';

export async function getBatch(sql: Sql, batchId: string): Promise<Batch | undefined> {
  const { rows } = await sql.query<BatchRow>(`select ${BATCH_COLUMNS} from batches where batch_id = $1`, [batchId]);
  return rows[0] && toBatch(rows[0]);
}

export interface BatchListQuery extends Page {
  /** Only this department's batches (a department sees only its own). */
  sourceDept?: string;
}

/** Newest first (served by batches_source_idx when filtered by department). */
export async function listBatches(sql: Sql, query: BatchListQuery): Promise<Batch[]> {
  const { rows } = await sql.query<BatchRow>(
    `select ${BATCH_COLUMNS} from batches
      where ($1::text is null or source_dept = $1)
      order by received_at desc, batch_id
      limit $2 offset $3`,
    [query.sourceDept ?? null, query.limit, query.offset],
  );
  return rows.map(toBatch);
}

/** Issues in row order; batch_issues has no key, so field and rule make the order total enough to page. */
export async function listBatchIssues(sql: Sql, batchId: string, page: Page): Promise<BatchIssue[]> {
  const { rows } = await sql.query<BatchIssueRow>(
    `select batch_id, row_no, field, severity, rule, message from batch_issues
      where batch_id = $1
      order by row_no, field, rule, severity, message
      limit $2 offset $3`,
    [batchId, page.limit, page.offset],
  );
  return rows.map(toBatchIssue);
}

export interface QuarantineReadOptions {
  /** Rows fetched per query (default 1000). */
  pageSize?: number;
  /** Resume after this row number. */
  afterRowNo?: number;
}

/**
 * A batch's quarantined rows in row order, fetched page by page with a keyset on row_no, so a file
 * with a million rejected rows streams to a download without loading at once or holding a cursor
 * (PGlite has one connection: a cursor would block every other request).
 */
export async function* listQuarantine(
  sql: Sql,
  batchId: string,
  opts: QuarantineReadOptions = {},
): AsyncGenerator<QuarantinedRow> {
  const pageSize = opts.pageSize ?? 1000;
  let after = opts.afterRowNo ?? -1;
  for (;;) {
    const { rows } = await sql.query<QuarantineRow>(
      `select batch_id, row_no, raw, reasons, pii_cipher, pii_sealed from quarantine
        where batch_id = $1 and row_no > $2
        order by row_no
        limit $3`,
      [batchId, after, pageSize],
    );
    for (const row of rows) yield toQuarantinedRow(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = last.row_no;
  }
}
