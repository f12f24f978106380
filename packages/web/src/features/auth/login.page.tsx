import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { login } from '../../api/auth.api';
import { ErrorAlert } from '../../components/error-alert';
import { afterLoginPath } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/use-api';
import { isTotpChallenge, normalizeTotp } from './login-flow';

interface Credentials {
  username: string;
  password: string;
}

/** 登录: username and password, then the 动态口令 when the account has one. */
export function LoginPage() {
  useTitle('登录');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.status === 'authenticated' && session.user) {
    return <Navigate to={afterLoginPath(from, session.user.role)} replace />;
  }

  const submit = async (creds: Credentials, totp?: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await login({ ...creds, totp });
      session.signIn(result);
      await navigate(afterLoginPath(from, result.user.role), { replace: true });
    } catch (err) {
      if (!totp && isTotpChallenge(err)) setCredentials(creds);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginBottom: 4 }}>
          信用平顶山 管理后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          公共信用信息平台 · 工作人员登录
        </Typography.Paragraph>
        {session.expired && !error ? (
          <Alert type="info" showIcon role="status" title="登录已超时或已在别处退出，请重新登录。" style={{ marginBottom: 16 }} />
        ) : null}
        <ErrorAlert error={error} />
        {credentials ? (
          <TotpForm
            busy={busy}
            onBack={() => {
              setCredentials(null);
              setError(null);
            }}
            onSubmit={(totp) => void submit(credentials, totp)}
          />
        ) : (
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}

function TotpForm({ busy, onSubmit, onBack }: { busy: boolean; onSubmit: (totp: string) => void; onBack: () => void }) {
  return (
    <Form<{ totp: string }>
      layout="vertical"
      requiredMark={false}
      disabled={busy}
      onFinish={(v) => onSubmit(normalizeTotp(v.totp) ?? v.totp)}
    >
      <Typography.Paragraph>该账号已启用动态口令，请输入身份验证器 App 上显示的 6 位数字。</Typography.Paragraph>
      <Form.Item
        label="动态口令"
        name="totp"
        rules={[
          { required: true, message: '请输入动态口令' },
          { validator: async (_r, v: string | undefined) => (v && !normalizeTotp(v) ? Promise.reject(new Error('动态口令为 6 位数字')) : undefined) },
        ]}
      >
        <Input prefix={<SafetyOutlined aria-hidden />} autoComplete="one-time-code" inputMode="numeric" maxLength={8} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        验证并登录
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        返回重新输入密码
      </Button>
    </Form>
  );
}
