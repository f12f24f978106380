import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireDataDirLock, LOCK_FILE_NAME } from '@pubcredit/db';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const START = fileURLToPath(new URL('../bin/start.mjs', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', PUBCREDIT_DEMO: '0', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [START], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout?.resume();
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stderr: () => stderr, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start (bin/start.mjs)', () => {
  it('starts on the embedded engine, answers /health, and releases the lock on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pubcredit-start-'));
    const port = await freePort();
    const s = start({ PUBCREDIT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    try {
      await waitFor(() => s.stderr().includes('PubCredit 已启动') || s.child.exitCode !== null, 60_000);
      expect(s.stderr()).toContain(`http://127.0.0.1:${port}/`);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', engine: 'pglite' });
      expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
      expect(existsSync(join(dataDir, 'secrets', 'master.key'))).toBe(true);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('prints one Chinese line and exits 1 when the data directory is locked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pubcredit-start-'));
    const lock = acquireDataDirLock(dataDir, 'pubcredit import (tests)');
    try {
      const s = start({ PUBCREDIT_DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(await s.exited).toBe(1);
      const lines = s.stderr().split('\n').filter((l) => l.trim());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('pubcredit import (tests)');
      expect(s.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
    }
  });

  it('says in one Chinese line that the port is taken, and releases the data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pubcredit-start-'));
    const port = await freePort();
    const taken = createServer().listen(port, '127.0.0.1');
    await new Promise((done) => taken.once('listening', done));
    try {
      const s = start({ PUBCREDIT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
      expect(await s.exited).toBe(1);
      const lines = s.stderr().split('\n').filter((l) => l.trim());
      expect(lines).toEqual([`端口 ${port} 已被占用（127.0.0.1）：可能已有一个 PubCredit 在运行；请先停止占用该端口的程序，或用 PORT 指定其他端口`]);
      expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('refuses bad configuration with one line', async () => {
    const s = start({ PORT: 'eighty' });
    expect(await s.exited).toBe(1);
    expect(s.stderr().trim()).toMatch(/^PORT 应为/);
  });

  it.skipIf(!process.env.DATABASE_URL)('prints one line and exits 1 on a database that is not UTF-8', async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `pubcredit_ascii_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name} encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0`);
    try {
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      const s = start({ DATABASE_URL: url.toString(), PUBCREDIT_DATA_KEY: randomBytes(32).toString('base64'), PORT: String(await freePort()) });
      expect(await s.exited).toBe(1);
      const lines = s.stderr().split('\n').filter((l) => l.trim());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('UTF-8');
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
