// Issue #2 item 5 "A batch is atomic" and "Done when: a kill -9 test proves batch atomicity on the
// server engine": `pubcredit import` of a large file is killed with SIGKILL mid-way; nothing of
// the batch may be visible, and running the same import again completes it.
//
// The CLI takes its database from DATABASE_URL and has no schema option, so the test works in a
// database of its own, created here and dropped afterwards.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { orgCodeCheckChar, usccCheckChar } from '@pubcredit/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli';
import type { CliRun } from './run-cli';

const BIN = join(REPO_ROOT, 'packages/cli/bin/pubcredit.mjs');
const ROWS = 200_000;
// Synthetic department code, valid by algorithm (regulations §1.6).
const DEPT = '11410400MB0000019H';
const DEPT_NAME = '平顶山市市场监督管理局（测试）';
const TABLES = ['batches', 'records', 'record_keys', 'subjects', 'subject_names', 'quarantine', 'batch_issues'] as const;
/** The import counts as mid-way once this much of the records table is written (uncommitted). */
const MID_WAY_BYTES = 24 * 1024 * 1024;

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const AREAS = ['410402', '410403', '410404', '410411', '410421', '410422', '410423', '410425', '410481', '410482'];
const WORDS = ['鹰城', '湛河', '卫东', '石龙', '新华', '舞钢', '汝州', '宝丰', '叶县', '鲁山', '郏县', '白龟湖'];
const TRADES = ['建材', '商贸', '餐饮', '物业管理', '运输', '农业科技', '机械制造', '食品'];

/** A synthetic enterprise USCC in a 4104xx area, with consistent check characters, distinct per n. */
function uscc(n: number): string {
  let tail = '';
  for (let i = 0, v = n; i < 6; i++, v = Math.floor(v / USCC_CHARS.length)) tail = (USCC_CHARS[v % USCC_CHARS.length] ?? '0') + tail;
  const body = `MA${tail}`;
  const first17 = `91${AREAS[n % AREAS.length] ?? '410402'}${body}${orgCodeCheckChar(body) ?? '0'}`;
  return `${first17}${usccCheckChar(first17) ?? '0'}`;
}

const HEADER =
  'CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM';

function row(i: number): string {
  const name = `平顶山市${WORDS[i % WORDS.length] ?? ''}${TRADES[(i >> 3) % TRADES.length] ?? ''}第${i}号有限公司`;
  const month = String((i % 12) + 1).padStart(2, '0');
  return [name, '法人及非法人组织', uscc(i), '王建国', `平市监罚〔2024〕${i + 1}号`, '未按规定公示年度报告',
    '该公司未按规定期限公示2023年度报告', '《企业信息公示暂行条例》第八条', '罚款', '罚款2000元', '0.2',
    `2024-${month}-01`, '2025-12-31', DEPT_NAME, DEPT, DEPT_NAME, DEPT].join(',');
}

async function writeLargeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${HEADER}\r\n`);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    chunk += `${row(i)}\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!process.env.DATABASE_URL)('import atomicity under kill -9 (needs the server engine: set DATABASE_URL)', () => {
  // The describe body runs even when skipped: everything that needs the server is set up in beforeAll.
  const dbName = `pubcredit_kill_${randomBytes(5).toString('hex')}`;
  let workDir = '';
  let file = '';
  let env: NodeJS.ProcessEnv = {};
  let admin: pg.Client;
  let db: pg.Client;

  function start(args: readonly string[]): { child: ChildProcess; done: Promise<CliRun> } {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const done = new Promise<CliRun>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    return { child, done };
  }

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await db.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0]?.n ?? -1);
    return out;
  }

  /** The import's own backend(s): the CLI names itself in application_name. */
  async function importBackends(): Promise<{ pid: number; backend_xid: string | null; state: string | null }[]> {
    const { rows } = await db.query<{ pid: number; backend_xid: string | null; state: string | null }>(
      `select pid, backend_xid::text, state from pg_stat_activity
        where datname = $1 and application_name like 'pubcredit import%'`,
      [dbName],
    );
    return rows;
  }

  beforeAll(async () => {
    const adminUrl = process.env.DATABASE_URL ?? '';
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const dbUrl = url.toString();
    workDir = mkdtempSync(join(tmpdir(), 'pubcredit-kill-'));
    file = join(workDir, '行政处罚-200k.csv');
    env = { ...process.env, DATABASE_URL: dbUrl, PUBCREDIT_DATA_KEY: randomBytes(32).toString('base64'), PUBCREDIT_DATA_DIR: workDir };
    delete env.LOG_LEVEL;
    delete env.PUBCREDIT_KEY_FILE;

    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // UTF-8 in encoding and ctype, as the platform requires (pg_trgm and Chinese).
    await admin.query(`create database ${dbName} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await writeLargeCsv(file);
    const add = await start(['departments', 'add', '--code', DEPT, '--name', DEPT_NAME]).done;
    expect(add.code, add.stderr).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    await admin?.query(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 120_000);

  it('leaves nothing of a batch killed mid-way, and the same import then completes it', async () => {
    const before = await counts();
    expect(before).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));

    const args = ['import', file, '--catalog', 'administrative_penalty', '--source', DEPT, '--json'];
    const run = start(args);
    let exited = false;
    void run.done.then(() => (exited = true));

    // Mid-way: the import's transaction has written (it holds a transaction id) and the records
    // table has grown by at least MID_WAY_BYTES of not yet committed rows.
    const deadline = Date.now() + 240_000;
    let midWay = false;
    while (!midWay && !exited && Date.now() < deadline) {
      await sleep(100);
      const writing = (await importBackends()).some((b) => b.backend_xid !== null);
      const size = Number((await db.query<{ n: string }>(`select pg_relation_size('records') as n`)).rows[0]?.n ?? 0);
      midWay = writing && size >= MID_WAY_BYTES;
    }
    expect(exited, 'the import finished before it could be killed: raise ROWS').toBe(false);
    expect(midWay, 'the import never reached the middle').toBe(true);

    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.code).toBeNull(); // ended by the signal, not by itself
    expect(killed.stdout).toBe('');

    // PostgreSQL ends the orphaned backend, rolling its transaction back.
    const gone = Date.now() + 60_000;
    while ((await importBackends()).length > 0 && Date.now() < gone) await sleep(200);
    expect(await importBackends()).toEqual([]);

    expect(await counts()).toEqual(before);

    // The same import again completes the batch.
    const again = await start(args).done;
    expect(again.code, again.stderr).toBe(0);
    const result = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ total: ROWS, accepted: ROWS, rejected: 0, created: ROWS, updated: 0, unchanged: 0, issues: [] });
    expect(await counts()).toMatchObject({ batches: 1, records: ROWS, record_keys: ROWS, subjects: ROWS, quarantine: 0, batch_issues: 0 });
    const { rows } = await db.query<{ n: string }>(`select count(*) as n from records where batch_id = $1 and superseded_at is null`, [
      result.batchId,
    ]);
    expect(Number(rows[0]?.n)).toBe(ROWS);
  }, 600_000);
});
