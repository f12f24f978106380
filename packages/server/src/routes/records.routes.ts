import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noteAudit } from '../audit/audit.plugin';
import type { AppContext } from '../context';
import { viewerDepartment } from '../plugins/auth.plugin';
import { ARCHIVE_KEEPERS } from './archive.routes';
import { errorResponses } from '../schemas/common.schema';
import { PublicityEndBodySchema, PublicityEndSchema, RecordKeyParamsSchema, RecordVersionsSchema } from '../schemas/record.schema';
import { endRecordPublicity } from '../services/publicity/publicity-end.service';
import { getRecordVersions } from '../services/subject.service';

/**
 * Every version of a record, public or not (superseded, expired, repaired, never public): for the
 * staff who keep the archive (a department's staff see its own records only).
 */
export const recordRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/records/:recordKey/versions',
    {
      config: { access: ARCHIVE_KEEPERS, audit: { action: 'record.versions.read', purpose: '信用档案：核查一条记录的各版本（含不公示的）' } },
      schema: {
        tags: ['subjects'],
        summary: '一条记录的全部版本（已脱敏，含未公示的）：信用中心工作人员，或报送部门本部门的',
        params: RecordKeyParamsSchema,
        response: { 200: RecordVersionsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      noteAudit(request, { target: request.params.recordKey });
      return getRecordVersions(ctx, request.params.recordKey, viewerDepartment(request));
    },
  );

  app.post(
    '/records/:recordKey/publicity/end',
    {
      config: { access: { staff: ['credit_officer'] }, audit: { action: 'record.publicity.end', purpose: '公示管理：终止一条记录的公示（信用修复、撤销等）' } },
      schema: {
        tags: ['subjects'],
        summary: '终止一条记录的公示（信用修复 repaired 或撤销 withdrawn）：信用中心工作人员',
        description: '记录仍保存，工作人员可见；公开页面、接口和信用报告不再显示。已终止的记录保持原终止原因与时间（重复调用返回原结果）。',
        params: RecordKeyParamsSchema,
        body: PublicityEndBodySchema,
        response: { 200: PublicityEndSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      noteAudit(request, { target: request.params.recordKey, details: { reason: request.body.reason } });
      return endRecordPublicity(ctx, request.params.recordKey, request.body);
    },
  );
};
