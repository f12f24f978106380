import { Link } from 'react-router';
import { PORTAL_PATHS } from '../../lib/paths';
import { usePortalTitle } from './use-portal-title';

/** Any other page path of the portal. */
export function PortalNotFoundPage() {
  usePortalTitle('页面不存在');
  return (
    <section className="portal-panel">
      <h1 style={{ fontSize: 22, marginTop: 0 }}>页面不存在</h1>
      <p>您访问的页面不存在或已移除。</p>
      <Link to={PORTAL_PATHS.home}>返回首页查询信用信息</Link>
    </section>
  );
}
