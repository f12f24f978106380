import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { PublicState } from '@pubcredit/db';
import { RecordSchema, SubjectQuerySchema, SubjectSchema } from './subject.schema';

export const RecordKeyParamsSchema = Type.Object({
  recordKey: Type.String({ pattern: '^[0-9a-f]{64}$', description: '记录键（64位十六进制）' }),
});

const STATE_NAMES: Readonly<Record<PublicState, string>> = {
  public: '公示中',
  never_public: '不予公示（如自然人简易程序处罚）',
  expired: '公示期满',
  repaired: '已信用修复',
  withdrawn: '已撤销',
};

export const PublicStateSchema = Type.Union(
  [Type.Literal('public'), Type.Literal('never_public'), Type.Literal('expired'), Type.Literal('repaired'), Type.Literal('withdrawn')],
  { description: Object.entries(STATE_NAMES).map(([k, v]) => `${k} ${v}`).join('；') },
);

/** Where a record stands with the public, for staff (the public condition told as a state). */
const StaffFieldsSchema = Type.Object({
  publicityEndReason: Type.Union([Type.Literal('expired'), Type.Literal('repaired'), Type.Literal('withdrawn'), Type.Null()], {
    description: '公示终止原因：expired 期满、repaired 信用修复、withdrawn 撤销',
  }),
  publicityEndedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '公示终止时间' }),
  neverPublic: Type.Boolean({ description: '依法不予公示（河南省条例第十三条：自然人简易程序处罚）' }),
  simpleProcedure: Type.Boolean({ description: '简易程序' }),
});

export const RecordVersionSchema = Type.Composite([
  RecordSchema,
  StaffFieldsSchema,
  Type.Object({
    supersededAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '被新版本取代的时间' }),
    publicState: Type.Union([PublicStateSchema, Type.Literal('superseded')], { description: '公示状态；旧版本为 superseded（已被取代）' }),
  }),
]);
export type RecordVersion = Static<typeof RecordVersionSchema>;

export const ArchiveRecordSchema = Type.Composite([RecordSchema, StaffFieldsSchema, Type.Object({ publicState: PublicStateSchema })]);
export type ArchiveRecord = Static<typeof ArchiveRecordSchema>;

export const ArchiveQuerySchema = Type.Composite([
  SubjectQuerySchema,
  Type.Object({ state: Type.Optional(PublicStateSchema) }),
]);
export type ArchiveQuery = Static<typeof ArchiveQuerySchema>;

export const ArchiveSchema = Type.Object({
  subject: SubjectSchema,
  records: Type.Array(ArchiveRecordSchema, { description: '当前版本，决定日期新者在前' }),
  total: Type.Integer({ description: '符合筛选条件的记录数' }),
  states: Type.Record(PublicStateSchema, Type.Integer(), { description: '各公示状态的记录数（全部类别）' }),
});
export type Archive = Static<typeof ArchiveSchema>;

export const SubjectLookupBodySchema = Type.Object({
  idNumber: Type.String({ minLength: 1, maxLength: 40, description: '自然人的证件号码（居民身份证号码等）；只在请求体中传送' }),
});
export type SubjectLookupBody = Static<typeof SubjectLookupBodySchema>;

export const SubjectLookupSchema = Type.Object({ subjectId: Type.String({ format: 'uuid' }) });

export const RecordVersionsSchema = Type.Object({
  recordKey: Type.String(),
  versions: Type.Array(RecordVersionSchema),
});
export type RecordVersions = Static<typeof RecordVersionsSchema>;

export const PublicityEndBodySchema = Type.Object({
  reason: Type.Union([Type.Literal('repaired'), Type.Literal('withdrawn')], {
    description: 'repaired 信用修复；withdrawn 撤销（决定被撤销或确认违法）',
  }),
  note: Type.String({ minLength: 1, maxLength: 500, description: '依据（如修复决定书文号）' }),
});
export type PublicityEndBody = Static<typeof PublicityEndBodySchema>;

export const PublicityEndSchema = Type.Object({
  recordKey: Type.String(),
  publicityEndReason: Type.Union([Type.Literal('expired'), Type.Literal('repaired'), Type.Literal('withdrawn')]),
  publicityEndedAt: Type.String({ format: 'date-time' }),
});
export type PublicityEnd = Static<typeof PublicityEndSchema>;
