import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { ErrorBody } from '../src/schemas/common.schema';
import { createUser } from '../src/services/user.service';
import { DEPT_A, DEPT_B, addDepartments } from './fixtures';
import { multipart } from './multipart';
import { STAFF_PASSWORD, addStaff, sessionCookieOf, sessionFor, sessionHeaders } from './staff';
import type { StaffCookie } from './staff';
import { createTestApp, createTestContext } from './test-context';

interface UserBody {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentUscc: string | null;
  departmentName: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
}

const PENALTY_CSV = [
  'CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM',
  `平顶山市鹰城建材有限公司,法人及非法人组织,91410402MA9G12340K,王建国,平环罚〔2024〕1号,违法排污,超标排放,《大气污染防治法》第九十九条,罚款,罚款1万元,1,2024-03-01,2025-03-01,${DEPT_B.name},${DEPT_B.uscc},${DEPT_B.name},${DEPT_B.uscc}`,
].join('\r\n');

describe.each(testEngines())('accounts administration on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let admin: StaffCookie;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    app = await createTestApp(ctx, { http: { loginRateLimit: 0 } });
    admin = await sessionFor(ctx, await addStaff(ctx, 'platform_admin', undefined, 'root.admin'));
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, who: StaffCookie = admin) =>
    app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });
  const error = (res: LightMyRequestResponse) => res.json<ErrorBody>();

  async function loginAs(username: string, password: string): Promise<StaffCookie> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const token = sessionCookieOf(res.headers['set-cookie']) ?? '';
    const { csrfToken } = res.json<{ csrfToken: string }>();
    return { token, csrfToken, headers: sessionHeaders(token, csrfToken) };
  }

  it('walk-through: the first administrator creates a 部门填报员, who uploads for its own department only', async () => {
    // First run (what `pubcredit users add --role 平台管理员` does), then the forced password change.
    const first = await createUser(ctx, { username: 'admin', role: '平台管理员' });
    let root = await loginAs('admin', first.password);
    const changed = await call('POST', '/auth/password', { current: first.password, next: 'Pingdingshan-Root-1' }, root);
    expect(changed.statusCode, changed.body).toBe(200);
    root = await loginAs('admin', 'Pingdingshan-Root-1');

    const created = await call('POST', '/users', { username: 'env.reporter', displayName: '生态环境局填报员', role: 'dept_reporter', departmentUscc: DEPT_B.uscc }, root);
    expect(created.statusCode, created.body).toBe(201);
    const { user, password } = created.json<{ user: UserBody; password: string }>();
    expect(user).toMatchObject({ username: 'env.reporter', role: 'dept_reporter', departmentUscc: DEPT_B.uscc, departmentName: DEPT_B.name, mustChangePassword: true, disabled: false });
    expect(password).toHaveLength(16);

    let reporter = await loginAs('env.reporter', password);
    expect((await call('POST', '/auth/password', { current: password, next: 'Shengtai-Huanjing-2024' }, reporter)).statusCode).toBe(200);
    reporter = await loginAs('env.reporter', 'Shengtai-Huanjing-2024');

    const upload = (fields: Record<string, string>) => {
      const body = multipart({ catalog: 'administrative_penalty', ...fields }, { fileName: '行政处罚.csv', content: PENALTY_CSV });
      return app.inject({ method: 'POST', url: '/api/v1/batches', headers: { ...reporter.headers, ...body.headers }, payload: body.payload });
    };
    const own = await upload({});
    expect(own.statusCode, own.body).toBe(201);
    const { batchId } = own.json<{ batchId: string }>();
    const batch = await call('GET', `/batches/${batchId}`, undefined, reporter);
    expect(batch.json<{ sourceDept: string }>().sourceDept).toBe(DEPT_B.uscc);

    const foreign = await upload({ department: DEPT_A.uscc });
    expect(foreign.statusCode).toBe(403);
    expect(error(foreign).message).toBe(`只能上报本部门的数据：当前账号属于${DEPT_B.name}（${DEPT_B.uscc}），不能为${DEPT_A.name}（${DEPT_A.uscc}）上报`);

    // Another department's reporter neither sees the batch nor lists it.
    const other = await sessionFor(ctx, await addStaff(ctx, 'dept_reporter', DEPT_A.uscc));
    const refused = await call('GET', `/batches/${batchId}`, undefined, other);
    expect(refused.statusCode).toBe(403);
    expect(error(refused).message).toBe('只能查看本部门报送的批次');
    expect((await call('GET', '/batches', undefined, other)).json<{ batches: unknown[] }>().batches).toEqual([]);
    // The credit centre sees every department's batches.
    const officer = await sessionFor(ctx, await addStaff(ctx, 'credit_officer'));
    expect((await call('GET', '/batches', undefined, officer)).json<{ batches: { batchId: string }[] }>().batches.map((b) => b.batchId)).toContain(batchId);
  });

  it('creates accounts by role code or Chinese name and checks the department rule', async () => {
    const byName = await call('POST', '/users', { username: '审核员甲', role: '部门审核员', departmentUscc: DEPT_A.uscc });
    expect(byName.statusCode, byName.body).toBe(201);
    expect(byName.json<{ user: UserBody }>().user).toMatchObject({ username: '审核员甲', role: 'dept_reviewer', displayName: '审核员甲' });

    const cases: [object, number, string][] = [
      [{ username: 'x.reporter', role: 'dept_reporter' }, 400, '部门填报员（dept_reporter）必须指定所属部门（统一社会信用代码）'],
      [{ username: 'x.auditor', role: 'auditor', departmentUscc: DEPT_A.uscc }, 400, '审计员（auditor）不属于任何部门，请不要指定部门'],
      [{ username: 'x.reviewer', role: 'dept_reviewer', departmentUscc: '11410400MB0000043T' }, 422, '部门 11410400MB0000043T 未登记，请先登记部门'],
      [{ username: 'x.boss', role: '局长' }, 400, '未知的角色：局长；可用：平台管理员（platform_admin）、信用中心业务员（credit_officer）、部门填报员（dept_reporter）、部门审核员（dept_reviewer）、审计员（auditor）'],
      [{ username: 'a b', role: 'auditor' }, 400, '用户名只能包含文字、数字和 . _ -，且以文字或数字开头：a b'],
      [{ username: 'ROOT.ADMIN', role: 'auditor' }, 409, '用户名 root.admin 已被使用'],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('POST', '/users', body);
      expect([res.statusCode, error(res).message], JSON.stringify(body)).toEqual([status, message]);
    }
    expect((await call('POST', '/users', { username: 'x', role: 'auditor', password: 'mine' })).statusCode).toBe(400);
  });

  it('lists accounts without secrets, changes role and department, disables and re-enables', async () => {
    const list = await call('GET', '/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/argon2|passwordHash|totpSecret/);
    const { user } = (await call('POST', '/users', { username: 'mover', role: 'credit_officer' })).json<{ user: UserBody }>();

    const toDept = await call('PATCH', `/users/${user.id}`, { role: '部门审核员', departmentUscc: DEPT_A.uscc });
    expect(toDept.json<UserBody>()).toMatchObject({ role: 'dept_reviewer', departmentUscc: DEPT_A.uscc });
    const noDept = await call('PATCH', `/users/${user.id}`, { departmentUscc: null });
    expect(noDept.statusCode).toBe(400);
    const back = await call('PATCH', `/users/${user.id}`, { role: 'auditor' });
    expect(back.json<UserBody>()).toMatchObject({ role: 'auditor', departmentUscc: null });
    expect((await call('PATCH', `/users/${user.id}`, { disabled: true })).json<UserBody>().disabled).toBe(true);
    expect((await call('PATCH', `/users/${user.id}`, { disabled: false })).json<UserBody>().disabled).toBe(false);

    const me = (await call('GET', '/auth/session')).json<{ user: UserBody }>().user;
    const selfDisable = await call('PATCH', `/users/${me.id}`, { disabled: true });
    expect(selfDisable.statusCode).toBe(403);
    expect(error(selfDisable).message).toBe('不能停用自己的账号或更改自己的角色，请由另一位平台管理员操作');
    expect((await call('POST', `/users/${me.id}/reset-password`)).statusCode).toBe(403);
  });

  it('resets a password: a new one-time password, the lock lifted, the sessions ended', async () => {
    const user = await addStaff(ctx, 'auditor', undefined, 'forgetful');
    const old = await sessionFor(ctx, user);
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'forgetful', password: `Bad-Guess-${i}-xyz` } });
    const reset = await call('POST', `/users/${user.id}/reset-password`);
    expect(reset.statusCode, reset.body).toBe(200);
    const { password } = reset.json<{ password: string; user: UserBody }>();
    expect(reset.json<{ user: UserBody }>().user.mustChangePassword).toBe(true);
    expect((await call('GET', '/auth/session', undefined, old)).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'forgetful', password: STAFF_PASSWORD } })).statusCode).toBe(401);
    const fresh = await loginAs('forgetful', password);
    expect((await call('GET', '/auth/session', undefined, fresh)).json<{ user: UserBody }>().user.mustChangePassword).toBe(true);
  });

  it('registers and lists departments', async () => {
    const bad = await call('POST', '/departments', { uscc: '11410400MB0000043X', name: '平顶山市交通运输局' });
    expect(bad.statusCode).toBe(400);
    expect(error(bad).message).toMatch(/^统一社会信用代码 11410400MB0000043X 无效/);
    const ok = await call('POST', '/departments', { uscc: '11410400MB00000432', name: '平顶山市交通运输局' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await call('POST', '/departments', { uscc: '11410400MB00000432', name: '重复' })).statusCode).toBe(409);
    const list = (await call('GET', '/departments')).json<{ departments: { uscc: string }[] }>();
    expect(list.departments.map((d) => d.uscc)).toContain('11410400MB00000432');
  });

  it('creates department and system keys, lists them without the key, revokes them at once', async () => {
    const dept = await call('POST', '/apikeys', { departmentUscc: DEPT_A.uscc, scopes: ['batches:write', 'batches:read'] });
    expect(dept.statusCode, dept.body).toBe(201);
    const { id, key } = dept.json<{ id: string; key: string }>();
    expect(key).toMatch(/^pck_[\w-]{43}$/);
    const system = await call('POST', '/apikeys', { systemName: '平顶山市政务服务网', scopes: ['credit-check:read'] });
    expect(system.statusCode).toBe(201);

    const cases: [object, string][] = [
      [{ departmentUscc: DEPT_A.uscc, systemName: '两者', scopes: ['batches:read'] }, '请指定密钥所属部门（departmentUscc，命令行 --department）或调用系统名称（systemName，命令行 --system），二者选一'],
      [{ scopes: ['batches:read'] }, '请指定密钥所属部门（departmentUscc，命令行 --department）或调用系统名称（systemName，命令行 --system），二者选一'],
      [{ departmentUscc: DEPT_A.uscc, scopes: ['credit-check:read'] }, '部门密钥不能带有权限 credit-check:read；部门密钥可用：batches:write、batches:read'],
      [{ systemName: '政务服务网', scopes: ['batches:write'] }, '系统密钥不能带有权限 batches:write；系统密钥可用：credit-check:read、metrics:read'],
      [{ departmentUscc: '91410402MA9G12341J', scopes: ['batches:read'] }, '部门 91410402MA9G12341J 未登记，请先在“部门管理”中登记（命令行：pubcredit departments add）'],
    ];
    for (const [body, message] of cases) expect(error(await call('POST', '/apikeys', body)).message).toBe(message);
    expect((await call('POST', '/apikeys', { departmentUscc: DEPT_A.uscc, scopes: ['everything'] })).statusCode).toBe(400);

    const list = await call('GET', '/apikeys');
    expect(list.body).not.toContain(key);
    const keys = list.json<{ apiKeys: { id: string; departmentName: string | null; systemName: string | null }[] }>().apiKeys;
    // Named by department, as the console shows them (a system key has none).
    expect(keys.find((k) => k.id === id)).toMatchObject({ departmentName: DEPT_A.name, systemName: null });
    expect(keys.find((k) => k.id === system.json<{ id: string }>().id)).toMatchObject({ departmentName: null, systemName: '平顶山市政务服务网' });
    const bearer = { authorization: `Bearer ${key}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/batches', headers: bearer })).statusCode).toBe(200);
    const revoked = await call('POST', `/apikeys/${id}/revoke`);
    expect(revoked.json<{ revokedAt: string | null; departmentName: string | null }>()).toMatchObject({ revokedAt: expect.any(String) as string, departmentName: DEPT_A.name });
    const after = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(error(after).message).toBe('API 密钥无效或已吊销');
  });
});
