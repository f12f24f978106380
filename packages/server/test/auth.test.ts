import { hash } from '@node-rs/argon2';
import { testEngines } from '@pubcredit/db/testing';
import type { User } from '@pubcredit/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { ErrorBody } from '../src/schemas/common.schema';
import { totpCode } from '../src/services/auth/totp';
import { createUser } from '../src/services/user.service';
import { DEPT_A, addDepartments } from './fixtures';
import { STAFF_PASSWORD, addStaff, sessionCookieOf, sessionFor, sessionHeaders } from './staff';
import { createTestApp, createTestContext } from './test-context';

interface SessionBody {
  user: { id: string; username: string; role: string; roleName: string; departmentUscc: string | null; departmentName: string | null; mustChangePassword: boolean; totpEnabled: boolean };
  csrfToken: string;
  expiresAt: string;
}

const MINUTE = 60_000;

describe.each(testEngines())('staff login, sessions, CSRF and TOTP on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let clock: Date;
  const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    ctx.now = () => clock;
    await addDepartments(ctx);
    app = await createTestApp(ctx, { http: { loginRateLimit: 0 } });
  });
  beforeEach(() => {
    clock = new Date('2024-05-06T01:00:00Z');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  const login = (username: string, password: string, totp?: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
  const error = (res: LightMyRequestResponse) => res.json<ErrorBody>();

  async function signIn(username: string, password = STAFF_PASSWORD): Promise<{ token: string; body: SessionBody }> {
    const res = await login(username, password);
    expect(res.statusCode, res.body).toBe(200);
    const token = sessionCookieOf(res.headers['set-cookie']);
    expect(token).toBeTruthy();
    return { token: token ?? '', body: res.json<SessionBody>() };
  }

  it('logs in with a session cookie (HttpOnly, SameSite=Strict, Path=/, 8 h) and a CSRF token; stores only hashes', async () => {
    const user = await addStaff(ctx, 'dept_reporter', DEPT_A.uscc, 'zhang.san');
    const res = await login('  Zhang.San ', STAFF_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^pubcredit_session=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/);
    const body = res.json<SessionBody>();
    expect(body.user).toEqual({
      id: user.id,
      username: 'zhang.san',
      displayName: 'zhang.san',
      role: 'dept_reporter',
      roleName: '部门填报员',
      departmentUscc: DEPT_A.uscc,
      departmentName: DEPT_A.name,
      mustChangePassword: false,
      totpEnabled: false,
    });
    expect(body.expiresAt).toBe('2024-05-06T09:00:00.000Z');
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash|totpSecret/i);

    const token = sessionCookieOf(res.headers['set-cookie']) ?? '';
    const session = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(token) });
    expect(session.statusCode).toBe(200);
    expect(session.json<SessionBody>().csrfToken).toBe(body.csrfToken);

    const { rows } = await ctx.db.query<Record<string, unknown>>('select * from sessions where user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(body.csrfToken);
    expect(rows[0]).toMatchObject({ client_ip: '127.0.0.1' });
  });

  it('marks the cookie Secure over HTTPS or when configured', async () => {
    await addStaff(ctx, 'auditor', undefined, 'secure.auditor');
    const secureApp = await createTestApp(ctx, { http: { cookieSecure: true, loginRateLimit: 0 } });
    try {
      const res = await secureApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'secure.auditor', password: STAFF_PASSWORD } });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    } finally {
      await secureApp.close();
    }
    const proxied = await createTestApp(ctx, { http: { trustProxy: true, loginRateLimit: 0 } });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'secure.auditor', password: STAFF_PASSWORD },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('stores argon2id and upgrades a hash made with older parameters at the next login', async () => {
    const user = await addStaff(ctx, 'auditor', undefined, 'old.hash');
    const stored = async () => (await ctx.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [user.id])).rows[0]?.password_hash;
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await ctx.db.query('update users set password_hash = $2 where id = $1', [user.id, await hash(STAFF_PASSWORD, { memoryCost: 4096, timeCost: 1 })]);
    expect((await login('old.hash', STAFF_PASSWORD)).statusCode).toBe(200);
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login('old.hash', STAFF_PASSWORD)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    await addStaff(ctx, 'credit_officer', undefined, 'li.si');
    const wrong = await login('li.si', 'Wrong-Password-1');
    const unknown = await login('nobody', 'Wrong-Password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(error(wrong)).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    expect(error(unknown)).toEqual(error(wrong));
    expect(sessionCookieOf(wrong.headers['set-cookie'])).toBeUndefined();
  });

  it('locks after 5 failures for 1, then 2 minutes, saying until when (Beijing time), and unlocks on success', async () => {
    await addStaff(ctx, 'credit_officer', undefined, 'wang.wu');
    for (let i = 1; i <= 4; i++) expect((await login('wang.wu', `Wrong-Password-${i}`)).statusCode).toBe(401);
    const fifth = await login('wang.wu', 'Wrong-Password-5');
    expect(fifth.statusCode).toBe(423);
    expect(error(fifth)).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: '登录失败次数过多，账号已锁定至 2024-05-06 09:01:00（北京时间），请届时再试或联系平台管理员',
      details: { lockedUntil: '2024-05-06T01:01:00.000Z', retryAfter: 60 },
    });
    expect(fifth.headers['retry-after']).toBe('60');
    // While locked even the right password is refused, and the refusal does not extend the lock.
    tick(30_000);
    const locked = await login('wang.wu', STAFF_PASSWORD);
    expect(error(locked).code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBe('30');
    tick(31_000);
    const sixth = await login('wang.wu', 'Wrong-Password-6');
    expect(error(sixth)).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil: '2024-05-06T01:03:01.000Z' } });
    tick(2 * MINUTE);
    expect((await login('wang.wu', STAFF_PASSWORD)).statusCode).toBe(200);
    // The count starts again from zero.
    expect((await login('wang.wu', 'Wrong-Password-7')).statusCode).toBe(401);
  });

  it('locks a username without an account on the same schedule, so a 423 does not tell that an account exists', async () => {
    await addStaff(ctx, 'credit_officer', undefined, 'real.user');
    const answers = async (username: string) => {
      const out: Array<{ status: number; body: ErrorBody; retryAfter: unknown }> = [];
      for (let i = 1; i <= 6; i++) {
        const res = await login(username, `Wrong-Password-${i}`);
        out.push({ status: res.statusCode, body: error(res), retryAfter: res.headers['retry-after'] });
      }
      return out;
    };
    const real = await answers('real.user');
    const ghost = await answers('no.such.user');
    expect(ghost.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    // Word for word the same answers, lock times and Retry-After included.
    expect(ghost).toEqual(real);
    // The lock ends as an account's does; case and spaces name the same username.
    tick(MINUTE + 1000);
    expect(error(await login('  No.Such.User ', 'Wrong-Password-7'))).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfter: 120 } });
  });

  it('refuses a disabled account at login, and ends its sessions', async () => {
    const admin = await addStaff(ctx, 'platform_admin', undefined, 'admin.disable');
    const user = await addStaff(ctx, 'dept_reviewer', DEPT_A.uscc, 'zhao.liu');
    const { token } = await signIn('zhao.liu');
    const adminSession = await sessionFor(ctx, admin);
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: adminSession.headers, payload: { disabled: true } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json<{ disabled: boolean }>().disabled).toBe(true);

    const afterDisable = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(token) });
    expect(afterDisable.statusCode).toBe(401);
    expect(error(await login('zhao.liu', STAFF_PASSWORD))).toEqual({ code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系平台管理员' });
    expect(error(await login('zhao.liu', 'Wrong-Password-1')).code).toBe('LOGIN_FAILED');
  });

  it('ends a session after 30 idle minutes and after 8 hours whatever', async () => {
    await addStaff(ctx, 'auditor', undefined, 'idle.auditor');
    const idle = await signIn('idle.auditor');
    tick(29 * MINUTE);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(idle.token) })).statusCode).toBe(200);
    tick(31 * MINUTE);
    const expired = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(idle.token) });
    expect(expired.statusCode).toBe(401);
    expect(error(expired)).toEqual({ code: 'SESSION_EXPIRED', message: '已连续 30 分钟无操作，请重新登录' });

    const busy = await signIn('idle.auditor');
    for (let t = 0; t < 8 * 60; t += 20) {
      tick(20 * MINUTE);
      const res = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(busy.token) });
      if (t + 20 < 8 * 60) expect(res.statusCode, `at ${t + 20} min`).toBe(200);
      else expect(error(res)).toEqual({ code: 'SESSION_EXPIRED', message: '登录已满 8 小时，请重新登录' });
    }
  });

  it('requires the CSRF header on unsafe methods of a cookie session', async () => {
    const admin = await addStaff(ctx, 'platform_admin', undefined, 'admin.csrf');
    const { token, body } = await signIn(admin.username);
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/departments', headers, payload: { uscc: '11410400MB0000035Y', name: '平顶山市测试局' } });
    const missing = await post(sessionHeaders(token));
    expect(missing.statusCode).toBe(403);
    expect(error(missing).code).toBe('CSRF_INVALID');
    expect(error(await post(sessionHeaders(token, 'forged'))).code).toBe('CSRF_INVALID');
    // Another session's token does not fit this one.
    const other = await sessionFor(ctx, admin);
    expect(error(await post(sessionHeaders(token, other.csrfToken))).code).toBe('CSRF_INVALID');
    expect((await post(sessionHeaders(token, body.csrfToken))).statusCode).not.toBe(403);
    // Reads need no token.
    expect((await app.inject({ method: 'GET', url: '/api/v1/departments', headers: sessionHeaders(token) })).statusCode).toBe(200);
  });

  it('forces a one-time password to be changed first, by the policy, and renews the session', async () => {
    const admin = await addStaff(ctx, 'platform_admin', undefined, 'admin.first');
    const { password } = await createUser(ctx, { username: 'new.officer', role: '信用中心业务员' });
    const first = await signIn('new.officer', password);
    expect(first.body.user.mustChangePassword).toBe(true);
    const h = sessionHeaders(first.token, first.body.csrfToken);
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/departments', headers: h });
    expect(blocked.statusCode).toBe(403);
    expect(error(blocked)).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码，再使用其他功能' });

    const change = (current: string, next: string) => app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: h, payload: { current, next } });
    const weak = await change(password, 'new.officer-2024');
    expect(weak.statusCode).toBe(422);
    expect(error(weak)).toMatchObject({ code: 'PASSWORD_WEAK', details: { problems: ['密码不能包含用户名'] } });
    expect(error(await change(password, 'short')).details).toEqual({
      problems: ['密码至少需要 12 个字符', '密码需包含大写字母、小写字母、数字、其他符号中的至少 3 类（现有 1 类）'],
    });
    const wrongCurrent = await change('Not-The-Password-1', 'Pingdingshan-2024');
    expect(wrongCurrent.statusCode).toBe(403);
    expect(error(wrongCurrent).code).toBe('PASSWORD_INCORRECT');

    const ok = await change(password, 'Pingdingshan-2024');
    expect(ok.statusCode, ok.body).toBe(200);
    const renewed = sessionCookieOf(ok.headers['set-cookie']) ?? '';
    expect(renewed).not.toBe(first.token);
    expect(ok.json<SessionBody>().user.mustChangePassword).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(first.token) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/departments', headers: sessionHeaders(renewed) })).statusCode).toBe(200);
    expect((await login('new.officer', password)).statusCode).toBe(401);
    expect((await login('new.officer', 'Pingdingshan-2024')).statusCode).toBe(200);
    expect(admin.role).toBe('platform_admin');
  });

  it('sets up TOTP in two steps, then asks for a code at login and never accepts one twice', async () => {
    const user = await addStaff(ctx, 'credit_officer', undefined, 'totp.user');
    const { token, body } = await signIn('totp.user');
    const h = sessionHeaders(token, body.csrfToken);
    const wrongPassword = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: h, payload: { password: 'Nope-Nope-1234' } });
    expect(error(wrongPassword).code).toBe('PASSWORD_INCORRECT');
    const notYet = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: h, payload: { code: '123456' } });
    expect(error(notYet).code).toBe('TOTP_NOT_SET_UP');

    const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: h, payload: { password: STAFF_PASSWORD } });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, uri } = setup.json<{ secret: string; uri: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/PubCredit:totp\.user\?/);
    const { rows } = await ctx.db.query<{ totp_secret_cipher: string }>('select totp_secret_cipher from users where id = $1', [user.id]);
    expect(rows[0]?.totp_secret_cipher).toMatch(/^v1:/);
    expect(rows[0]?.totp_secret_cipher).not.toContain(secret);
    // Not enabled before confirmation: login still needs no code.
    expect((await login('totp.user', STAFF_PASSWORD)).statusCode).toBe(200);

    const wrongCode = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: h, payload: { code: '000000' } });
    expect(wrongCode.statusCode).toBe(422);
    expect(error(wrongCode).code).toBe('TOTP_CONFIRM_FAILED');
    const confirm = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: h, payload: { code: totpCode(secret, clock) } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json<{ totpEnabled: boolean }>().totpEnabled).toBe(true);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: h, payload: { password: STAFF_PASSWORD } });
    expect(again.statusCode).toBe(409);

    tick(30_000);
    const challenge = await login('totp.user', STAFF_PASSWORD);
    expect(challenge.statusCode).toBe(401);
    expect(error(challenge)).toEqual({ code: 'TOTP_REQUIRED', message: '请输入动态口令（身份验证器中的 6 位数字）' });
    expect(sessionCookieOf(challenge.headers['set-cookie'])).toBeUndefined();
    const bad = await login('totp.user', STAFF_PASSWORD, '000000');
    expect(error(bad).code).toBe('TOTP_INVALID');
    const code = totpCode(secret, clock);
    expect((await login('totp.user', STAFF_PASSWORD, code)).statusCode).toBe(200);
    expect(error(await login('totp.user', STAFF_PASSWORD, code)).code).toBe('TOTP_INVALID');
    // A code from the previous 30 seconds still passes (clock drift), once.
    tick(30_000);
    expect((await login('totp.user', STAFF_PASSWORD, totpCode(secret, clock))).statusCode).toBe(200);

    // The administrator clears it after a lost phone.
    const admin = await sessionFor(ctx, await addStaff(ctx, 'platform_admin', undefined, 'admin.totp'));
    const reset = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: admin.headers, payload: { resetTotp: true } });
    expect(reset.json<{ totpEnabled: boolean }>().totpEnabled).toBe(false);
    expect((await login('totp.user', STAFF_PASSWORD)).statusCode).toBe(200);
  });

  it('wrong TOTP codes count towards the lockout', async () => {
    const user: User = await addStaff(ctx, 'auditor', undefined, 'totp.lock');
    const s = await sessionFor(ctx, user);
    const { secret } = (
      await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: s.headers, payload: { password: STAFF_PASSWORD } })
    ).json<{ secret: string }>();
    await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: s.headers, payload: { code: totpCode(secret, clock) } });
    tick(60_000);
    for (let i = 0; i < 4; i++) expect(error(await login('totp.lock', STAFF_PASSWORD, '000000')).code).toBe('TOTP_INVALID');
    expect(error(await login('totp.lock', STAFF_PASSWORD, '000000')).code).toBe('ACCOUNT_LOCKED');
  });

  it('logs out: the cookie is cleared and the session ends', async () => {
    await addStaff(ctx, 'auditor', undefined, 'bye.auditor');
    const { token, body } = await signIn('bye.auditor');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: sessionHeaders(token, body.csrfToken) });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^pubcredit_session=; Max-Age=0; Path=\/; Expires=.*; HttpOnly; SameSite=Strict$/);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: sessionHeaders(token) });
    expect(after.statusCode).toBe(401);
    expect(error(after)).toEqual({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' });
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(error(anonymous)).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});
