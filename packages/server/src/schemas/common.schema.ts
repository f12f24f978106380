import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';

/** Body of every error response: a stable code and a Chinese message. */
export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: '稳定的错误代码，如 HEADERS_REFUSED' }),
    message: Type.String({ description: '中文错误说明' }),
    details: Type.Optional(Type.Unknown({ description: '补充信息（如无法识别的表头）' })),
  },
  { title: 'Error' },
);
export type ErrorBody = Static<typeof ErrorSchema>;

/** Error responses a route may give, by status. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema]));
}

export const PageQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数（≤100）' }),
  offset: Type.Integer({ minimum: 0, default: 0, description: '跳过条数' }),
});

export const DateTime = (description?: string): TSchema => Type.String({ format: 'date-time', description });
export const NullableString = (description?: string) => Type.Union([Type.String(), Type.Null()], { description });

/** Issue of one row, as validation reports it (RowIssue of the domain). */
export const RowIssueSchema = Type.Object({
  row: Type.Integer({ description: '表格中的行号（表头为第1行）' }),
  field: Type.String({ description: '字段代码' }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  rule: Type.String({ description: '规则代码' }),
  message: Type.String({ description: '中文说明' }),
});
