import { readAuditChain } from '@pubcredit/db';
import type { AuditEntry, AuditFilter } from '@pubcredit/db';
import type { AppContext } from '../context';
import { exportTable } from '../services/export/table-export';
import type { ExportFile, ExportFormat } from '../services/export/table-export';

const ACTOR_KINDS: Record<AuditEntry['actorKind'], string> = { user: '工作人员', key: 'API 密钥', anonymous: '匿名', cli: '命令行' };
const OUTCOMES: Record<AuditEntry['outcome'], string> = { success: '成功', denied: '拒绝', error: '失败' };

/** Columns of an exported trail; the hashes let anyone re-check the chain from the file. */
export const AUDIT_EXPORT_HEADERS = [
  '序号',
  '时间',
  '操作人类别',
  '操作人编号',
  '操作人',
  '所属部门',
  '操作',
  '对象',
  '目的',
  '客户端地址',
  '客户端',
  '结果',
  '状态码',
  '详情',
  '前一哈希',
  '哈希',
] as const;

/** One exported row, in the order of {@link AUDIT_EXPORT_HEADERS}. */
export function auditExportRow(e: AuditEntry): unknown[] {
  return [
    e.seq,
    e.at.toISOString(),
    ACTOR_KINDS[e.actorKind],
    e.actorId,
    e.actorName,
    e.departmentUscc,
    e.action,
    e.target,
    e.purpose,
    e.clientIp,
    e.userAgent,
    OUTCOMES[e.outcome],
    e.status,
    Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
    e.prevHash,
    e.hash,
  ];
}

/**
 * The entries matching the filter, oldest first, as CSV or XLSX through the one export writer
 * (formula injection defused): a trail of any length streams page by page.
 */
export function exportAudit(ctx: Pick<AppContext, 'db' | 'now'>, filter: AuditFilter, format: ExportFormat): ExportFile {
  async function* rows(): AsyncGenerator<unknown[]> {
    for await (const entry of readAuditChain(ctx.db, { filter })) yield auditExportRow(entry);
  }
  const stamp = ctx.now().toISOString().slice(0, 10);
  return {
    stream: exportTable({ sheetName: '审计日志', headers: AUDIT_EXPORT_HEADERS, rows: rows() }, format),
    fileName: `审计日志-${stamp}.${format}`,
    asciiName: `audit-${stamp}.${format}`,
  };
}
