import { listQuarantine } from '@pubcredit/db';
import { listCatalogEditions } from '@pubcredit/domain';
import type { RowIssue } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { getBatchFor } from './batch.service';
import { fieldName, findCatalog, orderHeaders } from './catalog.service';
import { exportTable } from './export/table-export';
import type { ExportFile, ExportFormat } from './export/table-export';
import { personalHeaderTest, readableRow } from './quarantine-seal.service';

/** Column appended to the original headers of a returned file. */
export const REASON_HEADER = '错误原因';

function isRowIssue(v: unknown): v is RowIssue {
  return typeof v === 'object' && v !== null && typeof (v as RowIssue).message === 'string';
}

/**
 * One readable cell: `第5行：【统一社会信用代码】校验位错误，应为 L；提示：…` — errors first, the field
 * named when the message does not name it already.
 */
export function formatReasons(catalog: string, rowNo: number, reasons: readonly unknown[]): string {
  const issues = reasons.filter(isRowIssue);
  const ordered = [...issues.filter((i) => i.severity !== 'warning'), ...issues.filter((i) => i.severity === 'warning')];
  const parts = ordered.map((i) => {
    const name = fieldName(catalog, i.field);
    const named = !i.field || i.message.includes(name) || i.message.includes(i.field);
    return `${i.severity === 'warning' ? '提示：' : ''}${named ? '' : `【${name}】`}${i.message}`;
  });
  return `第${rowNo}行：${parts.join('；')}`;
}

export interface RejectedExportOptions {
  /**
   * Give ID and mobile numbers as submitted (decrypted), so the file can be fixed and resubmitted.
   * Default: only for a viewer department, i.e. the department's own download; the credit centre
   * sees them masked. The CLI operator, who holds the keys anyway, asks for them.
   */
  reveal?: boolean;
}

/**
 * The quarantined rows of a batch with their original headers and a 错误原因 column, for the
 * department to correct and resubmit. With a viewer department, only its own batch.
 */
export async function exportRejectedRows(
  ctx: AppContext,
  batchId: string,
  format: ExportFormat,
  viewerDept?: string,
  opts: RejectedExportOptions = {},
): Promise<ExportFile> {
  const batch = await getBatchFor(ctx, batchId, viewerDept);
  const reveal = opts.reveal ?? viewerDept !== undefined;
  const catalog = listCatalogEditions(batch.catalog).find((c) => c.edition === batch.edition) ?? findCatalog(batch.catalog);
  const isPersonal = catalog ? personalHeaderTest(catalog) : () => false;
  // quarantine.raw is jsonb, which does not keep key order: collect every header first, then
  // order them as the catalogue does.
  const seen = new Set<string>();
  for await (const row of listQuarantine(ctx.db, batchId)) for (const key of Object.keys(row.raw)) seen.add(key);
  const headers = orderHeaders(batch.catalog, [...seen]).filter((h) => h !== REASON_HEADER);

  async function* rows(): AsyncGenerator<unknown[]> {
    for await (const row of listQuarantine(ctx.db, batchId)) {
      const raw = readableRow(row, isPersonal, ctx.keys, reveal);
      yield [...headers.map((h) => raw[h] ?? ''), formatReasons(batch.catalog, row.rowNo, row.reasons)];
    }
  }
  return {
    stream: exportTable({ sheetName: '退回数据', headers: [...headers, REASON_HEADER], rows: rows() }, format),
    fileName: `退回数据-${batchId}.${format}`,
    asciiName: `rejected-${batchId}.${format}`,
  };
}
