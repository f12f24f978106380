import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, needsCsrf, setCsrfToken, setUnauthenticatedHandler, toApiError } from './api-client';

describe('buildUrl', () => {
  it.each([
    ['/users', undefined, '/api/v1/users'],
    ['users', undefined, '/api/v1/users'],
    ['/batches', { limit: 21, offset: 0 }, '/api/v1/batches?limit=21&offset=0'],
    ['/audit', { actor: '', action: undefined, outcome: null, from: '2026-01-01' }, '/api/v1/audit?from=2026-01-01'],
    ['/audit', { actor: '张三 & 李四' }, '/api/v1/audit?actor=%E5%BC%A0%E4%B8%89+%26+%E6%9D%8E%E5%9B%9B'],
  ])('%s %j → %s', (path, query, url) => {
    expect(buildUrl(path, query)).toBe(url);
  });
});

describe('needsCsrf', () => {
  it('is true for the methods that change state only', () => {
    expect(['POST', 'patch', 'PUT', 'DELETE'].map(needsCsrf)).toEqual([true, true, true, true]);
    expect(['GET', 'head', 'OPTIONS'].map(needsCsrf)).toEqual([false, false, false]);
  });
});

describe('toApiError', () => {
  it("keeps the server's code and Chinese message", () => {
    const err = toApiError(403, JSON.stringify({ code: 'FORBIDDEN', message: '只能报送本部门的数据', details: { dept: 'x' } }));
    expect(err).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '只能报送本部门的数据', details: { dept: 'x' } });
  });

  it('falls back to a Chinese message by status when the body is not {code, message}', () => {
    expect(toApiError(502, '<html>Bad Gateway</html>').message).toBe('服务器内部错误，请稍后再试');
    expect(toApiError(404, '').message).toBe('请求的内容不存在');
    expect(toApiError(418, '{"error":"teapot"}')).toMatchObject({ code: 'HTTP_418', message: '请求失败（418）' });
  });

  it('reads Retry-After on 429', () => {
    const err = toApiError(429, '', '30');
    expect(err.retryAfter).toBe(30);
    expect(err.message).toBe('操作过于频繁，请 30 秒后再试');
  });
});

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    setUnauthenticatedHandler(null);
  });

  function stubFetch(status: number, body: string) {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(body || null, { status }));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('sends the CSRF token on unsafe methods only, and JSON bodies', async () => {
    const fetchMock = stubFetch(200, '{"ok":true}');
    setCsrfToken('tok-1');
    await apiRequest('POST', '/departments', { body: { uscc: 'X', name: '局' } });
    await apiRequest('GET', '/departments');
    const [postUrl, postInit] = fetchMock.mock.calls[0] ?? [];
    const [, getInit] = fetchMock.mock.calls[1] ?? [];
    expect(postUrl).toBe('/api/v1/departments');
    expect(postInit?.headers).toMatchObject({ 'x-csrf-token': 'tok-1', 'content-type': 'application/json' });
    expect(postInit?.body).toBe('{"uscc":"X","name":"局"}');
    expect(postInit?.credentials).toBe('same-origin');
    expect(getInit?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('leaves the content type of FormData to the browser', async () => {
    const fetchMock = stubFetch(201, '{}');
    const form = new FormData();
    form.append('catalog', 'administrative_penalty');
    await apiRequest('POST', '/batches', { body: form });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe(form);
    expect(init?.headers).not.toHaveProperty('content-type');
  });

  it('resolves undefined for an empty answer', async () => {
    stubFetch(204, '');
    await expect(apiRequest('POST', '/auth/logout')).resolves.toBeUndefined();
  });

  it('rejects with ApiError and reports a 401 to the session unless it was expected', async () => {
    const onUnauthenticated = vi.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    stubFetch(401, '{"code":"UNAUTHENTICATED","message":"请先登录"}');
    await expect(apiRequest('GET', '/users')).rejects.toMatchObject({ status: 401, message: '请先登录' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    await expect(apiRequest('GET', '/auth/session', { expectUnauthenticated: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into a Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiRequest('GET', '/users')).rejects.toMatchObject({ code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  });
});
