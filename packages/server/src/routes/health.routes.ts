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
      schema: {
        tags: ['system'],
        summary: '运行状态',
        description: '平台在运行且数据库可连接时返回 200（status 为 ok）。audit 为审计日志的写入状况：degraded 表示有审计记录暂存在磁盘上待补记，或有记录未能保存，需运维人员处理。',
        response: { 200: HealthSchema, ...errorResponses(500, 503) },
      },
    },
    async () => getHealth(ctx),
  );
};
