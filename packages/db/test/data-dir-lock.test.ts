import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DbError, LOCK_FILE_NAME } from '../src/index';

const fixture = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pubcredit-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts a process that holds the lock on dir, resolving once it has it. */
function holdLockInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a directory another live process holds, naming it', async () => {
    const dir = tempDir();
    const child = await holdLockInChild(dir);
    try {
      acquireDataDirLock(dir, 'test');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DbError);
      expect((err as DbError).code).toBe('DATA_DIR_LOCKED');
      expect((err as DbError).message).toContain(`数据目录 ${dir} 正被另一个 PubCredit 进程使用（pid ${child.pid}，pubcredit server on :8080，启动于 `);
      expect((err as DbError).message).toContain('请先停止它，或用 DATABASE_URL 连接 PostgreSQL。');
      // The start time as a clerk's clock shows it, not a UTC instant.
      expect((err as DbError).message).toMatch(/启动于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
    }
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const dir = tempDir();
    const child = await holdLockInChild(dir);
    child.kill('SIGKILL'); // no exit handler runs: the lock file stays behind
    await exited(child);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);

    const lock = acquireDataDirLock(dir, 'successor');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'successor' });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('is taken over after the holder is stopped by SIGTERM', async () => {
    const dir = tempDir();
    const child = await holdLockInChild(dir);
    child.kill('SIGTERM');
    await exited(child);
    // SIGTERM's default action skips 'exit' handlers: the server must close() on SIGTERM; if it
    // does not, the dead pid still lets the next process in.
    acquireDataDirLock(dir).release();
  });

  it('refuses a second holder in the same process and writes a readable lock', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'first');
    expect(lock.info).toMatchObject({ pid: process.pid, owner: 'first', host: hostname() });
    expect(() => acquireDataDirLock(dir)).toThrow(/pid \d+，first/);
    lock.release();
    lock.release();
  });

  it('treats a lock from another host as held', () => {
    const dir = tempDir();
    const info = { pid: 1, owner: 'elsewhere', host: `${hostname()}-other`, startedAt: '2024-01-01T00:00:00.000Z' };
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify(info));
    expect(() => acquireDataDirLock(dir)).toThrow(/pid 1，elsewhere/);
  });

  it('replaces an unreadable lock file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), 'garbage');
    acquireDataDirLock(dir).release();
  });
});
