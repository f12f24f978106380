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
  });

  it('refuses a missing option with one Chinese line', async () => {
    const run = await runCli(['import', 'x.csv'], tempDataDir());
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toMatch(/^错误：缺少必需的选项 --catalog/);
  });

  // `npx pubcredit` resolves the workspace bin link that `npm install` creates; never download.
  it('works from the repo root via npx', () => {
    const out = execFileSync('npx', ['--no-install', 'pubcredit', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out).toContain('用法：');
  });
});
