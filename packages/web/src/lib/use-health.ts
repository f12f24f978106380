import { useEffect, useState } from 'react';
import { fetchHealth } from '../api/health.api';
import type { Health } from '../api/health.api';

/** How often the console asks again while it is open (the server retries the audit spool every 15 s). */
const POLL_MS = 30_000;

/**
 * The public health check (GET /api/v1/health), asked on each page change (`pageKey`), every 30 s
 * and when the tab comes back into view; null before the first answer, after a failed one (the
 * page's own request says what is wrong), and when not `enabled`.
 */
export function useHealth(pageKey: string, enabled: boolean): Health | null {
  const [health, setHealth] = useState<Health | null>(null);

  useEffect(() => {
    if (!enabled) {
      setHealth(null);
      return;
    }
    let controller: AbortController | null = null;
    const check = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      fetchHealth(current.signal).then(
        (h) => {
          if (!current.signal.aborted) setHealth(h);
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
  }, [pageKey, enabled]);

  return health;
}
