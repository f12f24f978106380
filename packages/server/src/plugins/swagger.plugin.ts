import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { SERVER_VERSION } from '../version';

/** OpenAPI 3 document at /docs/json and the swagger UI at /docs. */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'PubCredit 公共信用信息平台 API',
        description: '信用信息归集（双公示上报）、主体信用档案查询与目录下载接口。部门接口使用 `Authorization: Bearer <API 密钥>`。',
        version: SERVER_VERSION,
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: '部门 API 密钥（pck_…）' } },
      },
      tags: [
        { name: 'system', description: '运行状态' },
        { name: 'subjects', description: '主体信用档案' },
        { name: 'batches', description: '数据上报批次' },
        { name: 'catalogs', description: '信息目录与模板' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
