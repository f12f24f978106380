import { getBatch, listBatchIssues, listBatches } from '@pubcredit/db';
import type { Batch, BatchIssue } from '@pubcredit/db';
import { DomainError, normalizeCode } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { departmentNames } from './department.service';
import { importFile } from './import/import.service';
import type { ImportResult } from './import/import.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/**
 * Imports an uploaded file for the caller's department (its key's, or its 部门填报员's). A department
 * named in the request must be that one: a department submits only its own records (invariant 6).
 * @throws AppError FORBIDDEN when the request names another department
 */
export async function submitBatch(
  ctx: AppContext,
  sourceDept: string,
  input: SubmitBatchInput & { requestedDept?: string },
): Promise<ImportResult> {
  const { requestedDept, ...request } = input;
  if (requestedDept !== undefined && requestedDept.trim() !== '' && normalizeCode(requestedDept) !== sourceDept) {
    const requested = normalizeCode(requestedDept);
    // Named as the clerk knows them: 平顶山市市场监督管理局（1141…），not a bare code.
    const nameOf = await departmentNames(ctx);
    const named = (uscc: string) => (nameOf(uscc) ? `${nameOf(uscc)}（${uscc}）` : `部门 ${uscc} `);
    throw new AppError('FORBIDDEN', `只能上报本部门的数据：当前账号属于${named(sourceDept)}，不能为${named(requested)}上报`, {
      department: sourceDept,
      requested,
    });
  }
  return importFile(ctx, { ...request, source: sourceDept });
}

/** Batches newest first; a department (viewer) sees only its own, the CLI (no viewer) all or one source. */
export function listBatchesFor(ctx: AppContext, page: Paging, sourceDept?: string): Promise<Batch[]> {
  return listBatches(ctx.db, { ...page, sourceDept: sourceDept === undefined ? undefined : normalizeCode(sourceDept) });
}

/**
 * One batch; with a viewer department, only that department's own batch (invariant 6).
 * @throws DomainError NOT_FOUND, AppError FORBIDDEN
 */
export async function getBatchFor(ctx: AppContext, batchId: string, viewerDept?: string): Promise<Batch> {
  // A batch id is a UUID: anything else (a typo on the command line) is not found, not a database error.
  const batch = UUID.test(batchId) ? await getBatch(ctx.db, batchId) : undefined;
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
