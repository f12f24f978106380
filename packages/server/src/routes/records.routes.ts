import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas/common.schema';
import { RecordKeyParamsSchema, RecordVersionsSchema } from '../schemas/record.schema';
import { getRecordVersions } from '../services/subject.service';

export const recordRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/records/:recordKey/versions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['subjects'],
        summary: '一条记录的全部版本（已脱敏）',
        params: RecordKeyParamsSchema,
        response: { 200: RecordVersionsSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getRecordVersions(ctx, request.params.recordKey),
  );
};
