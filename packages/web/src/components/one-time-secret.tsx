import { Alert, Typography } from 'antd';

/**
 * A secret shown once (an initial password, an API key): copyable, in a monospace box, with the
 * warning that it cannot be shown again. The console keeps it in memory only while it is open.
 */
export function OneTimeSecret({ label, secret, hint }: { label: string; secret: string; hint?: string }) {
  return (
    <div>
      <Alert
        type="warning"
        showIcon
        title={`${label}只显示这一次，关闭后无法再次查看。`}
        description={hint}
        style={{ marginBottom: 16 }}
      />
      <Typography.Text strong id="one-time-secret-label">
        {label}
      </Typography.Text>
      <Typography.Paragraph
        code
        copyable={{ text: secret, tooltips: ['复制', '已复制'] }}
        aria-labelledby="one-time-secret-label"
        data-testid="one-time-secret"
        style={{ fontSize: 16, marginTop: 8, wordBreak: 'break-all' }}
      >
        {secret}
      </Typography.Paragraph>
    </div>
  );
}
