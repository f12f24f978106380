import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { callerDepartment, viewerDepartment } from '../plugins/auth.plugin';
import { UPLOAD_LIMIT_BYTES } from '../plugins/upload.plugin';
import { presentBatch, presentImportResult, presentIssue } from '../presenters/batch.presenter';
import {
  BatchIssuesQuerySchema,
  BatchIssuesSchema,
  BatchListQuerySchema,
  BatchListSchema,
  BatchParamsSchema,
  BatchSchema,
  BatchUploadBodySchema,
  FileDownloadSchema,
  ImportResultSchema,
} from '../schemas/batch.schema';
import { errorResponses } from '../schemas/common.schema';
import { departmentNames } from '../services/department.service';
import { getBatchFor, listBatchIssuesFor, listBatchesFor, submitBatch } from '../services/batch.service';
import { EXPORT_MEDIA_TYPES } from '../services/export/table-export';
import { exportRejectedRows } from '../services/rejected-export.service';
import { sendDownload } from './download';

const DEPT_ERRORS = errorResponses(400, 401, 403, 404);

/** Uploading: a department key, or a 部门填报员 signed in; the batch is always the caller's department's. */
const SUBMIT = { staff: ['dept_reporter'], key: 'batches:write' } as const;
/** Reading batches: a department (key or staff) its own; the credit centre's officers every department's. */
const READ = { staff: ['dept_reporter', 'dept_reviewer', 'credit_officer'], key: 'batches:read' } as const;

export const batchRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/batches',
    {
      config: { access: SUBMIT },
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['batches'],
        summary: '上传数据文件（multipart/form-data：file、catalog、dryRun）',
        consumes: ['multipart/form-data'],
        body: BatchUploadBodySchema,
        response: { 200: ImportResultSchema, 201: ImportResultSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const upload = request.uploads?.[0];
      if (!upload) throw new AppError('UPLOAD_MISSING', '请上传文件（表单字段 file）');
      const dryRun = request.body.dryRun === 'true';
      const result = await submitBatch(ctx, callerDepartment(request), {
        filePath: upload.path,
        fileName: upload.fileName,
        catalog: request.body.catalog,
        dryRun,
        requestedDept: request.body.department ?? request.body.source,
      });
      return reply.code(dryRun ? 200 : 201).send(presentImportResult(result, dryRun));
    },
  );

  app.get(
    '/batches',
    {
      config: { access: READ },
      schema: {
        tags: ['batches'],
        summary: '报送批次（新的在前）：部门只见本部门的',
        querystring: BatchListQuerySchema,
        response: { 200: BatchListSchema, ...DEPT_ERRORS },
      },
    },
    async (request) => {
      const [batches, deptName] = await Promise.all([listBatchesFor(ctx, request.query, viewerDepartment(request)), departmentNames(ctx)]);
      return { batches: batches.map((b) => presentBatch(b, deptName)) };
    },
  );

  app.get(
    '/batches/:id',
    {
      config: { access: READ },
      schema: { tags: ['batches'], summary: '批次详情', params: BatchParamsSchema, response: { 200: BatchSchema, ...DEPT_ERRORS } },
    },
    async (request) => presentBatch(await getBatchFor(ctx, request.params.id, viewerDepartment(request)), await departmentNames(ctx)),
  );

  app.get(
    '/batches/:id/issues',
    {
      config: { access: READ },
      schema: {
        tags: ['batches'],
        summary: '批次的逐行问题清单',
        params: BatchParamsSchema,
        querystring: BatchIssuesQuerySchema,
        response: { 200: BatchIssuesSchema, ...DEPT_ERRORS },
      },
    },
    async (request) => {
      const { id } = request.params;
      const issues = await listBatchIssuesFor(ctx, id, request.query, viewerDepartment(request));
      return { batchId: id, issues: issues.map(presentIssue) };
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/batches/:id/rejected.${format}`,
      {
        config: { access: READ },
        schema: {
          tags: ['batches'],
          summary: `退回数据下载（${format.toUpperCase()}，原表头加“错误原因”列）`,
          params: BatchParamsSchema,
          response: { 200: FileDownloadSchema(EXPORT_MEDIA_TYPES[format], format === 'csv' ? 'UTF-8（带 BOM）CSV' : 'XLSX'), ...DEPT_ERRORS },
        },
      },
      async (request, reply) => {
        const file = await exportRejectedRows(ctx, request.params.id, format, viewerDepartment(request));
        return sendDownload(reply, file, format);
      },
    );
  }
};
