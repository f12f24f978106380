import { Alert, Button } from 'antd';
import type { ApiError } from '../api/api-client';

/** A failed request, in the server's words; role="alert" so screen readers announce it. */
export function ErrorAlert({ error, onRetry }: { error: ApiError | string | null; onRetry?: () => void }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.message;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text}
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button size="small" type="link" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
