import { Type } from '@sinclair/typebox';
import { API_SCOPES } from '../services/api-scopes';
import { DateTime, NullableString } from './common.schema';

export const ApiScopeSchema = Type.Union(
  API_SCOPES.map((s) => Type.Literal(s)),
  { description: 'batches:write 上传、batches:read 查看批次（部门密钥）；credit-check:read 信用核查、metrics:read 监控指标（系统密钥）' },
);

export const ApiKeySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  departmentUscc: NullableString('所属部门'),
  departmentName: NullableString('所属部门的名称（系统密钥为 null）'),
  systemName: NullableString('调用系统'),
  scopes: Type.Array(Type.String()),
  createdAt: DateTime(),
  revokedAt: Type.Union([DateTime(), Type.Null()]),
});

export const ApiKeyListSchema = Type.Object({ apiKeys: Type.Array(ApiKeySchema) });

export const ApiKeyParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CreateApiKeyBodySchema = Type.Object(
  {
    departmentUscc: Type.Optional(Type.String({ maxLength: 32, description: '部门密钥：部门的统一社会信用代码' })),
    systemName: Type.Optional(Type.String({ maxLength: 100, description: '系统密钥：调用系统名称' })),
    scopes: Type.Array(ApiScopeSchema, { minItems: 1, maxItems: API_SCOPES.length }),
  },
  { additionalProperties: false },
);

export const CreatedApiKeySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  key: Type.String({ description: '密钥本身，只显示这一次（库中只存其哈希）' }),
});
