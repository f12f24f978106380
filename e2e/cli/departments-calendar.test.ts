import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarHorizon } from '@pubcredit/domain';
import { describe, expect, it } from 'vitest';
import { runCli, stderrLines, tempDataDir } from './run-cli';

// Synthetic, valid by algorithm (GB 32100), not a real department.
const DEPT = '11410400MB0000019H';

describe('pubcredit departments and calendar', () => {
  const dataDir = tempDataDir();

  it('registers a department and lists it', async () => {
    const add = await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('已登记部门：平顶山市市场监督管理局');
    const list = await runCli(['departments', 'list', '--json'], dataDir);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ uscc: DEPT, name: '平顶山市市场监督管理局' })]);
  });

  it('refuses an invalid USCC and a duplicate with one Chinese line', async () => {
    const bad = await runCli(['departments', 'add', '--code', '11410400MB0000019X', '--name', '某局'], dataDir);
    expect(bad.code).toBe(1);
    expect(stderrLines(bad)).toHaveLength(1);
    expect(bad.stderr).toMatch(/^错误：统一社会信用代码.*无效/);
    const dup = await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir);
    expect(dup.code).toBe(1);
    expect(stderrLines(dup)).toEqual([expect.stringContaining('已登记为“平顶山市市场监督管理局”，无需重复登记')]);
  });

  it('adds working days across 国庆 2024 (10-01…10-07 off, 10-12 调休 working)', async () => {
    const run = await runCli(['calendar', 'add-working-days', '2024-09-30', '7'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('2024-10-15');
  });

  it('refuses a year without an official schedule, naming it', async () => {
    const run = await runCli(['calendar', 'add-working-days', '2027-03-01', '5'], dataDir);
    expect(run.code).not.toBe(0);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain('2027');
    expect(run.stdout).toBe('');
  });

  it('loads a year in holiday-cn format, then computes in it', async () => {
    const file = join(dataDir, '2027.json');
    writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        papers: ['https://www.gov.cn/ (synthetic test schedule)'],
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '春节', date: '2027-02-05', isOffDay: true },
          { name: '春节', date: '2027-02-08', isOffDay: true },
          { name: '春节', date: '2027-02-20', isOffDay: false },
        ],
      }),
    );
    // Before the load, `calendar years` warns on stderr when the year ahead (from November) or this
    // year lacks its schedule; after it, the warning goes when it was about 2027.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const noteFor = (years: number[]) => calendarHorizon(years, today).message;
    const builtIn = Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i);
    const before = await runCli(['calendar', 'years'], dataDir);
    expect(before.code, before.stderr).toBe(0);
    const expectedBefore = noteFor(builtIn);
    expect(before.stderr).toBe(expectedBefore ? `注意：${expectedBefore}\n` : '');
    const load = await runCli(['calendar', 'load', file], dataDir);
    expect(load.code, load.stderr).toBe(0);
    const after = await runCli(['calendar', 'years'], dataDir);
    const expectedAfter = noteFor([...builtIn, 2027]);
    expect(after.stderr).toBe(expectedAfter ? `注意：${expectedAfter}\n` : '');
    expect(load.stdout).toContain('2027');
    const years = await runCli(['calendar', 'years', '--json'], dataDir);
    expect(JSON.parse(years.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2027 })]));
    const run = await runCli(['calendar', 'add-working-days', '2027-03-01', '5'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('2027-03-08');
  }, 180_000); // five CLI runs
});
