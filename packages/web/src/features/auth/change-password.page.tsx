import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { changePassword } from '../../api/auth.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { CONSOLE_PATHS } from '../../lib/paths';
import { useSession, useUser } from '../../lib/session';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

/** 修改密码; the only page a user whose password must change can reach. */
export function ChangePasswordPage() {
  const user = useUser();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ current, next }: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      // The server ends every session and answers with a fresh one (new cookie, new CSRF token).
      session.signIn(await changePassword(current, next));
      void message.success('密码已修改');
      await navigate(CONSOLE_PATHS.home, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 480 }}>
        {user.mustChangePassword ? (
          <Alert
            type="info"
            showIcon
            title="首次登录或密码已被重置：请先设置新密码，再使用其他功能。"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <ErrorAlert error={error} />
        <Form<PasswordForm> layout="vertical" onFinish={(v) => void submit(v)} disabled={busy}>
          {/* The username lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="next"
            dependencies={['current']}
            rules={[
              { required: true, message: '请输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_r, v: string | undefined) =>
                  v && v === getFieldValue('current') ? Promise.reject(new Error('新密码不能与当前密码相同')) : undefined,
              }),
            ]}
            extra="至少 12 个字符，包含大写字母、小写字母、数字、符号中的至少 3 类，且不含用户名。"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['next']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_r, v: string | undefined) =>
                  v && v !== getFieldValue('next') ? Promise.reject(new Error('两次输入的新密码不一致')) : undefined,
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            修改密码
          </Button>
        </Form>
      </Card>
    </>
  );
}
