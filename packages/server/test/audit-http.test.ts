import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_ACTIONS, auditSpec } from '../src/audit/audit.plugin';
import type { AppContext } from '../src/context';
import type { AuditEntryBody } from '../src/schemas/audit.schema';
import { DEPT_A, addDepartments, departmentKey } from './fixtures';
import { STAFF_PASSWORD, addStaff, sessionFor } from './staff';
import type { StaffCookie } from './staff';
import { createTestApp, createTestContext } from './test-context';

const ID_NUMBER = '410402199001011234';

describe.each(testEngines())('audit trail of the HTTP API on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let auditor: StaffCookie;
  let admin: StaffCookie;
  let reporter: StaffCookie;
  let keyA: string;
  const routes: string[] = [];
  const recorded: { route: string; purpose: string | undefined }[] = [];

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    app = await createTestApp(ctx, {
      http: { loginRateLimit: 0, rateLimit: 0 },
      onRoute: (r) =>
        (Array.isArray(r.method) ? r.method : [r.method]).forEach((m) => {
          routes.push(`${m} ${r.url}`);
          const spec = r.config ? auditSpec(m, r.url, r.config as Parameters<typeof auditSpec>[2]) : undefined;
          if (spec) recorded.push({ route: `${m} ${r.url}`, purpose: spec.purpose });
        }),
    });
    auditor = await sessionFor(ctx, await addStaff(ctx, 'auditor', undefined, 'auditor1'));
    admin = await sessionFor(ctx, await addStaff(ctx, 'platform_admin', undefined, 'admin1'));
    reporter = await sessionFor(ctx, await addStaff(ctx, 'dept_reporter', DEPT_A.uscc, 'reporter1'));
    keyA = await departmentKey(ctx, DEPT_A.uscc);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  /** Entries of the action, oldest first, once the queued ones are written. */
  async function entries(action: string): Promise<AuditEntryBody[]> {
    await app.flushAudit();
    const res = await app.inject({ method: 'GET', url: `/api/v1/audit?action=${encodeURIComponent(action)}&limit=200`, headers: auditor.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ entries: AuditEntryBody[] }>().entries.filter((e) => e.action === action).reverse();
  }

  async function rawTrail(): Promise<string> {
    await app.flushAudit();
    const { rows } = await ctx.db.query('select * from audit_log order by seq');
    return JSON.stringify(rows);
  }

  it('names only routes that exist (a renamed route must take its audit name along)', () => {
    for (const known of Object.keys(KNOWN_ACTIONS)) expect(routes, known).toContain(known);
  });

  it('says why each recorded route is called, unless the caller says so (X-Purpose)', () => {
    expect(recorded.length).toBeGreaterThan(20);
    expect(recorded.filter((r) => !r.purpose).map((r) => r.route)).toEqual([]);
  });

  it('records logins: who signed in, or the name tried, never the password', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reporter1', password: STAFF_PASSWORD } });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reporter1', password: 'Wrong-Password-1' } });
    expect(bad.statusCode).toBe(401);
    const logins = await entries('auth.login');
    expect(logins.map((e) => [e.outcome, e.status, e.actorKind, e.actorName, (e.details.body as Record<string, unknown>).username])).toEqual([
      ['success', 200, 'user', 'reporter1', 'reporter1'],
      ['denied', 401, 'anonymous', null, 'reporter1'],
    ]);
    expect(logins[0]?.departmentUscc).toBe(DEPT_A.uscc);
    expect(logins[1]?.details.error).toBe('LOGIN_FAILED');
    expect(logins[0]?.clientIp).toBe('127.0.0.1');
    expect(await rawTrail()).not.toContain(STAFF_PASSWORD);
  });

  it('records reads of non-public data with the key or user and its department, not public reads', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/catalogs' })).statusCode).toBe(200);
    const read = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: { authorization: `Bearer ${keyA}` } });
    expect(read.statusCode, read.body).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/api/v1/batches?limit=5', headers: reporter.headers });
    expect(list.statusCode, list.body).toBe(200);
    const [byKey, byUser] = await entries('batch.list');
    expect(byKey).toMatchObject({ actorKind: 'key', departmentUscc: DEPT_A.uscc, outcome: 'success', status: 200, target: '/api/v1/batches' });
    expect(byUser).toMatchObject({ actorKind: 'user', actorName: 'reporter1', departmentUscc: DEPT_A.uscc, details: { query: { limit: 5 } } });
    await app.flushAudit();
    const { rows } = await ctx.db.query(`select count(*)::int as n from audit_log where target like '/api/v1/catalogs%'`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('records refusals: no credentials, wrong role', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/batches' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: reporter.headers })).statusCode).toBe(403);
    expect((await entries('batch.list')).at(-1)).toMatchObject({ actorKind: 'anonymous', actorName: null, outcome: 'denied', status: 401 });
    expect((await entries('audit.search')).find((e) => e.actorName === 'reporter1')).toMatchObject({ outcome: 'denied', status: 403 });
  });

  it('records a change with the id it created, never the secret it answered', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/apikeys',
      headers: { ...admin.headers, 'x-purpose': encodeURIComponent('为市场监管局开通上报') },
      payload: { departmentUscc: DEPT_A.uscc, scopes: ['batches:write'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, key } = res.json<{ id: string; key: string }>();
    const [created] = await entries('apikey.create');
    expect(created).toMatchObject({ actorName: 'admin1', outcome: 'success', status: 201, purpose: '为市场监管局开通上报', details: { id } });
    expect(await rawTrail()).not.toContain(key);
    // The entry names the key it created, so an auditor finds it by the key's id (a refused creation keeps the path).
    expect(created?.target).toBe(`/api/v1/apikeys/${id}`);
    const revoke = await app.inject({ method: 'POST', url: `/api/v1/apikeys/${id}/revoke`, headers: admin.headers });
    expect(revoke.statusCode, revoke.body).toBe(200);
    await app.flushAudit();
    const found = await app.inject({ method: 'GET', url: `/api/v1/audit?target=${id}`, headers: auditor.headers });
    expect(found.json<{ entries: AuditEntryBody[] }>().entries.map((e) => e.action)).toEqual(['apikey.revoke', 'apikey.create']);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/apikeys', headers: reporter.headers, payload: { departmentUscc: DEPT_A.uscc, scopes: ['batches:write'] } });
    expect(refused.statusCode).toBe(403);
    expect((await entries('apikey.create')).at(-1)).toMatchObject({ outcome: 'denied', target: '/api/v1/apikeys' });
  });

  it('masks a personal ID number wherever a request carries it', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/audit?actor=${ID_NUMBER}`, headers: { ...auditor.headers, 'x-purpose': `核查 ${ID_NUMBER}` } });
    expect(res.statusCode).toBe(200);
    const trail = await rawTrail();
    expect(trail).not.toContain(ID_NUMBER);
    expect(trail).toContain('4104**********1234');
  });

  it('lets auditors search, export with the formula guard, and verify', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '=HYPERLINK("http://x")', password: 'Nope-Nope-1234' } });
    await app.flushAudit();
    const csv = await app.inject({ method: 'GET', url: '/api/v1/audit/export.csv?action=auth.login', headers: auditor.headers });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    // The columns a tool re-checking the chain reads come first, unchanged; those for people follow.
    expect(lines[0]).toBe(
      '序号,时间,操作人类别,操作人编号,操作人,所属部门,操作,对象,目的,客户端地址,客户端,结果,状态码,详情,前一哈希,哈希,' +
        '时间（北京时间）,所属部门名称,补记,补记：暂存时间（北京时间）,补记：写入审计链时间（北京时间）,操作名称',
    );
    expect(lines.filter((l) => l.includes('auth.login'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes(',auth.login,')).every((l) => l.endsWith(',登录'))).toBe(true);
    expect(csv.body).not.toMatch(/,=HYPERLINK/);

    const verify = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: auditor.headers });
    expect(verify.json()).toMatchObject({ ok: true });
    const forbidden = await app.inject({ method: 'GET', url: '/api/v1/audit/export.csv', headers: { authorization: `Bearer ${keyA}` } });
    expect(forbidden.statusCode).toBe(403);
  });

  it("names the actor's department, matches its code in any case, and shows times in Beijing time in the export", async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/batches', headers: reporter.headers })).statusCode).toBe(200);
    const [read] = (await entries('batch.list')).filter((e) => e.actorName === 'reporter1').slice(-1);
    expect(read).toMatchObject({ departmentUscc: DEPT_A.uscc, departmentName: DEPT_A.name });
    const byDept = await app.inject({ method: 'GET', url: `/api/v1/audit?departmentUscc=${DEPT_A.uscc.toLowerCase()}&action=batch.list`, headers: auditor.headers });
    expect(byDept.json<{ entries: AuditEntryBody[] }>().entries.map((e) => e.seq)).toContain(read?.seq);
    // A staff member of no department has none to name.
    expect((await entries('audit.search')).at(-1)).toMatchObject({ departmentUscc: null, departmentName: null });

    const csv = await app.inject({ method: 'GET', url: `/api/v1/audit/export.csv?departmentUscc=${DEPT_A.uscc}&action=batch.list`, headers: auditor.headers });
    const row = csv.body.split('\r\n').find((l) => l.startsWith(`${read?.seq},`)) ?? '';
    const at = new Date(read?.at ?? '');
    const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    expect(row).toContain(`,${at.toISOString()},`);
    // …then, after the hashes: Beijing time, the department's name, no 补记 mark (written on time),
    // and the action's name.
    expect(row.endsWith(`,${read?.hash},${beijing},${DEPT_A.name},,,,查看报送批次`)).toBe(true);
  });

  it('names a registered department as the target of its creation, so a search by its code finds it', async () => {
    const uscc = '11410400MB00000432';
    const created = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc: uscc.toLowerCase(), name: '平顶山市交通运输局' } });
    expect(created.statusCode, created.body).toBe(201);
    await app.flushAudit();
    const found = await app.inject({ method: 'GET', url: `/api/v1/audit?target=${uscc}`, headers: auditor.headers });
    expect(found.json<{ entries: AuditEntryBody[] }>().entries.map((e) => [e.action, e.target])).toEqual([['department.create', `/api/v1/departments/${uscc}`]]);
    // A refused registration keeps the path it was sent to.
    expect((await app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc, name: '重复' } })).statusCode).toBe(409);
    expect((await entries('department.create')).at(-1)).toMatchObject({ status: 409, target: '/api/v1/departments' });
  });

  it('refuses, in Chinese, a search whose start comes after its end or whose time is no time', async () => {
    const reversed = await app.inject({ method: 'GET', url: '/api/v1/audit?from=2026-05-02&to=2026-05-01', headers: auditor.headers });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ message: string }>().message).toBe('起始时间“2026-05-02”晚于截止时间“2026-05-01”，请对调或修改');
    const oneDay = await app.inject({ method: 'GET', url: '/api/v1/audit?from=2026-05-01&to=2026-05-01', headers: auditor.headers });
    expect(oneDay.statusCode).toBe(200);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/audit/export.csv?from=昨天', headers: auditor.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/^时间“昨天”无效/);
  });

  it('answers no read of non-public data whose entry cannot be written (fail closed); refusals and changes still go out', async () => {
    await app.flushAudit();
    const before = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.body).toContain('auditor1');
    await ctx.db.query('alter table audit_log rename to audit_log_away');
    try {
      const read = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
      expect(read.statusCode).toBe(503);
      const body = read.json<{ code: string; message: string }>();
      expect(body.code).toBe('AUDIT_UNAVAILABLE');
      expect(body.message).toContain('审计日志暂时无法写入');
      expect(read.body).not.toContain('auditor1');
      const download = await app.inject({ method: 'GET', url: '/api/v1/audit/export.csv', headers: auditor.headers });
      expect(download.statusCode).toBe(503);
      expect(download.headers['content-disposition']).toBeUndefined();
      const refused = await app.inject({ method: 'GET', url: '/api/v1/users', headers: reporter.headers });
      expect(refused.statusCode).toBe(403);
      const change = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc: '114104000058470911', name: '平顶山市审计测试局' } });
      expect([200, 201]).toContain(change.statusCode);
    } finally {
      await ctx.db.query('alter table audit_log_away rename to audit_log');
    }
    const after = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(after.statusCode, after.body).toBe(200);
  });
});
