import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuditChain, type AuditEntry } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import { auditActionName, usccCheckChar } from '@pubcredit/domain';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayAuditSpool } from '../src/audit/audit-replay';
import { AUDIT_SPOOL_FILE, AUDIT_SPOOL_INVALID_FILE, AuditSpool } from '../src/audit/audit-spool';
import type { SpooledEntry } from '../src/audit/audit-spool';
import { verifyAuditChain } from '../src/audit/audit.service';
import type { AppContext } from '../src/context';
import type { AuditEntryBody } from '../src/schemas/audit.schema';
import type { Health } from '../src/schemas/health.schema';
import { addStaff, sessionFor } from './staff';
import type { StaffCookie } from './staff';
import { createTestApp, createTestContext } from './test-context';

const ID_NUMBER = '410402199001011234';

/** A valid code of a (made-up) department, n-th of this file. */
function deptCode(n: number): string {
  const first17 = `11410400MB${String(7000 + n).padStart(7, '0')}`;
  return `${first17}${usccCheckChar(first17)}`;
}

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

describe.each(testEngines())('audit spool (changes the database refused) on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let admin: StaffCookie;
  let dir: string;
  let spoolFile: string;
  const logs: string[] = [];
  let dept = 0;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    ctx.log = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
    dir = await mkdtemp(join(tmpdir(), 'pubcredit-spool-'));
    spoolFile = join(dir, AUDIT_SPOOL_FILE);
    ctx.auditSpool = await AuditSpool.open(dir, ctx.log);
    app = await createTestApp(ctx, { http: { loginRateLimit: 0, rateLimit: 0 } });
    admin = await sessionFor(ctx, await addStaff(ctx, 'platform_admin', undefined, 'spooladmin'));
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * The database refuses audit entries while fn runs: the table is gone (renamed) meanwhile. (No
   * flush first: that would replay the spool the previous test left.)
   */
  async function withTrailOffline(fn: () => Promise<void>): Promise<void> {
    await ctx.db.query('alter table audit_log rename to audit_log_offline');
    try {
      await fn();
      await app.flushAudit();
    } finally {
      await ctx.db.query('alter table audit_log_offline rename to audit_log');
    }
  }

  function addDepartment(name: string) {
    return app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc: deptCode(++dept), name } });
  }

  async function health(): Promise<Health> {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Health>();
  }

  async function chain(): Promise<AuditEntry[]> {
    const all: AuditEntry[] = [];
    for await (const e of readAuditChain(ctx.db)) all.push(e);
    return all;
  }

  const spoolLines = async (): Promise<string[]> => (existsSync(spoolFile) ? (await readFile(spoolFile, 'utf8')).split('\n').filter(Boolean) : []);
  const logLines = (): LogLine[] => logs.map((l) => JSON.parse(l) as LogLine);

  it('answers a change whose entry the database refuses, and spools the entry (masked) in order', async () => {
    expect((await health()).audit).toEqual({ status: 'ok', pending: 0, lost: 0, refusing: false });
    const before = (await chain()).length;
    await withTrailOffline(async () => {
      // Before any change is spooled, a refused read already shows in the health check.
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers })).statusCode).toBe(503);
      expect((await health()).audit).toEqual({
        status: 'degraded',
        pending: 0,
        lost: 0,
        refusing: true,
        message: '数据库目前拒绝写入审计日志：查看非公开数据的请求暂不应答，变更操作的审计记录将暂存到磁盘、待恢复后补记。',
      });
      const created = await addDepartment('平顶山市暂存测试局');
      expect(created.statusCode, created.body).toBe(201);
      // A refusal goes out too, and so is kept; the username is an ID number, masked in the spool.
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: ID_NUMBER, password: 'Wrong-Password-1' } });
      expect(login.statusCode).toBe(401);
      // A read is not answered (fail closed) and, not having happened, is not spooled.
      const read = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
      expect(read.statusCode).toBe(503);
    });
    const lines = await spoolLines();
    expect(lines.map((l) => (JSON.parse(l) as { entry: { action: string } }).entry.action)).toEqual(['department.create', 'auth.login']);
    const raw = await readFile(spoolFile, 'utf8');
    expect(raw).not.toContain(ID_NUMBER);
    expect(raw).toContain('4104**********1234');
    expect((await chain()).length).toBe(before);

    const spooled = logLines().filter((l) => l.msg.startsWith('audit entries spooled'));
    expect(spooled.map((l) => [l.level, l.spooled, l.pending])).toEqual([
      [40, 1, 1],
      [40, 1, 2],
    ]);
    expect(logs.join('\n')).not.toContain(ID_NUMBER);
  });

  it('reports the audit trail as degraded while entries wait in the spool, the other health fields unchanged', async () => {
    const body = await health();
    // A public route: counts and a fixed sentence only, never where the spool is nor what the database said.
    const text = JSON.stringify(body);
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/audit_log|relation|does not exist|jsonl|ENO[A-Z]+/);
    expect(body).toMatchObject({ status: 'ok', engine, database: { encoding: 'UTF8' } });
    expect(body.audit).toEqual({
      status: 'degraded',
      pending: 2,
      lost: 0,
      refusing: true, // until the next write succeeds
      message: '有 2 条审计记录因数据库暂不可写而暂存在磁盘上，数据库恢复写入后将按原顺序自动补记。',
    });
  });

  it('keeps entries spooled while the database still refuses, appending newer ones after them', async () => {
    await withTrailOffline(async () => {
      expect((await addDepartment('平顶山市暂存测试二局')).statusCode).toBe(201);
    });
    const actions = (await spoolLines()).map((l) => (JSON.parse(l) as { entry: { action: string; target: string } }).entry);
    expect(actions.map((e) => e.action)).toEqual(['department.create', 'auth.login', 'department.create']);
    expect((await health()).audit).toMatchObject({ status: 'degraded', pending: 3 });
  });

  it('replays the spool into the chain, in order and with the original times, before the next entry', async () => {
    const before = await chain();
    const spooledAt = (await spoolLines()).map((l) => (JSON.parse(l) as { entry: { at: string } }).entry.at);
    const created = await addDepartment('平顶山市补记后测试局');
    expect(created.statusCode).toBe(201);
    await app.flushAudit();

    const after = (await chain()).slice(before.length);
    expect(after.map((e) => [e.action, e.status])).toEqual([
      ['department.create', 201],
      ['auth.login', 401],
      ['department.create', 201],
      ['department.create', 201],
    ]);
    expect(after.slice(0, 3).map((e) => e.at.toISOString())).toEqual(spooledAt);
    // Marked as written late (covered by the hash); the entry written on time is not.
    for (const e of after.slice(0, 3)) {
      const mark = e.details.spooled as { spooledAt: string; replayedAt: string };
      expect(Date.parse(mark.replayedAt)).toBeGreaterThanOrEqual(e.at.getTime());
      expect(Date.parse(mark.spooledAt)).toBeGreaterThanOrEqual(e.at.getTime());
    }
    expect(after[3]?.details.spooled).toBeUndefined();
    expect((after[1]?.details.body as { username: string }).username).toBe('4104**********1234');
    expect(after[3]?.at.getTime()).toBeGreaterThanOrEqual(after[2]?.at.getTime() ?? Infinity);

    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: before.length + 4 });
    expect(existsSync(spoolFile)).toBe(false);
    expect((await health()).audit).toEqual({ status: 'ok', pending: 0, lost: 0, refusing: false });
    expect(logLines().some((l) => l.msg.startsWith('audit spool replayed') && l.appended === 3 && l.skipped === 0)).toBe(true);
  });

  it('lets the auditor find the late entries (补记) and export them with when they were spooled and written, in Beijing time', async () => {
    await app.flushAudit();
    const search = async (query: string): Promise<AuditEntryBody[]> => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/audit?limit=200&${query}`, headers: admin.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ entries: AuditEntryBody[] }>().entries;
    };
    const late = await search('spooled=true');
    expect(late.map((e) => e.action)).toEqual(['department.create', 'auth.login', 'department.create']);
    expect(late.every((e) => typeof (e.details.spooled as { spooledAt?: unknown }).spooledAt === 'string')).toBe(true);
    const onTime = await search('spooled=false');
    expect(onTime.length).toBeGreaterThan(0);
    expect(onTime.some((e) => e.details.spooled !== undefined)).toBe(false);
    expect((await search('spooled=true&outcome=denied')).map((e) => e.action)).toEqual(['auth.login']);

    const csv = await app.inject({ method: 'GET', url: '/api/v1/audit/export.csv?spooled=true', headers: admin.headers });
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = csv.body.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).slice(1);
    expect(rows).toHaveLength(3);
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    for (const e of [...late].reverse()) {
      const mark = e.details.spooled as { spooledAt: string; replayedAt: string };
      const row = rows.find((r) => r.startsWith(`${e.seq},`));
      expect(row?.endsWith(`,是,${beijing(mark.spooledAt)},${beijing(mark.replayedAt)},${auditActionName(e.action) ?? ''}`), row).toBe(true);
    }
  });

  it('replays on a flush without waiting for a new request', async () => {
    await withTrailOffline(async () => {
      expect((await addDepartment('平顶山市无后续请求测试局')).statusCode).toBe(201);
    });
    expect(ctx.auditSpool?.pending).toBe(1);
    await app.flushAudit();
    expect(ctx.auditSpool?.pending).toBe(0);
    const last = (await chain()).at(-1);
    expect(last?.action).toBe('department.create');
    expect(last?.details.spooled).toBeDefined();
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('replays on its own (the retry timer) once the database accepts writes again, no request nor flush needed', async () => {
    const timed = await createTestApp(ctx, { auditRetryMs: 50 });
    try {
      await ctx.db.query('alter table audit_log rename to audit_log_offline');
      try {
        const created = await timed.inject({ method: 'POST', url: '/api/v1/departments', headers: admin.headers, payload: { uscc: deptCode(++dept), name: '平顶山市定时补记测试局' } });
        expect(created.statusCode).toBe(201);
        expect(ctx.auditSpool?.pending).toBe(1);
        await new Promise((r) => setTimeout(r, 200)); // retries meanwhile fail: still pending
        expect(ctx.auditSpool?.pending).toBe(1);
      } finally {
        await ctx.db.query('alter table audit_log_offline rename to audit_log');
      }
      const deadline = Date.now() + 5000;
      while ((ctx.auditSpool?.pending ?? 0) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(ctx.auditSpool?.pending).toBe(0);
      const last = (await chain()).at(-1);
      expect(last).toMatchObject({ action: 'department.create', details: { body: { uscc: deptCode(dept) }, spooled: expect.any(Object) as object } });
      expect(logLines().some((l) => l.msg.startsWith('audit spool not replayed: the database refuses writes') && l.level === 40)).toBe(true);
    } finally {
      await timed.close();
    }
  });

  it('appends each entry once when a replay is repeated after a crash between its insert and emptying the spool', async () => {
    await withTrailOffline(async () => {
      expect((await addDepartment('平顶山市崩溃测试一局')).statusCode).toBe(201);
      expect((await addDepartment('平顶山市崩溃测试二局')).statusCode).toBe(201);
    });
    const copy = join(dir, 'spool-before-replay.jsonl');
    await copyFile(spoolFile, copy);
    await app.flushAudit(); // inserts both and empties the spool
    const replayed = await chain();
    expect(replayed.slice(-2).map((e) => [e.action, e.details.spooled !== undefined])).toEqual([
      ['department.create', true],
      ['department.create', true],
    ]);

    // The state a crash right after the insert leaves: the entries in the chain and still in the spool.
    await copyFile(copy, spoolFile);
    const restarted = await AuditSpool.open(dir, ctx.log);
    expect(restarted.pending).toBe(2);
    expect(await replayAuditSpool(ctx, restarted)).toEqual({ appended: 0, skipped: 2, putAside: 0 });
    expect(await chain()).toEqual(replayed);
    expect(existsSync(spoolFile)).toBe(false);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: replayed.length });

    // A crash half-way (the first entry in the chain, the second not): the second goes in, once.
    const [first, second] = (await readFile(copy, 'utf8')).split('\n').filter(Boolean);
    const third = JSON.parse(second ?? '') as { entry: { entryId: string; action: string } };
    third.entry.entryId = 'f0e1d2c3-b4a5-4697-8899-aabbccddeeff';
    third.entry.action = 'department.create.third';
    await writeFile(spoolFile, `${first}\n${JSON.stringify(third)}\n`);
    expect(await replayAuditSpool(ctx, await AuditSpool.open(dir, ctx.log))).toEqual({ appended: 1, skipped: 1, putAside: 0 });
    expect((await chain()).slice(replayed.length).map((e) => e.action)).toEqual(['department.create.third']);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('keeps a spool line that cannot be read back aside, and replays the others', async () => {
    const good = await AuditSpool.open(dir, ctx.log);
    // A line cut short by a crash, without its newline: the next append must not run into it.
    await writeFile(spoolFile, '{"v":1,"spooledAt":"2024-05-01T00:00:00.000Z","entry":{"at":');
    await good.append(
      [
        {
          entryId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
          at: new Date('2024-05-01T00:00:00.000Z'),
          actorKind: 'anonymous',
          actorId: null,
          actorName: null,
          departmentUscc: null,
          action: 'spool.after-torn-line',
          target: null,
          purpose: null,
          clientIp: '127.0.0.1',
          userAgent: null,
          outcome: 'denied',
          status: 401,
          details: {},
        },
      ],
      new Date(),
    );
    await writeFile(spoolFile, `${await readFile(spoolFile, 'utf8')}{"v":1,"entry":"edited"}\n`);
    const spool = await AuditSpool.open(dir, ctx.log);
    expect(spool.pending).toBe(3);
    expect(await replayAuditSpool(ctx, spool)).toEqual({ appended: 1, skipped: 0, putAside: 0 });
    expect((await chain()).at(-1)?.action).toBe('spool.after-torn-line');
    expect(existsSync(spoolFile)).toBe(false);
    const invalid = (await readFile(join(dir, AUDIT_SPOOL_INVALID_FILE), 'utf8')).split('\n').filter(Boolean);
    expect(invalid).toEqual(['{"v":1,"spooledAt":"2024-05-01T00:00:00.000Z","entry":{"at":', '{"v":1,"entry":"edited"}']);
    const unreadable = logLines().filter((l) => l.msg.startsWith('audit spool line unreadable'));
    expect(unreadable.map((l) => [l.level, l.line, l.reason])).toEqual([
      [50, 1, 'not JSON (a write cut short?)'],
      [50, 3, 'no entry'],
    ]);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('keeps aside an entry the database refuses for its content, records that it was, and replays the others in order', async () => {
    const entry = (n: number, over: Partial<SpooledEntry['entry']> = {}): SpooledEntry['entry'] => ({
      entryId: `5a5a5a5a-0000-4000-8000-00000000000${n}`,
      at: new Date('2024-06-01T08:00:00.000Z'),
      actorKind: 'user',
      actorId: 'u-7',
      actorName: 'clerk7',
      departmentUscc: null,
      action: `spool.poison-test.${n}`,
      target: `/api/v1/things/${n}`,
      purpose: null,
      clientIp: '127.0.0.1',
      userAgent: null,
      outcome: 'success',
      status: 200,
      details: {},
      ...over,
    });
    await rm(join(dir, AUDIT_SPOOL_INVALID_FILE), { force: true });
    const writer = await AuditSpool.open(dir, ctx.log);
    // An edited spool: a status no HTTP answer has (out of an integer's range), between two good entries.
    await writer.append([entry(1), entry(2, { status: 99_999_999_999 }), entry(3)], new Date('2024-06-01T08:00:01.000Z'));
    const copy = join(dir, 'poison-copy.jsonl');
    await copyFile(spoolFile, copy);
    const before = (await chain()).length;

    expect(await replayAuditSpool(ctx, await AuditSpool.open(dir, ctx.log))).toEqual({ appended: 2, skipped: 0, putAside: 1 });
    const added = (await chain()).slice(before);
    expect(added.map((e) => e.action)).toEqual(['spool.poison-test.1', 'audit.spool.rejected', 'spool.poison-test.3']);
    const standIn = added[1]!;
    expect(standIn).toMatchObject({ actorName: 'clerk7', target: '/api/v1/things/2', outcome: 'error', status: null });
    expect(standIn.details).toMatchObject({
      original: { entryId: entry(2).entryId, action: 'spool.poison-test.2', at: '2024-06-01T08:00:00.000Z', outcome: 'success' },
      keptIn: AUDIT_SPOOL_INVALID_FILE,
    });
    expect(String(standIn.details.reason)).toMatch(/^22003 /);
    expect(existsSync(spoolFile)).toBe(false);
    const kept = (await readFile(join(dir, AUDIT_SPOOL_INVALID_FILE), 'utf8')).split('\n').filter(Boolean);
    expect(kept).toHaveLength(1);
    const keptLine = JSON.parse(kept[0]!) as { entry: { entryId: string; status: number }; putAside: { reason: string } };
    expect(keptLine.entry).toMatchObject({ entryId: entry(2).entryId, status: 99_999_999_999 });
    expect(keptLine.putAside.reason).toMatch(/^22003 /);
    expect(logLines().filter((l) => l.msg.startsWith('audit spool entry refused by the database')).map((l) => [l.level, l.entryId])).toEqual([[50, entry(2).entryId]]);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);

    // A replay cut short before emptying the spool, repeated: nothing is appended twice, the stand-in neither.
    await copyFile(copy, spoolFile);
    expect(await replayAuditSpool(ctx, await AuditSpool.open(dir, ctx.log))).toEqual({ appended: 0, skipped: 2, putAside: 1 });
    expect((await chain()).length).toBe(before + 3);
    // The trail is writable again: a new change's entry follows.
    expect((await addDepartment('平顶山市补记之后局')).statusCode).toBe(201);
    await app.flushAudit();
    expect((await chain()).at(-1)?.action).toBe('department.create');
  });

  it('still answers a change when even the spool cannot be written (disk full), logging it at error level; health says so', async () => {
    // /dev/full fails every write with ENOSPC, as a full disk does.
    await symlink('/dev/full', spoolFile);
    try {
      await withTrailOffline(async () => {
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/departments',
          headers: { ...admin.headers, 'x-purpose': `核查 ${ID_NUMBER} 的报送部门` },
          payload: { uscc: deptCode(++dept), name: '平顶山市磁盘已满测试局' },
        });
        expect(created.statusCode, created.body).toBe(201);
      });
    } finally {
      await rm(spoolFile, { force: true });
    }
    const lost = logLines().filter((l) => l.msg.startsWith('audit entries lost'));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ level: 50, err: { code: 'ENOSPC' }, lost: [expect.objectContaining({ action: 'department.create' })] });
    expect(logs.join('\n')).not.toContain(ID_NUMBER);
    const audit = (await health()).audit;
    // The trail is back, but nothing was written since: still refusing as far as anyone knows.
    expect(audit).toMatchObject({ status: 'degraded', pending: 0, lost: 1, refusing: true });
    expect(audit.message).toBe(
      '自本次启动以来有 1 条审计记录既未写入数据库也未能暂存到磁盘（磁盘已满或不可写），详见错误日志，请立即处理；' +
        '数据库目前拒绝写入审计日志：查看非公开数据的请求暂不应答，变更操作的审计记录将暂存到磁盘、待恢复后补记。',
    );
    // The next entry written clears the refusal; the lost count stays until restart.
    expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers })).statusCode).toBe(200);
    expect((await health()).audit).toMatchObject({ status: 'degraded', pending: 0, lost: 1, refusing: false });
  });
});
