import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const AuditHealthSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
      description: 'ok：审计记录均已写入审计链；degraded：数据库拒绝写入审计日志，或有记录暂存在磁盘上待补记，或有记录未能保存',
    }),
    pending: Type.Integer({ minimum: 0, description: '因数据库暂不可写而暂存在磁盘上、待补记入审计链的记录数' }),
    lost: Type.Integer({ minimum: 0, description: '自本次启动以来既未写入数据库也未能暂存的记录数（详见错误日志）' }),
    refusing: Type.Boolean({ description: '最近一次写入审计日志失败（数据库拒绝写入）：在此期间查看非公开数据的请求答 503' }),
    message: Type.Optional(Type.String({ description: 'degraded 时的说明' })),
  },
  { description: '审计日志的写入状况' },
);

export const CalendarHealthSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('expiring'), Type.Literal('missing')], {
      description: 'ok：本年和（11 月起）下一年的官方节假日安排均已载入；expiring：下一年尚未载入、本年将尽；missing：本年尚未载入，收到的记录无法计算报送时效',
    }),
    coveredThrough: Type.Union([Type.Integer(), Type.Null()], { description: '工作日历覆盖到的最后一年' }),
    missingYear: Type.Union([Type.Integer(), Type.Null()], { description: '需要载入的年份（ok 时为 null）' }),
    message: Type.Optional(Type.String({ description: 'expiring / missing 时的说明与办法' })),
  },
  { description: '工作日历（法定节假日与调休）的覆盖情况：报送时效按工作日计算' },
);

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.String({ description: 'pglite（内嵌）或 postgres' }),
  version: Type.String(),
  database: Type.Object({ encoding: Type.String(), ctype: Type.String() }),
  time: Type.String({ format: 'date-time' }),
  audit: AuditHealthSchema,
  calendar: CalendarHealthSchema,
});
export type Health = Static<typeof HealthSchema>;
export type AuditHealth = Static<typeof AuditHealthSchema>;
export type CalendarHealth = Static<typeof CalendarHealthSchema>;
