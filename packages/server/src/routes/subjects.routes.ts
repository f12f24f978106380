import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas/common.schema';
import { SubjectArchiveSchema, SubjectParamsSchema, SubjectQuerySchema } from '../schemas/subject.schema';
import { getSubjectArchive } from '../services/subject.service';

export const subjectRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/subjects/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['subjects'],
        summary: '主体信用档案（按统一社会信用代码或主体标识）',
        params: SubjectParamsSchema,
        querystring: SubjectQuerySchema,
        response: { 200: SubjectArchiveSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getSubjectArchive(ctx, request.params.code, request.query),
  );
};
