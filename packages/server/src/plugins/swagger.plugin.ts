import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { errorCodes } from '../errors/error-registry';
import { SERVER_VERSION } from '../version';

interface QueryParameter {
  in?: string;
  required?: boolean;
  schema?: { default?: unknown };
}
interface OpenApiPaths {
  paths?: Record<string, Record<string, { parameters?: QueryParameter[] } | undefined> | undefined>;
}

/**
 * A query parameter with a default (limit, offset) may be left out: the server fills it in. TypeBox
 * lists it among the object's required properties, which @fastify/swagger turns into
 * `required: true`, so generated clients would insist on it.
 */
export function optionalDefaults<T extends object>(doc: T): T {
  for (const item of Object.values((doc as OpenApiPaths).paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      for (const p of op?.parameters ?? []) {
        if (p.in === 'query' && p.schema?.default !== undefined) p.required = false;
      }
    }
  }
  return doc;
}

/** The error section of the API description: the body every refusal carries, and each code. */
export function errorCodeTable(): string {
  const rows = errorCodes().map((e) => `| \`${e.code}\` | ${e.status} | ${e.message} |`);
  return [
    '',
    '',
    '### 错误应答',
    '',
    '所有错误应答的正文为 `{"code": "…", "message": "中文说明", "details": …}`（details 可无）；程序按 code 判断，code 不随版本改名。',
    '',
    '| code | HTTP 状态 | 默认说明 |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

/** OpenAPI 3 document at /docs/json and the swagger UI at /docs. */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'PubCredit 公共信用信息平台 API',
        description:
          '信用信息归集（双公示上报）、主体信用档案查询与目录下载接口。机器调用使用 `Authorization: Bearer <API 密钥>`；' +
          '工作人员登录（POST /api/v1/auth/login）后以会话 Cookie 调用，修改类请求须带请求头 `X-CSRF-Token`。' +
          '每个接口的说明写明调用方。' +
          errorCodeTable(),
        version: SERVER_VERSION,
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: '部门或系统 API 密钥（pck_…）' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'pubcredit_session', description: '工作人员会话（登录后设置；修改类请求另需 X-CSRF-Token）' },
        },
      },
      tags: [
        { name: 'system', description: '运行状态' },
        { name: 'subjects', description: '主体信用档案' },
        { name: 'archive', description: '信用档案核查（工作人员：含不公示的记录）' },
        { name: 'disclosures', description: '双公示浏览与导出' },
        { name: 'reports', description: '信用报告、报告核验与信用码' },
        { name: 'batches', description: '数据上报批次' },
        { name: 'catalogs', description: '信息目录与模板' },
        { name: 'auth', description: '登录、会话、密码与动态口令' },
        { name: 'users', description: '工作人员账号（平台管理员）' },
        { name: 'departments', description: '信源部门' },
        { name: 'apikeys', description: 'API 密钥（平台管理员）' },
      ],
    },
    transformObject: (document) => ('openapiObject' in document ? optionalDefaults(document.openapiObject) : document.swaggerObject),
  });
  // No validator: the UI would send the document to validator.swagger.io (and the CSP forbids it).
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });
}
