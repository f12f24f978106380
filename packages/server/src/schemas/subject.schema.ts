import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { NullableString } from './common.schema';

export const SubjectParamsSchema = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 64,
    description: '统一社会信用代码，或主体标识 subjectId（自然人只用主体标识，切勿把身份证号码放进网址）',
  }),
});

export const SubjectQuerySchema = Type.Object({
  catalog: Type.Optional(Type.String({ maxLength: 64, description: '只看某一目录，如 administrative_penalty' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});
export type SubjectQuery = Static<typeof SubjectQuerySchema>;

export const SubjectSearchQuerySchema = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 100,
    description: '统一社会信用代码（精确），或名称片段（至少2个字；全角字符按半角处理）。自然人不可按姓名检索',
  }),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20, description: '每页条数（≤50）' }),
  offset: Type.Integer({ minimum: 0, maximum: 200, default: 0, description: '跳过条数（检索只排序前200个匹配）' }),
});
export type SubjectSearchQuery = Static<typeof SubjectSearchQuerySchema>;

export const SubjectKindSchema = Type.Union([
  Type.Literal('legal_person'),
  Type.Literal('individual_business'),
  Type.Literal('natural_person'),
]);

export const FormerNameSchema = Type.Object({
  name: Type.String(),
  sourceDept: Type.String({ description: '报送部门统一社会信用代码' }),
  firstSeenAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
});

export const SubjectSchema = Type.Object({
  subjectId: Type.String({ format: 'uuid' }),
  kind: SubjectKindSchema,
  name: Type.String(),
  uscc: NullableString('统一社会信用代码'),
  idMasked: NullableString('脱敏证件号码'),
  nameConflict: Type.Boolean({ description: '重码：同一代码在不同来源中名称不一致' }),
  formerNames: Type.Array(FormerNameSchema, { description: '名称历史（含曾用名）' }),
});
export type Subject = Static<typeof SubjectSchema>;

export const HighlightSchema = Type.Object({
  start: Type.Integer({ description: '匹配起点（名称中的字符下标，UTF-16）' }),
  end: Type.Integer({ description: '匹配终点（不含）' }),
});

export const SubjectSearchItemSchema = Type.Object({
  subjectId: Type.String({ format: 'uuid' }),
  uscc: NullableString('统一社会信用代码'),
  name: Type.String(),
  kind: SubjectKindSchema,
  highlights: Type.Array(HighlightSchema, { description: '检索词在名称中的每一处出现' }),
});

export const SubjectSearchResultSchema = Type.Object({
  items: Type.Array(SubjectSearchItemSchema),
  total: Type.Integer({ description: '匹配数（至多200）' }),
  totalCapped: Type.Boolean({ description: '匹配超过200个：请输入更长的名称片段' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type SubjectSearchResult = Static<typeof SubjectSearchResultSchema>;

export const RecordSchema = Type.Object({
  catalog: Type.String(),
  catalogName: Type.String(),
  recordKey: Type.String(),
  version: Type.Integer(),
  sourceDept: Type.String(),
  docNo: Type.String({ description: '决定文书号（名单为认定决定文书号）' }),
  decisionDate: Type.String({ format: 'date', description: '决定日期（名单为列入日期；目录中 role 为 decision_date 的字段）' }),
  receivedAt: Type.String({ format: 'date-time' }),
  reportWorkingDays: Type.Union([Type.Integer(), Type.Null()], { description: '决定日至归集日的工作日数' }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: '字段值（个人信息已脱敏）' }),
  sourceDeptName: NullableString('报送部门名称'),
  regime: NullableString('公示期规则代码，如 ndrc-order-36（失信信息才有，下同）'),
  regimeName: NullableString('公示期规则名称，如 国家发展改革委令第36号'),
  tier: Type.Union([Type.Literal('minor'), Type.Literal('general'), Type.Literal('serious'), Type.Null()], {
    description: '失信程度：minor 轻微 / general 一般 / serious 严重',
  }),
  minUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '最短公示期届满日（此后可申请信用修复）' }),
  maxUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '最长公示期最后一天（含），此后不再公示' }),
});
export type RecordItem = Static<typeof RecordSchema>;

export const SubjectArchiveSchema = Type.Object({
  subject: SubjectSchema,
  records: Type.Array(RecordSchema, { description: '公示中的记录（新决定在前）' }),
  total: Type.Integer({ description: '公示中的记录数（按 catalog 筛选时为该类别的）' }),
  counts: Type.Record(Type.String(), Type.Integer(), { description: '各信息类别公示中的记录数' }),
});
export type SubjectArchive = Static<typeof SubjectArchiveSchema>;

export const SubjectRecordsSchema = Type.Object({
  records: Type.Array(RecordSchema),
  total: Type.Integer(),
});
export type SubjectRecords = Static<typeof SubjectRecordsSchema>;
