import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { NullableString } from './common.schema';

const Outcome = Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('error')], {
  description: 'success 成功，denied 拒绝（未登录、无权限、锁定、限流），error 失败',
});
const ActorKind = Type.Union([Type.Literal('user'), Type.Literal('key'), Type.Literal('anonymous'), Type.Literal('cli')], {
  description: 'user 工作人员，key API 密钥，anonymous 匿名，cli 命令行',
});
const Instant = (description: string) =>
  Type.String({ maxLength: 40, description: `${description}：YYYY-MM-DD（北京时间当日）或 ISO 8601 时间` });

/** Search criteria shared by the list and the export. */
const AuditFilterFields = {
  actor: Type.Optional(Type.String({ maxLength: 100, description: '操作人编号，或操作人名称的一部分' })),
  action: Type.Optional(Type.String({ maxLength: 200, description: '操作，或其前缀（如 user 匹配 user.create）' })),
  actorKind: Type.Optional(ActorKind),
  outcome: Type.Optional(Outcome),
  departmentUscc: Type.Optional(Type.String({ maxLength: 32, description: '操作人所属部门的统一社会信用代码' })),
  target: Type.Optional(Type.String({ maxLength: 200, description: '对象的一部分：用户、批次、密钥的编号，主体代码或接口路径' })),
  from: Type.Optional(Instant('起始时间（含）')),
  to: Type.Optional(Instant('截止时间（含）')),
  spooled: Type.Optional(
    Type.Boolean({
      description: 'true：只看补记的记录（数据库暂不可写时先暂存在磁盘、恢复后写入审计链，details.spooled 注明暂存与补记时间）；false：只看按时写入的记录',
    }),
  ),
};

export const AuditExportQuerySchema = Type.Object(AuditFilterFields);
export type AuditExportQuery = Static<typeof AuditExportQuerySchema>;

export const AuditListQuerySchema = Type.Object({
  ...AuditFilterFields,
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: '每页条数（≤200）' }),
  offset: Type.Integer({ minimum: 0, default: 0, description: '跳过条数' }),
});
export type AuditListQuery = Static<typeof AuditListQuerySchema>;

export const AuditEntrySchema = Type.Object(
  {
    seq: Type.Integer({ description: '序号：1、2、3……连续' }),
    at: Type.String({ format: 'date-time' }),
    actorKind: ActorKind,
    actorId: NullableString('操作人编号：用户 ID、密钥 ID 或操作系统用户'),
    actorName: NullableString('操作人：用户名、调用系统、部门密钥或 用户@主机'),
    departmentUscc: NullableString('操作人所属部门'),
    departmentName: NullableString('操作人所属部门的名称（部门未登记时为 null）'),
    action: Type.String({ description: '操作，如 batch.upload' }),
    target: NullableString('对象'),
    purpose: NullableString('目的（X-Purpose 请求头）'),
    clientIp: NullableString('客户端地址'),
    userAgent: NullableString('客户端（User-Agent）'),
    outcome: Outcome,
    status: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP 状态码或命令退出码' }),
    details: Type.Record(Type.String(), Type.Unknown(), {
      description:
        '补充信息（证件号码、手机号已脱敏，口令等凭据不记录）。补记的记录带 spooled: { spooledAt, replayedAt }：数据库暂不可写时暂存到磁盘的时间、写入审计链的时间（UTC）；此时 at 为操作发生的时间，seq 为写入审计链的顺序',
    }),
    prevHash: Type.String({ description: '前一条的 SM3 哈希' }),
    hash: Type.String({ description: '本条的 SM3 哈希' }),
  },
  { title: 'AuditEntry' },
);
export type AuditEntryBody = Static<typeof AuditEntrySchema>;

export const AuditListSchema = Type.Object({ entries: Type.Array(AuditEntrySchema) }, { title: 'AuditList' });

export const AuditVerificationSchema = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer({ description: '校验通过的条数' }),
    head: Type.Object({ seq: Type.Integer(), hash: Type.String() }, { description: '链尾登记的最后一条' }),
    firstBroken: Type.Optional(
      Type.Object({
        seq: Type.Integer({ description: '第一条不可信记录的序号' }),
        reason: Type.Union([
          Type.Literal('missing'),
          Type.Literal('altered'),
          Type.Literal('unlinked'),
          Type.Literal('beyond_head'),
          Type.Literal('head_mismatch'),
        ]),
        message: Type.String(),
      }),
    ),
  },
  { title: 'AuditVerification' },
);
