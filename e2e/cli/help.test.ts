import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDataDir } from './run-cli';

describe('pubcredit --help', () => {
  it('lists the commands in Chinese and exits 0', async () => {
    const run = await runCli(['--help'], tempDataDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法：');
    for (const command of ['import', 'departments', 'calendar', 'batches', 'users', 'apikeys', 'demo', 'migrate']) {
      expect(run.stdout).toContain(command);
    }
    expect(run.stdout).toContain('公共信用信息平台');
  });

  it('explains a subcommand', async () => {
    const run = await runCli(['import', '--help'], tempDataDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--catalog');
    expect(run.stdout).toContain('--dry-run');
    for (const format of ['CSV', 'GBK', 'XLSX', 'JSON Lines']) expect(run.stdout).toContain(format);
  });

  it('refuses a missing option with one Chinese line', async () => {
    const run = await runCli(['import', 'x.csv'], tempDataDir());
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toMatch(/^错误：缺少必需的选项 --catalog/);
  });

  it('refuses a bad argument or option value in Chinese, with the reason', async () => {
    const dir = tempDataDir();
    const days = await runCli(['calendar', 'add-working-days', '2026-09-30', 'abc'], dir);
    expect(days.code).not.toBe(0);
    expect(days.stderr.trim()).toBe('错误：参数 n 的取值“abc”无效：工作日数应为 0–3650 的整数（运行 --help 查看用法）');
    const format = await runCli(['batches', 'rejected', 'x', '--format', 'pdf', '--out', 'x.pdf'], dir);
    expect(format.code).not.toBe(0);
    expect(format.stderr.trim()).toBe('错误：选项 --format <csv|xlsx> 的取值“pdf”无效：应为 csv 或 xlsx（运行 --help 查看用法）');
  });

  it('shows option defaults in Chinese', async () => {
    const run = await runCli(['batches', 'list', '--help'], tempDataDir());
    expect(run.stdout).toContain('条数（默认：50）');
    expect(run.stdout).not.toContain('default');
  });

  // `npx pubcredit` resolves the workspace bin link that `npm install` creates; never download.
  it('works from the repo root via npx', () => {
    const out = execFileSync('npx', ['--no-install', 'pubcredit', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out).toContain('用法：');
  });
});
