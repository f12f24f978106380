import { useEffect } from 'react';

export const SITE_NAME = '信用中国（河南平顶山）';

/** Sets document.title for a portal page (the console's useTitle names the console). */
export function usePortalTitle(title: string): void {
  useEffect(() => {
    document.title = title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
  }, [title]);
}
