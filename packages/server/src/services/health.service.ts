import { readDatabaseLocale } from '@pubcredit/db';
import { calendarHorizon } from '@pubcredit/domain';
import type { AuditSpoolState } from '../audit/audit-spool';
import type { AppContext } from '../context';
import type { AuditHealth, CalendarHealth, Health } from '../schemas/health.schema';
import { getWorkingCalendar } from './calendar.service';
import { beijingToday } from './publicity/today';
import { SERVER_VERSION } from '../version';

/**
 * The audit trail's part of the health check: degraded while the database refuses its writes,
 * while entries wait in the spool, or when some were lost.
 */
export function auditHealth(state: AuditSpoolState = { pending: 0, lost: 0, refusing: false }): AuditHealth {
  const { pending, lost, refusing } = state;
  if (pending === 0 && lost === 0 && !refusing) return { status: 'ok', pending, lost, refusing };
  const parts: string[] = [];
  if (lost > 0) {
    parts.push(`自本次启动以来有 ${lost} 条审计记录既未写入数据库也未能暂存到磁盘（磁盘已满或不可写），详见错误日志，请立即处理`);
  }
  if (pending > 0) parts.push(`有 ${pending} 条审计记录因数据库暂不可写而暂存在磁盘上，数据库恢复写入后将按原顺序自动补记`);
  if (refusing && pending === 0) parts.push('数据库目前拒绝写入审计日志：查看非公开数据的请求暂不应答，变更操作的审计记录将暂存到磁盘、待恢复后补记');
  return { status: 'degraded', pending, lost, refusing, message: `${parts.join('；')}。` };
}

/**
 * The working-day calendar's part: whether this year's official schedule, and from November next
 * year's, is loaded (records received in a year without one get no 报送时效).
 */
export async function calendarHealth(ctx: AppContext): Promise<CalendarHealth> {
  // The cached calendar's years (built-in and loaded): no query per health check.
  const years = (await getWorkingCalendar(ctx)).coveredYears();
  const { status, coveredThrough, missingYear, message } = calendarHorizon(years, beijingToday(ctx.now()));
  return message ? { status, coveredThrough, missingYear, message } : { status, coveredThrough, missingYear };
}

/** Liveness with the facts an operator checks first: engine, version, database locale, audit trail, calendar. */
export async function getHealth(ctx: AppContext): Promise<Health> {
  const database = await readDatabaseLocale(ctx.db);
  return {
    status: 'ok',
    engine: ctx.db.engine,
    version: SERVER_VERSION,
    database,
    time: ctx.now().toISOString(),
    audit: auditHealth(ctx.auditSpool?.state()),
    calendar: await calendarHealth(ctx),
  };
}
