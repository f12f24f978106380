import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { fetchHealth } from '../../api/health.api';
import type { AuditHealth } from '../../api/health.api';
import type { Role } from '../../api/types';
import { SPOOL_GUIDE, auditHealthNotice } from './audit-health';

/** How often the console asks again while it is open (the server retries the spool every 15 s). */
const POLL_MS = 30_000;

/**
 * A banner while the audit trail is degraded (GET /api/v1/health → audit): entries waiting in the
 * spool to be written late, or lost. Asked on each page change, every 30 s, and when the tab comes
 * back into view. A failed check shows nothing: the page's own request says what is wrong.
 */
export function AuditHealthBanner({ role, pageKey }: { role: Role; pageKey: string }) {
  const [health, setHealth] = useState<AuditHealth | null>(null);

  useEffect(() => {
    let controller: AbortController | null = null;
    const check = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      fetchHealth(current.signal).then(
        (h) => {
          if (!current.signal.aborted) setHealth(h.audit);
        },
        () => {
          if (!current.signal.aborted) setHealth(null);
        },
      );
    };
    check();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') check();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      controller?.abort();
    };
  }, [pageKey]);

  const notice = health ? auditHealthNotice(health, role) : null;
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
