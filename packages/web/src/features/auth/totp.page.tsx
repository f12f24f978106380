import { Button, Card, Form, Input, QRCode, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { confirmTotp, setUpTotp } from '../../api/auth.api';
import type { TotpSetup } from '../../api/auth.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useSession, useUser } from '../../lib/session';
import { groupSecret, normalizeTotp } from './login-flow';

/** 动态口令: set up a TOTP second factor for one's own account (password → scan → confirm). */
export function TotpPage() {
  const user = useUser();
  const session = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const step = done || user.totpEnabled ? 2 : setup ? 1 : 0;
  return (
    <>
      <PageHeader title="动态口令">
        启用后，登录时除密码外还需输入手机身份验证器（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）上的 6 位数字。
      </PageHeader>
      <Card style={{ maxWidth: 560 }}>
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: '验证密码' }, { title: '扫码并确认' }, { title: '完成' }]}
        />
        <ErrorAlert error={error} />
        {step === 0 ? (
          <Form<{ password: string }>
            layout="vertical"
            disabled={busy}
            onFinish={(v) => void run(async () => setSetup(await setUpTotp(v.password)))}
          >
            <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
            <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              获取密钥
            </Button>
          </Form>
        ) : null}
        {step === 1 && setup ? (
          <>
            <Space align="start" wrap size="large">
              <QRCode value={setup.uri} size={176} bordered={false} aria-label="动态口令二维码：用身份验证器 App 扫描" />
              <div style={{ maxWidth: 280 }}>
                <Typography.Paragraph>用身份验证器 App 扫描二维码；无法扫码时，手动输入密钥：</Typography.Paragraph>
                <Typography.Paragraph
                  code
                  copyable={{ text: setup.secret, tooltips: ['复制', '已复制'] }}
                  style={{ wordBreak: 'break-all' }}
                  data-testid="totp-secret"
                >
                  {groupSecret(setup.secret)}
                </Typography.Paragraph>
              </div>
            </Space>
            <Form<{ code: string }>
              layout="vertical"
              disabled={busy}
              style={{ marginTop: 16 }}
              onFinish={(v) =>
                void run(async () => {
                  await confirmTotp(normalizeTotp(v.code) ?? v.code);
                  setSetup(null);
                  setDone(true);
                  await session.refresh();
                })
              }
            >
              <Form.Item
                label="App 上显示的 6 位数字"
                name="code"
                rules={[
                  { required: true, message: '请输入动态口令' },
                  { validator: async (_r, v: string | undefined) => (v && !normalizeTotp(v) ? Promise.reject(new Error('动态口令为 6 位数字')) : undefined) },
                ]}
              >
                <Input autoComplete="one-time-code" inputMode="numeric" maxLength={8} style={{ maxWidth: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                启用动态口令
              </Button>
            </Form>
          </>
        ) : null}
        {step === 2 ? (
          <Result status="success" title="动态口令已启用" subTitle="登录时需要输入身份验证器上的 6 位数字。更换或丢失手机请联系平台管理员重置。" />
        ) : null}
      </Card>
    </>
  );
}
