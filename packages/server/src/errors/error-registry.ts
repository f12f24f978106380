import localize from 'ajv-i18n/localize/zh/index.js';
import { DomainError } from '@pubcredit/domain';
import { DbError } from '@pubcredit/db';
import { AppError } from './app-error';

interface ErrorEntry {
  status: number;
  /** Chinese message used when the error carries none meant for users (framework errors). */
  message: string;
}

// The one place where error codes become HTTP statuses. Domain, db and server codes share it.
const REGISTRY: Record<string, ErrorEntry> = {
  // domain
  CATALOG_UNKNOWN: { status: 400, message: '未知的信息目录' },
  HEADERS_REFUSED: { status: 422, message: '文件表头无法识别' },
  FILE_UNREADABLE: { status: 422, message: '文件无法读取' },
  DEPARTMENT_UNKNOWN: { status: 422, message: '部门未登记' },
  DEPARTMENT_EXISTS: { status: 409, message: '部门已存在' },
  CALENDAR_YEAR_UNKNOWN: { status: 422, message: '该年度的节假日安排尚未载入' },
  CALENDAR_BAD_SCHEDULE: { status: 422, message: '节假日安排文件格式错误' },
  INVALID_ARGUMENT: { status: 400, message: '请求参数不合法' },
  NOT_FOUND: { status: 404, message: '未找到' },
  // db
  DATA_DIR_LOCKED: { status: 503, message: '数据目录被其他进程占用' },
  AUDIT_UNAVAILABLE: { status: 503, message: '审计日志暂时无法写入，请稍后重试' },
  DB_NOT_UTF8: { status: 500, message: '数据库编码不是 UTF-8' },
  DB_UNAVAILABLE: { status: 503, message: '数据库暂时无法连接，请稍后再试' },
  USER_EXISTS: { status: 409, message: '用户名已被使用' },
  // server: who is calling (401: not known or no longer; 403: known, not allowed)
  UNAUTHENTICATED: { status: 401, message: '请先登录或提供 API 密钥' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  TOTP_REQUIRED: { status: 401, message: '请输入动态口令' },
  TOTP_INVALID: { status: 401, message: '动态口令错误' },
  ACCOUNT_LOCKED: { status: 423, message: '账号已锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },
  FORBIDDEN: { status: 403, message: '无权访问' },
  CSRF_INVALID: { status: 403, message: '缺少或无效的 CSRF 令牌' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码' },
  // server: accounts
  PASSWORD_INCORRECT: { status: 403, message: '当前密码不正确' },
  PASSWORD_WEAK: { status: 422, message: '密码不符合要求' },
  TOTP_ALREADY_ENABLED: { status: 409, message: '动态口令已启用' },
  TOTP_NOT_SET_UP: { status: 409, message: '尚未设置动态口令' },
  TOTP_CONFIRM_FAILED: { status: 422, message: '动态口令不正确' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  UPLOAD_MISSING: { status: 400, message: '请上传文件（表单字段 file）' },
  // our names for what fastify and its plugins raise (see FRAMEWORK_CODES)
  VALIDATION_FAILED: { status: 400, message: '请求参数不合法' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求体过大' },
  FILE_TOO_LARGE: { status: 413, message: '上传文件过大（上限 200 MB）' },
  TOO_MANY_FILES: { status: 413, message: '一次只能上传一个文件' },
  TOO_MANY_FIELDS: { status: 413, message: '表单字段过多' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型：请以 application/json 发送，上传文件请用 multipart/form-data' },
  EMPTY_BODY: { status: 400, message: '请求体为空' },
  INVALID_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  BAD_REQUEST: { status: 400, message: '请求无法处理' },
};

/**
 * Codes of fastify and its plugins, by the code the API answers with instead: clients see only the
 * platform's own codes, which stay when a framework renames its own.
 */
const FRAMEWORK_CODES: Readonly<Record<string, string>> = {
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_MANY_FILES',
  FST_PARTS_LIMIT: 'TOO_MANY_FIELDS',
  FST_FIELDS_LIMIT: 'TOO_MANY_FIELDS',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** The JSON body of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface HttpError {
  status: number;
  body: ErrorBody;
}

interface ValidationItem {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** ajv-i18n's Chinese messages for ajv's keywords (it rewrites `message` in place). */
const localizeZh = localize as unknown as (errors: ValidationItem[]) => void;

/** A validation failure in Chinese; the unknown property's name is added, which the template leaves out. */
function chineseMessages(items: readonly ValidationItem[]): ValidationItem[] {
  const copies = items.map((v) => ({ ...v }));
  if (copies.every((v) => typeof v.keyword === 'string')) localizeZh(copies);
  return copies.map((v) =>
    v.keyword === 'additionalProperties' && typeof v.params?.additionalProperty === 'string'
      ? { ...v, message: `${v.message ?? ''}：${v.params.additionalProperty}` }
      : v,
  );
}

const INTERNAL: HttpError = { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } };

function frameworkDetails(err: { validation?: ValidationItem[]; validationContext?: string }): unknown {
  if (!err.validation) return undefined;
  return chineseMessages(err.validation).map((v) => ({ path: `${err.validationContext ?? ''}${v.instancePath ?? ''}`, message: v.message ?? '' }));
}

/**
 * Maps any thrown value to an HTTP status and a Chinese body. Unknown errors and every 5xx become
 * a generic message: details of server faults never reach users.
 */
export function toHttpError(err: unknown): HttpError {
  if (!(err instanceof Error)) return INTERNAL;
  const raw = (err as { code?: unknown }).code;
  const code = typeof raw === 'string' ? (FRAMEWORK_CODES[raw] ?? raw) : undefined;
  const entry = code === undefined ? undefined : REGISTRY[code];
  if (!entry) {
    const status = (err as { statusCode?: unknown }).statusCode;
    // A client error fastify raised that the registry lacks: keep its status, not its code or English text.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { status, body: { code: 'BAD_REQUEST', message: '请求无法处理' } };
    }
    return INTERNAL;
  }
  if (entry.status >= 500) return { status: entry.status, body: { code: code as string, message: entry.message } };
  const own = err instanceof DomainError || err instanceof DbError || err instanceof AppError;
  const details = own ? (err as DomainError).details : frameworkDetails(err as Parameters<typeof frameworkDetails>[0]);
  const hasDetails = details !== undefined && !(typeof details === 'object' && details !== null && Object.keys(details).length === 0);
  return {
    status: entry.status,
    body: { code: code as string, message: own ? err.message : entry.message, ...(hasDetails ? { details } : {}) },
  };
}

/** Every code the API may answer with, its HTTP status and default message (the OpenAPI document lists them). */
export function errorCodes(): { code: string; status: number; message: string }[] {
  return [...Object.entries(REGISTRY).map(([code, e]) => ({ code, status: e.status, message: e.message })), { code: INTERNAL.body.code, status: INTERNAL.status, message: INTERNAL.body.message }];
}

/** Status of a code, for the CLI's exit codes and tests. */
export function statusOf(code: string): number | undefined {
  return REGISTRY[code]?.status;
}
