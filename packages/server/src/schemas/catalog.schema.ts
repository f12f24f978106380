import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const CatalogParamsSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, description: '目录代码，如 administrative_penalty' }),
});

export const CatalogFieldSchema = Type.Object({
  code: Type.String({ description: '国家标准字段代码，表头可用代码或中文名' }),
  name: Type.String({ description: '中文字段名' }),
  aliases: Type.Array(Type.String()),
  type: Type.String({ description: 'text | date | decimal | uscc | orgcode | id_number | enum | enum_list' }),
  required: Type.Union([Type.Literal('always'), Type.Literal('never'), Type.Literal('conditional')]),
  requiredWhen: Type.Union([Type.String(), Type.Null()], { description: '条件必填的说明' }),
  maxLength: Type.Union([Type.Integer(), Type.Null()]),
  personal: Type.Boolean({ description: '个人信息：加密存储、公开时脱敏' }),
  role: Type.Union([Type.String(), Type.Null()], {
    description:
      '字段角色：subject_name 主体名称、subject_uscc 统一社会信用代码、doc_no 文书号、decision_date 决定日期（名单为列入日期）、list_name 名单名称等；无则为 null',
  }),
  enumValues: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), aliases: Type.Array(Type.String()) })),
});

export const CatalogSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('administrative_act'), Type.Literal('list')], {
    description: 'administrative_act 行政行为信息（双公示、十公示）；list 名单信息（如严重失信主体名单）',
  }),
  edition: Type.String(),
  effectiveFrom: Type.String({ format: 'date' }),
  source: Type.String(),
  fields: Type.Array(CatalogFieldSchema),
  templates: Type.Object({ csv: Type.String(), xlsx: Type.String() }),
});
export type CatalogBody = Static<typeof CatalogSchema>;

export const CatalogListSchema = Type.Object({ catalogs: Type.Array(CatalogSchema) });
export type CatalogList = Static<typeof CatalogListSchema>;
