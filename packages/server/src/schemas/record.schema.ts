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
