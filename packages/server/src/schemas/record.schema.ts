import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { RecordSchema } from './subject.schema';

export const RecordKeyParamsSchema = Type.Object({
  recordKey: Type.String({ pattern: '^[0-9a-f]{64}$', description: '记录键（64位十六进制）' }),
});

export const RecordVersionSchema = Type.Composite([
  RecordSchema,
  Type.Object({
    supersededAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '被新版本取代的时间' }),
  }),
]);
export type RecordVersion = Static<typeof RecordVersionSchema>;

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
