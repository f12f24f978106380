import { getBatch, listBatchIssues, listBatches } from '@pubcredit/db';
import type { Batch, BatchIssue } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { importFile } from './import/import.service';
import type { ImportResult } from './import/import.service';

export interface SubmitBatchInput {
  filePath: string;
  fileName: string;
  catalog: string;
  dryRun: boolean;
}

export interface Paging {
  limit: number;
  offset: number;
}

/** Imports an uploaded file for the department of the calling key (never one named in the body). */
export function submitBatch(ctx: AppContext, sourceDept: string, input: SubmitBatchInput): Promise<ImportResult> {
  return importFile(ctx, { ...input, source: sourceDept });
}

/** Batches newest first; a department (viewer) sees only its own, the CLI (no viewer) all or one source. */
export function listBatchesFor(ctx: AppContext, page: Paging, sourceDept?: string): Promise<Batch[]> {
  return listBatches(ctx.db, { ...page, sourceDept });
}

/**
 * One batch; with a viewer department, only that department's own batch (invariant 6).
 * @throws DomainError NOT_FOUND, AppError FORBIDDEN
 */
export async function getBatchFor(ctx: AppContext, batchId: string, viewerDept?: string): Promise<Batch> {
  const batch = await getBatch(ctx.db, batchId);
  if (!batch) throw new DomainError('NOT_FOUND', `未找到批次 ${batchId}`);
  if (viewerDept !== undefined && batch.sourceDept !== viewerDept) {
    throw new AppError('FORBIDDEN', '只能查看本部门报送的批次');
  }
  return batch;
}

export async function listBatchIssuesFor(
  ctx: AppContext,
  batchId: string,
  page: Paging,
  viewerDept?: string,
): Promise<BatchIssue[]> {
  await getBatchFor(ctx, batchId, viewerDept);
  return listBatchIssues(ctx.db, batchId, page);
}
