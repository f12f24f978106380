import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { CONSOLE_PATHS, PORTAL_PATHS } from '../../lib/paths';
import { SITE_NAME } from './use-portal-title';
import './portal.css';

const NAV = [
  { to: PORTAL_PATHS.home, label: '首页', end: true },
  { to: PORTAL_PATHS.disclosures, label: '双公示', end: false },
  { to: PORTAL_PATHS.dishonestyList, label: '失信名单', end: false },
];

/**
 * Every portal page: the skip link, a header with the site name and the main navigation, one
 * <main> landmark (focused on every new page), and the footer. Printing keeps the page's content
 * only (see portal.css).
 */
export function PortalLayout() {
  const { pathname } = useLocation();
  const firstPage = useRef(true);
  // A new page in this single-page app: start the keyboard and screen readers at its content, at the
  // top, as a full page load would (WCAG 2.4.3). Without it focus stays on the link that was just
  // removed and the next Tab lands anywhere, often in the footer.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="portal-header">
        <div className="portal-bar">
          <Link className="portal-site" to={PORTAL_PATHS.home}>
            {SITE_NAME}
          </Link>
          <nav aria-label="主导航" className="portal-nav">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li>
                <a href={CONSOLE_PATHS.home}>工作人员入口</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <p>{SITE_NAME}</p>
        <p>
          本网站公示的信用信息由各信源部门依法报送，公示期满或信用修复后不再公示。对公示信息有异议的，可向信源部门提出。
          <a href="/docs">开放接口</a>
        </p>
      </footer>
    </div>
  );
}
