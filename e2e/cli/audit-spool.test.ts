import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_SPOOL_FILE, AuditSpool } from '@pubcredit/server';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from './run-cli';

// Synthetic, valid by algorithm (GB 32100), not a real department.
const DEPT = '11410400MB0000019H';

interface ListedEntry {
  seq: number;
  at: string;
  action: string;
  details: Record<string, unknown>;
}

describe('pubcredit and the audit spool of the embedded engine', () => {
  it('appends what the server spooled before the command’s own entries, and `audit verify` passes', async () => {
    const dataDir = tempDataDir();
    expect((await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir)).code).toBe(0);

    // What a server leaves when the database refused two changes' entries and it stopped before replaying them.
    const spool = await AuditSpool.open(dataDir, pino({ level: 'silent' }));
    const base = {
      actorKind: 'user' as const,
      actorId: 'u-1',
      actorName: 'admin1',
      departmentUscc: null,
      purpose: '部门管理：登记信源部门',
      clientIp: '127.0.0.1',
      userAgent: 'Mozilla/5.0',
      outcome: 'success' as const,
      status: 201,
      details: { method: 'POST', route: '/api/v1/departments' },
    };
    await spool.append(
      [
        { ...base, entryId: '9d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b01', at: new Date('2024-05-01T08:00:01.000Z'), action: 'department.create', target: '/api/v1/departments/a' },
        { ...base, entryId: '9d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b02', at: new Date('2024-05-01T08:00:02.000Z'), action: 'user.create', target: '/api/v1/users/b' },
      ],
      new Date('2024-05-01T08:00:02.500Z'),
    );
    expect(existsSync(join(dataDir, AUDIT_SPOOL_FILE))).toBe(true);

    const verify = await runCli(['audit', 'verify', '--json'], dataDir);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checked: 3 });
    expect(existsSync(join(dataDir, AUDIT_SPOOL_FILE))).toBe(false);

    const list = await runCli(['audit', 'list', '--json'], dataDir);
    expect(list.code, list.stderr).toBe(0);
    const entries = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ListedEntry)
      .reverse();
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'department.create'],
      [2, 'department.create'],
      [3, 'user.create'],
      [4, 'audit.verify'], // the command's own entry comes after the replayed ones
    ]);
    expect(entries[1]).toMatchObject({ at: '2024-05-01T08:00:01.000Z', details: { spooled: { spooledAt: '2024-05-01T08:00:02.500Z' } } });
    const { replayedAt } = entries[2]?.details.spooled as { replayedAt: string };
    expect(Date.parse(replayedAt)).toBeGreaterThan(Date.parse('2024-05-01T08:00:02.500Z'));
    expect(entries[0]?.details.spooled).toBeUndefined();

    // The late entries alone, marked 补记 in the table: their time is the request's, not the writing's.
    const late = await runCli(['audit', 'list', '--spooled'], dataDir);
    expect(late.code, late.stderr).toBe(0);
    const rows = late.stdout.split('\n').filter((l) => /^\s*\d+\s/.test(l));
    // Cells are at least two spaces apart; the time is Beijing's (08:00 UTC is 16:00 in Beijing).
    expect(rows.map((l) => l.trim().split(/ {2,}/).slice(0, 3))).toEqual([
      ['3', '2024-05-01 16:00:02（补记）', 'admin1（工作人员）'],
      ['2', '2024-05-01 16:00:01（补记）', 'admin1（工作人员）'],
    ]);

    const again = await runCli(['audit', 'verify'], dataDir);
    expect(again.code, again.stderr).toBe(0);
  });
});
