import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { NullableString } from './common.schema';
import { RecordSchema, SubjectKindSchema } from './subject.schema';

// Parameters are plain strings here and checked by the report service, so a bad one gets a Chinese
// message naming it (kind, from, to, categories) rather than a generic validation error.
export const ReportQuerySchema = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 16, description: 'standard 标准信用报告（默认）| special 专项信用报告' })),
  from: Type.Optional(Type.String({ maxLength: 16, description: '专项：决定日期（名单为列入日期）起（YYYY-MM-DD，含）' })),
  to: Type.Optional(Type.String({ maxLength: 16, description: '专项：决定日期（名单为列入日期）止（YYYY-MM-DD，含）' })),
  categories: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        '专项：信息类别，逗号分隔，取 administrative_penalty（行政处罚）、administrative_coercion（行政强制）、serious_dishonesty_list（严重失信主体名单：列入日期在范围内、报告生成时公示中的名单记录，已移出名单的不列示）；默认全部',
    }),
  ),
});
export type ReportQuery = Static<typeof ReportQuerySchema>;

export const ReportKindSchema = Type.Union([Type.Literal('standard'), Type.Literal('special')]);

export const ReportSubjectSchema = Type.Object({
  subjectId: Type.String({ format: 'uuid' }),
  kind: SubjectKindSchema,
  name: Type.String(),
  uscc: NullableString('统一社会信用代码'),
  idMasked: NullableString('脱敏证件号码（自然人）'),
});

export const ReportSectionSchema = Type.Object({
  category: Type.String({ description: '信息类别代码' }),
  name: Type.String({ description: '信息类别名称' }),
  records: Type.Array(RecordSchema, { description: '报告生成时公示中的记录（新决定在前）' }),
  note: Type.Optional(Type.String({ description: '说明（保留字段：各信息类别均已归集，目前不再返回）' })),
});

export const CreditReportSchema = Type.Object({
  reportNo: Type.String({ description: '报告编号，如 PDS-20261129-7K3M9QXA' }),
  kind: ReportKindSchema,
  issuedAt: Type.String({ format: 'date-time', description: '生成（签发）时间' }),
  asOf: Type.String({ format: 'date-time', description: '数据截止时间（读取公示信息的时刻）' }),
  subject: ReportSubjectSchema,
  period: Type.Union([Type.Object({ from: NullableString('YYYY-MM-DD'), to: NullableString('YYYY-MM-DD') }), Type.Null()], {
    description: '专项报告的决定日期（名单为列入日期）范围；标准报告为 null',
  }),
  sections: Type.Array(ReportSectionSchema),
  contentHash: Type.String({ description: 'SM3（十六进制）：上述字段（reportNo…sections）规范化 JSON 的哈希' }),
  signature: Type.Object({
    algorithm: Type.Literal('Ed25519'),
    keyId: Type.String({ description: '签名密钥标识（见 GET /reports/signing-key）' }),
    value: Type.String({ description: 'base64：对 contentHash（UTF-8 文本）的签名' }),
  }),
  verifyUrl: Type.String({ description: '核验页面地址（报告二维码指向此处）' }),
});
export type CreditReport = Static<typeof CreditReportSchema>;

export const ReportNoParamsSchema = Type.Object({
  reportNo: Type.String({ minLength: 1, maxLength: 64, description: '报告编号' }),
});

export const ReportVerificationSchema = Type.Object({
  reportNo: Type.String(),
  found: Type.Boolean({ description: '平台签发过该编号的报告' }),
  authentic: Type.Boolean({ description: '平台保存的签名用平台公钥校验通过' }),
  changed: Type.Boolean({ description: '按原参数重新生成的内容与签发时不同（如记录已信用修复、公示期满）' }),
  issuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  asOf: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  subjectName: NullableString('主体名称'),
  kind: Type.Union([ReportKindSchema, Type.Null()]),
  message: Type.String({ description: '中文核验结论' }),
});
export type ReportVerification = Static<typeof ReportVerificationSchema>;

export const SigningKeySchema = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  keyId: Type.String(),
  publicKeyPem: Type.String({ description: 'SPKI PEM 公钥' }),
  retired: Type.Array(Type.Object({ keyId: Type.String(), publicKeyPem: Type.String() }), {
    description: '轮换前签发报告所用的已停用密钥（仍可核验其签发的报告）',
  }),
});
export type SigningKeyBody = Static<typeof SigningKeySchema>;
