import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { NullableString, RowIssueSchema } from './common.schema';

export const BatchParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid', description: '批次号' }),
});

/** Text fields of the multipart upload; the file itself streams to disk before validation. */
export const BatchUploadBodySchema = Type.Object({
  catalog: Type.String({ minLength: 1, maxLength: 64, description: '目录代码，如 administrative_penalty' }),
  dryRun: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'true：只校验，不入库' }),
  ),
  file: Type.Optional(Type.String({ format: 'binary', description: 'CSV（UTF-8 或 GBK/GB18030）、XLSX（第一个工作表）或 JSON Lines（.jsonl）文件' })),
  department: Type.Optional(
    Type.String({ maxLength: 32, description: '可不填：上报部门总是调用方（部门密钥或部门填报员）所属部门；填写其他部门则拒绝' }),
  ),
  source: Type.Optional(Type.String({ maxLength: 32, description: '同 department（与命令行 --source 同名）' })),
});
export type BatchUploadBody = Static<typeof BatchUploadBodySchema>;

export const BatchLinksSchema = Type.Object({
  self: Type.String(),
  issues: Type.String(),
  rejectedCsv: Type.String({ description: '退回数据（CSV）' }),
  rejectedXlsx: Type.String({ description: '退回数据（XLSX）' }),
});

export const ImportResultSchema = Type.Object({
  batchId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: '试运行时为 null' }),
  catalog: Type.String(),
  dryRun: Type.Boolean(),
  total: Type.Integer({ description: '数据行数' }),
  accepted: Type.Integer(),
  rejected: Type.Integer({ description: '退回（隔离）行数' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  issues: Type.Array(RowIssueSchema, { description: '问题清单（最多前 1000 条，完整清单见 links.issues）' }),
  issuesTotal: Type.Integer(),
  links: Type.Union([BatchLinksSchema, Type.Null()]),
});
export type ImportResultBody = Static<typeof ImportResultSchema>;

export const BatchSchema = Type.Object({
  batchId: Type.String({ format: 'uuid' }),
  catalog: Type.String(),
  edition: Type.String(),
  sourceDept: Type.String(),
  sourceDeptName: NullableString('报送部门名称'),
  fileName: Type.String(),
  format: Type.String(),
  encoding: NullableString('CSV 编码'),
  fileSha256: Type.String(),
  total: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  warnings: Type.Integer(),
  receivedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.String({ format: 'date-time' }),
  links: BatchLinksSchema,
});
export type BatchBody = Static<typeof BatchSchema>;

export const BatchListQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});
export type BatchListQuery = Static<typeof BatchListQuerySchema>;

export const BatchListSchema = Type.Object({ batches: Type.Array(BatchSchema) });
export type BatchList = Static<typeof BatchListSchema>;

export const BatchIssuesQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});
export type BatchIssuesQuery = Static<typeof BatchIssuesQuerySchema>;

export const BatchIssuesSchema = Type.Object({
  batchId: Type.String({ format: 'uuid' }),
  issues: Type.Array(RowIssueSchema),
});
export type BatchIssues = Static<typeof BatchIssuesSchema>;

/** A file response, documented with its media type (the payload is a stream, never serialised). */
export const FileDownloadSchema = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: Type.String({ format: 'binary' }) } },
});
