import { Button, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageResult } from '../components/page-result';
import { CONSOLE_PATHS } from '../lib/paths';
import { canAccess } from '../lib/roles';
import type { Section } from '../lib/roles';
import { useSession, useUser } from '../lib/session';

/** Console pages need a session; a password that must change comes before anything else. */
export function RequireSession() {
  const { status, user, error, refresh } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" tip="正在加载…" aria-live="polite">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (status === 'unavailable') {
    return (
      <PageResult
        status="500"
        title="暂时无法连接服务器"
        subTitle={error}
        extra={<Button onClick={() => void refresh()}>重试</Button>}
      />
    );
  }
  if (!user) {
    return <Navigate to={CONSOLE_PATHS.login} state={{ from: location.pathname + location.search }} replace />;
  }
  if (user.mustChangePassword && location.pathname !== CONSOLE_PATHS.password) {
    return <Navigate to={CONSOLE_PATHS.password} replace />;
  }
  return <Outlet />;
}

/** A section the role does not have answers 403 in the page, not a blank screen. */
export function RequireSection({ section }: { section: Section }) {
  const user = useUser();
  if (!canAccess(user.role, section)) {
    return <PageResult status="403" title="没有权限" subTitle="您的角色不能使用此功能。如需开通，请联系平台管理员。" />;
  }
  return <Outlet />;
}
