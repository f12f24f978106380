import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { RecordSchema } from './subject.schema';

const DateParam = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

/** Filters of the 双公示 browse and its CSV export. */
export const DisclosureFilterSchema = Type.Object({
  catalog: Type.Optional(
    Type.String({
      maxLength: 400,
      description: '信息类别代码，多个用逗号分隔，如 administrative_license,administrative_penalty；缺省为全部（含严重失信主体名单），或 kind 所指的全部',
    }),
  ),
  kind: Type.Optional(
    Type.String({
      maxLength: 32,
      description:
        '信息类型：administrative_act 行政行为信息（双公示、十公示，门户“双公示”页所用），list 名单信息（严重失信主体名单，门户“严重失信主体名单”页所用）；缺省为全部。与 catalog 同用时，所列类别须属于该类型',
    }),
  ),
  department: Type.Optional(Type.String({ maxLength: 18, description: '报送部门统一社会信用代码' })),
  from: Type.Optional(DateParam('决定日期（名单为列入日期）起（含），YYYY-MM-DD')),
  to: Type.Optional(DateParam('决定日期（名单为列入日期）止（含），YYYY-MM-DD')),
});

export const DisclosureQuerySchema = Type.Composite([
  DisclosureFilterSchema,
  Type.Object({
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数（≤100）' }),
    offset: Type.Integer({ minimum: 0, maximum: 1000, default: 0, description: '跳过条数（≤1000；更多请缩小筛选范围或导出 CSV）' }),
  }),
]);
export type DisclosureQuery = Static<typeof DisclosureQuerySchema>;

export const DisclosureItemSchema = Type.Composite([
  RecordSchema,
  Type.Object({
    subjectId: Type.String({ format: 'uuid', description: '主体标识' }),
    subjectName: Type.String({ description: '行政相对人名称' }),
  }),
]);

export const DisclosureListSchema = Type.Object({
  items: Type.Array(DisclosureItemSchema),
  total: Type.Integer({ description: '匹配的公示记录数（至多计1000）' }),
  totalCapped: Type.Boolean({ description: '匹配超过1000条' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type DisclosureList = Static<typeof DisclosureListSchema>;

export const DisclosureDepartmentsSchema = Type.Object({
  items: Type.Array(Type.Object({ uscc: Type.String(), name: Type.String() })),
});
