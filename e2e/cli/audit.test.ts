import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@pubcredit/db';
import { describe, expect, it } from 'vitest';
import { runCli, stderrLines, tempDataDir } from './run-cli';

// Synthetic, valid by algorithm (GB 32100), not a real department.
const DEPT = '11410400MB0000019H';

interface ListedEntry {
  seq: number;
  actorKind: string;
  actorId: string;
  action: string;
  target: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

function listed(stdout: string): ListedEntry[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ListedEntry);
}

/** Changes one entry as a database superuser would, the CLI not running (the embedded engine's lock). */
async function tamper(dataDir: string, statement: string): Promise<void> {
  const db = await openDatabase({ dataDir, owner: 'audit e2e tamper' });
  try {
    await db.query('alter table audit_log disable trigger audit_log_no_update');
    await db.query(statement);
    await db.query('alter table audit_log enable trigger audit_log_no_update');
  } finally {
    await db.close();
  }
}

describe('pubcredit audit', () => {
  const dataDir = tempDataDir();

  it('records CLI changes as the OS user, never an API key itself', async () => {
    expect((await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir)).code).toBe(0);
    const created = await runCli(['apikeys', 'create', '--department', DEPT, '--scopes', 'batches:write', '--json'], dataDir);
    expect(created.code, created.stderr).toBe(0);
    const { id, key } = JSON.parse(created.stdout) as { id: string; key: string };
    const failed = await runCli(['departments', 'add', '--code', DEPT, '--name', '重复'], dataDir);
    expect(failed.code).toBe(1);

    const list = await runCli(['audit', 'list', '--actor-kind', 'cli', '--json'], dataDir);
    expect(list.code, list.stderr).toBe(0);
    const entries = listed(list.stdout).reverse();
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['department.create', 'success'],
      ['apikey.create', 'success'],
      ['department.create', 'error'],
    ]);
    expect(entries[0]).toMatchObject({ actorKind: 'cli', actorId: userInfo().username, target: DEPT });
    expect(entries[1]?.details).toMatchObject({ id, command: 'apikeys create' });
    expect(entries[2]?.details).toMatchObject({ error: 'DEPARTMENT_EXISTS' });
    expect(list.stdout).not.toContain(key);

    // The table for people names each action, with its code for searching.
    const table = await runCli(['audit', 'list', '--actor-kind', 'cli'], dataDir);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('登记信源部门（department.create）');
    expect(table.stdout).toContain('开通 API 密钥（apikey.create）');
    expect(table.stdout).toMatch(/命令行/);
    expect(table.stdout).toMatch(/失败/);
  });

  it('verifies an intact chain: exit 0, 审计链完整', async () => {
    const run = await runCli(['audit', 'verify'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    // department, key, failed department, list as JSON, list as a table.
    expect(run.stdout).toMatch(/^审计链完整，共 5 条/);
  });

  it('exports CSV with the chain hashes', async () => {
    const out = join(dataDir, '审计.csv');
    const run = await runCli(['audit', 'export', '--format', 'csv', '--out', out, '--action', 'department'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toContain('序号,时间,操作人类别');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,.*,命令行,.*department\.create.*,登记信源部门$/);
  });

  it('names the entry changed directly in SQL, and then the one deleted', async () => {
    await tamper(dataDir, `update audit_log set target = '11410400MB0000027C' where seq = 2`);
    const changed = await runCli(['audit', 'verify'], dataDir);
    expect(changed.code).toBe(3);
    expect(stderrLines(changed)).toEqual([expect.stringMatching(/^错误：审计记录第 2 条被篡改或删除/)]);

    await tamper(dataDir, 'delete from audit_log where seq = 2');
    const deleted = await runCli(['audit', 'verify', '--json'], dataDir);
    expect(deleted.code).toBe(3);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2, reason: 'missing' } });
  });
});
