import type { AuditHealth } from '../../api/health.api';
import type { Role } from '../../api/types';

/** The operations guide an administrator follows (in the repository and every release). */
export const SPOOL_GUIDE = 'docs/operations/audit-spool.md';

export interface AuditHealthNotice {
  tone: 'warning' | 'error';
  title: string;
  /** The server's own explanation (counts), then what this role should do; the guide follows them. */
  paragraphs: string[];
}

/**
 * What the console says about a degraded audit trail, by role; null when the trail is fine.
 * Pending entries will be written late (补记) by themselves once the database accepts them; lost
 * ones never will, and must be recorded by hand from the server's error log.
 */
export function auditHealthNotice(health: AuditHealth, role: Role): AuditHealthNotice | null {
  if (health.status !== 'degraded' || (health.pending === 0 && health.lost === 0 && !health.refusing)) return null;
  const admin = role === 'platform_admin';
  const paragraphs: string[] = [];
  if (health.message) paragraphs.push(health.message);
  if (health.pending > 0) {
    paragraphs.push(
      admin
        ? '请检查数据库：磁盘空间、应用账号对 audit_log 的写入（INSERT）权限、数据库连接。数据库恢复写入后，暂存的记录会按原顺序自动补记（最迟约 15 秒），本提示随之消失；在此之前，查看非公开数据的页面会提示“审计日志暂时无法写入”。'
        : '期间的操作仍被记录：数据库恢复后自动补记，在审计日志中标为“补记”，并注明暂存时间和写入审计链的时间；其“时间”为操作发生的时间。如本提示长时间不消失，请通知平台管理员。',
    );
  }
  if (health.refusing && health.pending === 0) {
    paragraphs.push(
      admin
        ? '请检查数据库：磁盘空间、应用账号对 audit_log 的写入（INSERT）权限、数据库连接。恢复之前，查看非公开数据的页面会提示“审计日志暂时无法写入”；变更操作照常生效，其审计记录暂存到服务器磁盘，恢复后自动补记。'
        : '查看非公开数据的页面暂时无法使用（“审计日志暂时无法写入”）；期间的变更操作仍被记录，数据库恢复后自动补记。如本提示长时间不消失，请通知平台管理员。',
    );
  }
  if (health.lost > 0) {
    paragraphs.push(
      admin
        ? '未能保存的记录所对应的操作已经生效，但审计链中没有它们：请从服务器错误日志（audit entries lost）中逐条查出时间、操作、操作人和对象，在变更工单中登记，并尽快腾出暂存目录所在磁盘的空间。此计数在服务器重启后清零。'
        : '未能保存的记录不会出现在审计日志中：请与平台管理员核对服务器错误日志（audit entries lost）中的这些操作。',
    );
  }
  const title =
    health.lost > 0
      ? `审计日志异常：${health.lost} 条记录未能保存${health.pending > 0 ? `，${health.pending} 条待补记` : ''}`
      : health.pending > 0
        ? `审计日志暂未写入：${health.pending} 条记录暂存在服务器磁盘上，待补记`
        : '审计日志暂时无法写入：数据库拒绝写入审计记录';
  return { tone: health.lost > 0 ? 'error' : 'warning', title, paragraphs };
}
