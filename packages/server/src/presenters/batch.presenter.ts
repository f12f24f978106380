import type { Batch, BatchIssue } from '@pubcredit/db';
import type { RowIssue } from '@pubcredit/domain';
import type { BatchBody, ImportResultBody } from '../schemas/batch.schema';
import type { ImportResult } from '../services/import/import.service';
import type { DeptNameOf } from './record.presenter';

/** Issues returned inline with an upload; the full list is paged at links.issues. */
export const INLINE_ISSUE_LIMIT = 1000;

export function batchLinks(batchId: string): BatchBody['links'] {
  const self = `/api/v1/batches/${batchId}`;
  return { self, issues: `${self}/issues`, rejectedCsv: `${self}/rejected.csv`, rejectedXlsx: `${self}/rejected.xlsx` };
}

/** A batch, with its department's name (`deptName` from departmentNames). */
export function presentBatch(b: Batch, deptName: DeptNameOf): BatchBody {
  return {
    batchId: b.batchId,
    catalog: b.catalog,
    edition: b.edition,
    sourceDept: b.sourceDept,
    sourceDeptName: deptName(b.sourceDept),
    fileName: b.fileName,
    format: b.format,
    encoding: b.encoding,
    fileSha256: b.fileSha256,
    total: b.total,
    accepted: b.accepted,
    rejected: b.rejected,
    created: b.created,
    updated: b.updated,
    unchanged: b.unchanged,
    warnings: b.warnings,
    receivedAt: b.receivedAt.toISOString(),
    finishedAt: b.finishedAt.toISOString(),
    links: batchLinks(b.batchId),
  };
}

export function presentIssue(i: BatchIssue): RowIssue {
  return { row: i.rowNo, field: i.field, severity: i.severity, rule: i.rule, message: i.message };
}

export function presentImportResult(r: ImportResult, dryRun: boolean): ImportResultBody {
  return {
    batchId: r.batchId,
    catalog: r.catalog,
    dryRun,
    total: r.total,
    accepted: r.accepted,
    rejected: r.rejected,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    issues: r.issues.slice(0, INLINE_ISSUE_LIMIT),
    issuesTotal: r.issues.length,
    links: r.batchId ? batchLinks(r.batchId) : null,
  };
}
