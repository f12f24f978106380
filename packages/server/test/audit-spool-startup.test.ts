import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuditChain, type AuditEntry, type Database, type NewAuditEntry } from '@pubcredit/db';
import { createTestDatabase, testEngines } from '@pubcredit/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SPOOL_FILE, AuditSpool } from '../src/audit/audit-spool';
import { recordAudit, verifyAuditChain } from '../src/audit/audit.service';
import { AUDIT_SPOOL_LOCK, openAuditSpool } from '../src/bootstrap';
import { parseConfig } from '../src/config';
import type { AppContext } from '../src/context';
import { createTestContext } from './test-context';

function spooledEntry(n: number): NewAuditEntry & { entryId: string } {
  return {
    entryId: `5f0c6a1e-2b3d-4e5f-8a9b-0c1d2e3f40${String(n).padStart(2, '0')}`,
    at: new Date(Date.UTC(2024, 4, 1, 8, 0, n)),
    actorKind: 'user',
    actorId: 'u-1',
    actorName: 'admin1',
    departmentUscc: null,
    action: `department.create`,
    target: `/api/v1/departments/${n}`,
    purpose: '部门管理：登记信源部门',
    clientIp: '127.0.0.1',
    userAgent: 'vitest',
    outcome: 'success',
    status: 201,
    details: { method: 'POST', n },
  };
}

describe.each(testEngines())('the audit spool at start-up on %s', (engine) => {
  let ctx: AppContext;
  const logs: string[] = [];
  const dirs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });

  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx?.db.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'pubcredit-spool-start-'));
    dirs.push(dir);
    return dir;
  }

  async function chain(): Promise<AuditEntry[]> {
    const all: AuditEntry[] = [];
    for await (const e of readAuditChain(ctx.db)) all.push(e);
    return all;
  }

  /** The configuration of this engine with its spool in dir. */
  function configFor(dir: string) {
    return engine === 'pglite'
      ? parseConfig({ PUBCREDIT_DATA_DIR: dir })
      : parseConfig({ DATABASE_URL: 'postgres://pubcredit@db.invalid/pubcredit', PUBCREDIT_AUDIT_SPOOL_DIR: dir });
  }

  it('replays what a previous run left in the spool before any new entry', async () => {
    const dir = await tempDir();
    await recordAudit(ctx, { actor: { kind: 'cli', id: 'root', name: 'root@host', departmentUscc: null }, action: 'before.outage', outcome: 'success' });
    const left = await AuditSpool.open(dir, log);
    await left.append([spooledEntry(1), spooledEntry(2)], new Date());

    const opened = await openAuditSpool(configFor(dir), ctx.db, 'vitest', { server: true }, log);
    try {
      expect(opened.spool?.pending).toBe(0);
      expect(existsSync(join(dir, AUDIT_SPOOL_FILE))).toBe(false);
      await recordAudit(ctx, { actor: { kind: 'cli', id: 'root', name: 'root@host', departmentUscc: null }, action: 'after.start', outcome: 'success' });
      const entries = await chain();
      expect(entries.map((e) => e.action)).toEqual(['before.outage', 'department.create', 'department.create', 'after.start']);
      expect(entries.slice(1, 3).map((e) => [e.at.toISOString(), e.target, (e.details.spooled as object | undefined) !== undefined])).toEqual([
        ['2024-05-01T08:00:01.000Z', '/api/v1/departments/1', true],
        ['2024-05-01T08:00:02.000Z', '/api/v1/departments/2', true],
      ]);
      expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 4 });
    } finally {
      opened.release();
    }
  });

  it('starts with the entries still pending when the database refuses the replay, and logs it', async () => {
    const dir = await tempDir();
    const left = await AuditSpool.open(dir, log);
    await left.append([spooledEntry(3)], new Date());
    const before = (await chain()).length;
    await ctx.db.query('alter table audit_log rename to audit_log_offline');
    let opened: Awaited<ReturnType<typeof openAuditSpool>>;
    try {
      opened = await openAuditSpool(configFor(dir), ctx.db, 'vitest', { server: true }, log);
    } finally {
      await ctx.db.query('alter table audit_log_offline rename to audit_log');
    }
    try {
      expect(opened.spool?.pending).toBe(1);
      expect(await readFile(join(dir, AUDIT_SPOOL_FILE), 'utf8')).toContain('/api/v1/departments/3');
      const failed = logs.map((l) => JSON.parse(l) as { level: number; msg: string; pending?: number }).filter((l) => l.msg.startsWith('audit spool not replayed at start-up'));
      expect(failed.map((l) => [l.level, l.pending])).toEqual([[50, 1]]);
      expect((await chain()).length).toBe(before);
    } finally {
      opened.release();
    }
  });
});

describe('the spool directory of the server engine', () => {
  let db: Database;
  let dir: string;
  const log = pino({ level: 'silent' });
  const serverConfig = (spoolDir: string) => parseConfig({ DATABASE_URL: 'postgres://pubcredit@db.invalid/pubcredit', PUBCREDIT_AUDIT_SPOOL_DIR: spoolDir });

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    dir = await mkdtemp(join(tmpdir(), 'pubcredit-spool-lock-'));
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gives each server process a spool directory of its own (locked)', async () => {
    const first = await openAuditSpool(serverConfig(dir), db, 'pubcredit server on :8080', { server: true }, log);
    try {
      expect(existsSync(join(dir, AUDIT_SPOOL_LOCK))).toBe(true);
      await expect(openAuditSpool(serverConfig(dir), db, 'pubcredit server on :8081', { server: true }, log)).rejects.toThrow(
        new RegExp(`^审计暂存目录 ${dir} 正被另一个 PubCredit 服务器进程使用（pid ${process.pid}，pubcredit server on :8080，启动于 .+（北京时间））。每个服务器进程需要自己的暂存目录：请用 PUBCREDIT_AUDIT_SPOOL_DIR 为本进程另指一个目录。$`),
      );
      // The server engine's CLI has no spool: it neither takes the lock nor replays.
      expect((await openAuditSpool(serverConfig(dir), db, 'pubcredit audit verify', {}, log)).spool).toBeUndefined();
    } finally {
      first.release();
    }
    expect(existsSync(join(dir, AUDIT_SPOOL_LOCK))).toBe(false);
    const again = await openAuditSpool(serverConfig(dir), db, 'pubcredit server on :8081', { server: true }, log);
    again.release();
  });
});
