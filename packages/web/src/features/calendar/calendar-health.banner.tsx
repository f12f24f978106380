import { Alert } from 'antd';
import type { CalendarHealth } from '../../api/health.api';

/**
 * A banner while the working-day calendar lacks this year's official schedule, or (from November)
 * next year's: records received then get no 报送时效 until an administrator loads the year
 * (`pubcredit calendar load`). The server's own sentence says what happens and what to do.
 */
export function CalendarHealthBanner({ calendar }: { calendar: CalendarHealth }) {
  if (calendar.status === 'ok' || !calendar.message) return null;
  const title =
    calendar.status === 'missing'
      ? `工作日历缺少 ${calendar.missingYear} 年：报送时效暂无法计算`
      : `工作日历尚未载入 ${calendar.missingYear} 年的节假日安排`;
  return (
    <Alert
      type={calendar.status === 'missing' ? 'error' : 'warning'}
      showIcon
      role="status"
      data-testid="calendar-health-banner"
      style={{ marginBottom: 16 }}
      title={title}
      description={<p style={{ margin: '4px 0 0' }}>{calendar.message}</p>}
    />
  );
}
