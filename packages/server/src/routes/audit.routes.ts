import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportAudit } from '../audit/audit-export.service';
import { auditFilterOf, searchAudit, verifyAuditChain } from '../audit/audit.service';
import type { AppContext } from '../context';
import { presentAuditEntry } from '../presenters/audit.presenter';
import { AuditExportQuerySchema, AuditListQuerySchema, AuditListSchema, AuditVerificationSchema } from '../schemas/audit.schema';
import { FileDownloadSchema } from '../schemas/batch.schema';
import { errorResponses } from '../schemas/common.schema';
import { departmentNames } from '../services/department.service';
import { EXPORT_MEDIA_TYPES } from '../services/export/table-export';
import { sendDownload } from './download';

/** 审计员 reads the trail; the platform administrator too. Nobody changes it: there is no such route. */
const AUDITORS = { staff: ['auditor', 'platform_admin'] } as const;
const ERRORS = errorResponses(400, 401, 403);

export const auditRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/audit',
    {
      config: { access: AUDITORS, audit: { action: 'audit.search', purpose: '审计：查询审计日志' } },
      schema: {
        tags: ['audit'],
        summary: '查询审计日志（新的在前）',
        querystring: AuditListQuerySchema,
        response: { 200: AuditListSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const entries = await searchAudit(ctx, auditFilterOf(filter), { limit, offset });
      const deptName = await departmentNames(ctx);
      return { entries: entries.map((e) => presentAuditEntry(e, deptName)) };
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/audit/export.${format}`,
      {
        config: { access: AUDITORS, audit: { action: 'audit.export', purpose: '审计：导出审计日志' } },
        schema: {
          tags: ['audit'],
          summary: `导出审计日志（${format.toUpperCase()}，旧的在前，含哈希以便复核）`,
          querystring: AuditExportQuerySchema,
          response: { 200: FileDownloadSchema(EXPORT_MEDIA_TYPES[format], format === 'csv' ? 'UTF-8（带 BOM）CSV' : 'XLSX'), ...ERRORS },
        },
      },
      async (request, reply) => sendDownload(reply, exportAudit(ctx, auditFilterOf(request.query), format), format),
    );
  }

  app.get(
    '/audit/verify',
    {
      config: { access: AUDITORS, audit: { action: 'audit.verify', purpose: '审计：校验审计日志的哈希链' } },
      schema: {
        tags: ['audit'],
        summary: '校验审计链（SM3 哈希链）：指出第一条被篡改或删除的记录',
        response: { 200: AuditVerificationSchema, ...ERRORS },
      },
    },
    async () => verifyAuditChain(ctx),
  );
};
