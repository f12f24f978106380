import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas/common.schema';
import { HealthSchema } from '../schemas/health.schema';
import { getHealth } from '../services/health.service';

export const healthRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: '运行状态', response: { 200: HealthSchema, ...errorResponses(500, 503) } },
    },
    async () => getHealth(ctx),
  );
};
