import { DbError } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { toHttpError } from './error-registry';

describe('toHttpError', () => {
  it('maps domain codes to statuses and keeps their Chinese message and details', () => {
    const err = new DomainError('HEADERS_REFUSED', '缺少必需的列：行政相对人名称', { missing: ['CF_XDR_MC'] });
    expect(toHttpError(err)).toEqual({
      status: 422,
      body: { code: 'HEADERS_REFUSED', message: '缺少必需的列：行政相对人名称', details: { missing: ['CF_XDR_MC'] } },
    });
    expect(toHttpError(new DomainError('CATALOG_UNKNOWN', '未知的信息目录：x')).status).toBe(400);
    expect(toHttpError(new DomainError('NOT_FOUND', '未找到')).body).toEqual({ code: 'NOT_FOUND', message: '未找到' });
  });

  it('maps db and server codes', () => {
    expect(toHttpError(new DbError('DEPARTMENT_EXISTS', '部门已登记')).status).toBe(409);
    expect(toHttpError(new AppError('FORBIDDEN', '只能查看本部门报送的批次')).status).toBe(403);
    expect(toHttpError(new AppError('UNAUTHENTICATED', '缺少 API 密钥')).status).toBe(401);
  });

  it('hides the details of every server fault', () => {
    const locked = new DbError('DATA_DIR_LOCKED', '数据目录 /srv/data 正被另一个进程使用（pid 42）', { dir: '/srv/data' });
    expect(toHttpError(locked)).toEqual({ status: 503, body: { code: 'DATA_DIR_LOCKED', message: '数据目录被其他进程占用' } });
    const crash = toHttpError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(crash).toEqual({ status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } });
    expect(toHttpError('a string')).toEqual(crash);
  });

  it('gives fastify client errors a Chinese message', () => {
    const err = Object.assign(new Error('body/catalog must be string'), {
      code: 'FST_ERR_VALIDATION',
      statusCode: 400,
      validation: [
        { instancePath: '/catalog', keyword: 'type', params: { type: 'string' }, message: 'must be string' },
        { instancePath: '', keyword: 'required', params: { missingProperty: 'source' }, message: "must have required property 'source'" },
        { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'extra' }, message: 'must NOT have additional properties' },
      ],
      validationContext: 'body',
    });
    expect(toHttpError(err)).toEqual({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: '请求参数不合法',
        details: [
          { path: 'body/catalog', message: '应当是 string 类型' },
          { path: 'body', message: '应当有必需属性 source' },
          { path: 'body', message: '不允许有额外的属性：extra' },
        ],
      },
    });
    const odd = Object.assign(new Error('Method Not Allowed'), { code: 'FST_SOMETHING', statusCode: 405 });
    expect(toHttpError(odd)).toEqual({ status: 405, body: { code: 'BAD_REQUEST', message: '请求无法处理' } });
  });

  it('answers with the platform’s own codes, never a framework’s', () => {
    const framework = ['FST_ERR_VALIDATION', 'FST_ERR_CTP_BODY_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'FST_INVALID_MULTIPART_CONTENT_TYPE', 'FST_ERR_CTP_EMPTY_JSON_BODY', 'FST_ERR_CTP_INVALID_JSON_BODY', 'FST_UNKNOWN'];
    for (const code of framework) {
      const { status, body } = toHttpError(Object.assign(new Error('x'), { code, statusCode: 400 }));
      expect(body.code).not.toMatch(/^FST_/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(toHttpError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
