import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noteAudit } from '../audit/audit.plugin';
import type { AppContext } from '../context';
import { viewerDepartment } from '../plugins/auth.plugin';
import { errorResponses } from '../schemas/common.schema';
import { ArchiveQuerySchema, ArchiveSchema, SubjectLookupBodySchema, SubjectLookupSchema } from '../schemas/record.schema';
import { SubjectParamsSchema } from '../schemas/subject.schema';
import { getStaffArchive, lookupPerson } from '../services/archive.service';

/**
 * Who keeps the archive and may read what the public does not see (信用档案核查, a record's
 * versions): the credit centre's officers every record, a department's staff the records it
 * reported. Each such read is audited, with its purpose.
 */
export const ARCHIVE_KEEPERS = { staff: ['credit_officer', 'dept_reporter', 'dept_reviewer'] } as const;

export const archiveRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/archive/subjects/:code',
    {
      config: { access: ARCHIVE_KEEPERS, audit: { action: 'archive.read', purpose: '信用档案核查：查看主体的全部记录（含不公示的）' } },
      schema: {
        tags: ['archive'],
        summary: '信用档案核查：主体的全部当前记录及其公示状态（含未公示、已到期、已修复、已撤销的）',
        description: '信用中心业务员可见全部记录；部门填报员、审核员只见本部门报送的记录。个人信息已脱敏。每次查看记入审计日志。',
        params: SubjectParamsSchema,
        querystring: ArchiveQuerySchema,
        response: { 200: ArchiveSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      noteAudit(request, { target: request.params.code });
      return getStaffArchive(ctx, request.params.code, request.query, viewerDepartment(request));
    },
  );

  app.post(
    '/archive/subjects/lookup',
    {
      config: { access: ARCHIVE_KEEPERS, audit: { action: 'archive.lookup', purpose: '信用档案核查：按证件号码查找自然人' } },
      schema: {
        tags: ['archive'],
        summary: '按证件号码查找自然人的主体标识（号码只在请求体中传送，按密钥散列比对）',
        body: SubjectLookupBodySchema,
        response: { 200: SubjectLookupSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await lookupPerson(ctx, request.body.idNumber, viewerDepartment(request));
      noteAudit(request, { target: found.subjectId });
      return found;
    },
  );
};
