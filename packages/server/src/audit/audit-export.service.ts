import { readAuditChain } from '@pubcredit/db';
import type { AuditEntry, AuditFilter } from '@pubcredit/db';
import { AUDIT_ACTOR_KIND_NAMES, AUDIT_OUTCOME_NAMES, auditActionName, beijingClock } from '@pubcredit/domain';
import type { AppContext } from '../context';
import type { DeptNameOf } from '../presenters/record.presenter';
import { departmentNames } from '../services/department.service';
import { exportTable } from '../services/export/table-export';
import type { ExportFile, ExportFormat } from '../services/export/table-export';

/**
 * Columns of an exported trail; the hashes let anyone re-check the chain from the file (时间 is the
 * hashed instant, ISO 8601 UTC). The columns after 哈希 are for people reading the file (added
 * later, at the end, so that tools reading the first columns by position keep working): the time
 * in Beijing time, the department's name, for an entry written late from the spool (补记) when it
 * was spooled and when it entered the chain, and the action's Chinese name.
 */
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
  '时间（北京时间）',
  '所属部门名称',
  '补记',
  '补记：暂存时间（北京时间）',
  '补记：写入审计链时间（北京时间）',
  '操作名称',
] as const;

/** The spool mark of an entry written late (audit-replay.ts), if it has one. */
export function spooledMark(details: Record<string, unknown>): { spooledAt: string; replayedAt: string } | null {
  const mark = details.spooled as { spooledAt?: unknown; replayedAt?: unknown } | undefined;
  if (typeof mark !== 'object' || mark === null) return null;
  return typeof mark.spooledAt === 'string' && typeof mark.replayedAt === 'string' ? { spooledAt: mark.spooledAt, replayedAt: mark.replayedAt } : null;
}

/** One exported row, in the order of {@link AUDIT_EXPORT_HEADERS}; `deptName` names departments (none: the column stays empty). */
export function auditExportRow(e: AuditEntry, deptName: DeptNameOf = () => null): unknown[] {
  const spooled = spooledMark(e.details);
  return [
    e.seq,
    e.at.toISOString(),
    AUDIT_ACTOR_KIND_NAMES[e.actorKind],
    e.actorId,
    e.actorName,
    e.departmentUscc,
    e.action,
    e.target,
    e.purpose,
    e.clientIp,
    e.userAgent,
    AUDIT_OUTCOME_NAMES[e.outcome],
    e.status,
    Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
    e.prevHash,
    e.hash,
    beijingClock(e.at),
    e.departmentUscc ? deptName(e.departmentUscc) : null,
    spooled ? '是' : '',
    spooled ? beijingClock(spooled.spooledAt) : '',
    spooled ? beijingClock(spooled.replayedAt) : '',
    auditActionName(e.action) ?? '',
  ];
}

/**
 * The entries matching the filter, oldest first, as CSV or XLSX through the one export writer
 * (formula injection defused): a trail of any length streams page by page.
 */
export function exportAudit(ctx: Pick<AppContext, 'db' | 'now'>, filter: AuditFilter, format: ExportFormat): ExportFile {
  async function* rows(): AsyncGenerator<unknown[]> {
    const deptName = await departmentNames(ctx);
    for await (const entry of readAuditChain(ctx.db, { filter })) yield auditExportRow(entry, deptName);
  }
  const stamp = ctx.now().toISOString().slice(0, 10);
  return {
    stream: exportTable({ sheetName: '审计日志', headers: AUDIT_EXPORT_HEADERS, rows: rows() }, format),
    fileName: `审计日志-${stamp}.${format}`,
    asciiName: `audit-${stamp}.${format}`,
  };
}
