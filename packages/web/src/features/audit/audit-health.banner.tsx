import { Alert } from 'antd';
import type { AuditHealth } from '../../api/health.api';
import type { Role } from '../../api/types';
import { SPOOL_GUIDE, auditHealthNotice } from './audit-health';

/**
 * A banner while the audit trail is degraded (GET /api/v1/health → audit, polled by the layout's
 * useHealth): entries waiting in the spool to be written late, or lost.
 */
export function AuditHealthBanner({ role, health }: { role: Role; health: AuditHealth }) {
  const notice = auditHealthNotice(health, role);
  if (!notice) return null;
  return (
    <Alert
      type={notice.tone}
      showIcon
      role="alert"
      data-testid="audit-health-banner"
      style={{ marginBottom: 16 }}
      title={notice.title}
      description={
        <>
          {notice.paragraphs.map((p) => (
            <p key={p} style={{ margin: '4px 0 0' }}>
              {p}
            </p>
          ))}
          <p style={{ margin: '4px 0 0' }}>
            处理办法详见运维文档 <code>{SPOOL_GUIDE}</code>（审计暂存与补记）。
          </p>
        </>
      }
    />
  );
}
