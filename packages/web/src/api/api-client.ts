/**
 * Typed fetch for /api/v1: JSON in and out, the session cookie, the CSRF header on unsafe
 * methods, and errors as {@link ApiError} carrying the server's Chinese message.
 */

/** An API failure: the server's stable code and Chinese message (`{code, message}` bodies). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from Retry-After on 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const API_BASE = '/api/v1';

/** Messages for failures whose body carries none (proxies, crashes, HTML error pages). */
const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查填写的内容',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已存在或已被修改，请刷新后重试',
  413: '提交的内容过大',
  415: '不支持的文件类型',
  422: '提交的数据未通过校验',
  429: '操作过于频繁，请稍后再试',
};

/** Methods that change state: the server requires the session's CSRF token on them. */
export function needsCsrf(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export type QueryValue = string | number | boolean | null | undefined;

/** `/api/v1` + path + query; empty and undefined values are left out. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function isErrorBody(body: unknown): body is { code: string; message: string; details?: unknown } {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

/** The {@link ApiError} for a failed response: the body's Chinese message, else one by status. */
export function toApiError(status: number, bodyText: string, retryAfterHeader?: string | null): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const seconds = retryAfterHeader ? Number(retryAfterHeader) : NaN;
  const retryAfter = Number.isFinite(seconds) ? seconds : undefined;
  if (isErrorBody(body)) return new ApiError(status, body.code, body.message, body.details, retryAfter);
  let message = STATUS_MESSAGES[status] ?? (status >= 500 ? '服务器内部错误，请稍后再试' : `请求失败（${status}）`);
  if (status === 429 && retryAfter !== undefined) message = `操作过于频繁，请 ${retryAfter} 秒后再试`;
  return new ApiError(status, `HTTP_${status}`, message, undefined, retryAfter);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Set from the login and session responses; sent as X-CSRF-Token on unsafe methods. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an API call answers 401 (the session expired or was ended elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A JSON body, or FormData for uploads (the browser sets the multipart boundary). */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not report a 401 to the session (login and the session probe expect it). */
  expectUnauthenticated?: boolean;
}

/** Sends one request; resolves with the parsed JSON body (undefined for 204), rejects with ApiError. */
export async function apiRequest<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (needsCsrf(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && !opts.expectUnauthenticated) onUnauthenticated?.();
    throw toApiError(response.status, text, response.headers.get('retry-after'));
  }
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', '服务器返回了无法识别的内容');
  }
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => apiRequest<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => apiRequest<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => apiRequest<T>('PATCH', path, { ...opts, body }),
};

/** A message for anything caught: the ApiError's, else a generic one (never a stack). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '操作失败，请稍后再试';
}
