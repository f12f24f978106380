import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { currentStaff } from '../plugins/auth.plugin';
import { ApiKeyListSchema, ApiKeyParamsSchema, ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema } from '../schemas/apikey.schema';
import { errorResponses } from '../schemas/common.schema';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-key.service';

const ADMIN = { staff: ['platform_admin'] } as const;

export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/apikeys',
    {
      config: { access: ADMIN },
      schema: { tags: ['apikeys'], summary: 'API 密钥（不含密钥本身）', response: { 200: ApiKeyListSchema, ...errorResponses(401, 403) } },
    },
    async () => ({ apiKeys: await listApiKeys(ctx) }),
  );

  app.post(
    '/apikeys',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['apikeys'],
        summary: '创建部门密钥或系统密钥；密钥只在此次返回',
        body: CreateApiKeyBodySchema,
        response: { 201: CreatedApiKeySchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await createApiKey(ctx, { ...request.body, createdBy: currentStaff(request).principal.userId });
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/apikeys/:id/revoke',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['apikeys'],
        summary: '吊销密钥（立即生效）',
        params: ApiKeyParamsSchema,
        response: { 200: ApiKeySchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => revokeApiKey(ctx, request.params.id),
  );
};
