import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { StatusTag } from '../components/status-tag';
import { errorMessage } from '../api/api-client';
import { AuditHealthBanner } from '../features/audit/audit-health.banner';
import { CalendarHealthBanner } from '../features/calendar/calendar-health.banner';
import { CONSOLE_PATHS, sectionOfPath } from '../lib/paths';
import { roleLabel, seesAuditHealth, seesCalendarHealth } from '../lib/roles';
import { useSession, useUser } from '../lib/session';
import { useHealth } from '../lib/use-health';
import { menuItems } from './console-menu';

/** The console frame: menu by role, who is signed in, and the page. */
export function ConsoleLayout() {
  const user = useUser();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { pathname } = useLocation();
  const selected = sectionOfPath(pathname);
  const forced = user.mustChangePassword;
  const health = useHealth(pathname, !forced && (seesAuditHealth(user.role) || seesCalendarHealth(user.role)));

  const signOut = async () => {
    try {
      await session.signOut();
    } catch (err) {
      // The cookie may still be valid: say so rather than pretend the session ended.
      void message.warning(`未能通知服务器退出（${errorMessage(err)}），请关闭浏览器以结束会话。`);
    }
    await navigate(CONSOLE_PATHS.login, { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Sider className="console-sider" breakpoint="lg" collapsedWidth={0} width={208}>
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 16, fontWeight: 600 }}>信用平顶山 管理后台</div>
        <nav aria-label="主菜单">
          {forced ? null : <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems(user.role)} />}
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}
        >
          <Space size="middle" wrap>
            <Typography.Text>
              <span data-testid="current-user">{user.displayName || user.username}</span>
              <span style={{ marginLeft: 8 }}>
                <StatusTag tone="info">{roleLabel(user.role)}</StatusTag>
              </span>
              {user.departmentUscc ? (
                <Typography.Text type="secondary" data-testid="current-department" style={{ marginLeft: 8 }}>
                  {user.departmentName ?? user.departmentUscc}
                </Typography.Text>
              ) : null}
            </Typography.Text>
            {forced ? null : <Link to={CONSOLE_PATHS.password}>修改密码</Link>}
            {forced ? null : <Link to={CONSOLE_PATHS.totp}>动态口令</Link>}
            <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ margin: 24, outline: 'none' }}>
          {health && seesAuditHealth(user.role) ? <AuditHealthBanner role={user.role} health={health.audit} /> : null}
          {health && seesCalendarHealth(user.role) ? <CalendarHealthBanner calendar={health.calendar} /> : null}
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
