import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.String({ description: 'pglite（内嵌）或 postgres' }),
  version: Type.String(),
  database: Type.Object({ encoding: Type.String(), ctype: Type.String() }),
  time: Type.String({ format: 'date-time' }),
});
export type Health = Static<typeof HealthSchema>;
