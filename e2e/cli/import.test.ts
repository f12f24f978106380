import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataDirLock } from '@pubcredit/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, stderrLines, tempDataDir } from './run-cli';

/** What `import --json` prints. */
interface ImportJson {
  batchId: string;
  issues: Record<string, unknown>[];
  [key: string]: unknown;
}

// Synthetic codes, valid by algorithm, not real entities.
const DEPT = '11410400MB0000019H';
const HEADER =
  'CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM';

function row(name: string, uscc: string, docNo: string): string {
  const dept = '平顶山市市场监督管理局';
  return [name, '法人及非法人组织', uscc, '王建国', docNo, '未按规定公示年度报告', '未按期公示2023年度报告',
    '《企业信息公示暂行条例》第八条', '罚款', '罚款2000元', '0.2', '2024-03-01', '2025-03-01', dept, DEPT, dept, DEPT].join(',');
}

describe('pubcredit import', () => {
  const dataDir = tempDataDir();
  const good = join(dataDir, 'penalties.csv');
  const refused = join(dataDir, 'refused.csv');

  beforeAll(async () => {
    writeFileSync(
      good,
      [HEADER, row('平顶山市鹰城建材有限公司', '91410402MA9G12340K', '平市监罚〔2024〕1号'),
        row('平顶山市卫东区某某商贸有限公司', '91410402MA9G12340X', '平市监罚〔2024〕2号')].join('\r\n'),
    );
    writeFileSync(refused, '姓名,电话\r\n张三,13800000000\r\n');
    const add = await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir);
    expect(add.code, add.stderr).toBe(0);
  });

  it('--json prints exactly one JSON object and exits 0 even with rejected rows', async () => {
    const run = await runCli(['import', good, '--catalog', 'administrative_penalty', '--source', DEPT, '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as ImportJson;
    expect(Object.keys(result).sort()).toEqual(
      ['accepted', 'batchId', 'catalog', 'created', 'issues', 'rejected', 'total', 'unchanged', 'updated'].sort(),
    );
    expect(result).toMatchObject({ catalog: 'administrative_penalty', total: 2, accepted: 1, rejected: 1, created: 1 });
    for (const issue of result.issues) expect(Object.keys(issue).sort()).toEqual(['field', 'message', 'row', 'rule', 'severity']);

    const shown = await runCli(['batches', 'show', result.batchId, '--json'], dataDir);
    expect(JSON.parse(shown.stdout)).toMatchObject({ batchId: result.batchId, sourceDept: DEPT, rejected: 1 });
    const out = join(dataDir, 'rejected.csv');
    const rejected = await runCli(['batches', 'rejected', result.batchId, '--format', 'csv', '--out', out], dataDir);
    expect(rejected.code, rejected.stderr).toBe(0);
  });

  it('imports a 严重失信主体名单 file, the catalogue named in Chinese (the demo list of 市场监督管理局)', async () => {
    const samr = '11410400005847120C';
    expect((await runCli(['departments', 'add', '--code', samr, '--name', '平顶山市市场监督管理局（演示）'], dataDir)).code).toBe(0);
    const file = join(REPO_ROOT, 'packages/server/demo/serious-dishonesty-list.csv');
    const run = await runCli(['import', file, '--catalog', '严重失信主体名单', '--source', samr, '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ImportJson;
    expect(result).toMatchObject({ catalog: 'serious_dishonesty_list', total: 2, accepted: 2, rejected: 0, created: 2 });
    // Clean rows: no issue at all, unless the official schedule of this year (the receipt's) is not
    // loaded yet (from 2027-01-01 with the built-in calendar); then each row says so, as a warning.
    const years = JSON.parse((await runCli(['calendar', 'years', '--json'], dataDir)).stdout) as { year: number }[];
    const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    if (years.some((y) => y.year === thisYear)) expect(result.issues).toEqual([]);
    else expect(result.issues.map((i) => [i.row, i.rule, i.severity])).toEqual([2, 3].map((row) => [row, 'calendar.year_unknown', 'warning']));
  });

  it('prints a Chinese summary without --json', async () => {
    const run = await runCli(['import', good, '--catalog', 'administrative_penalty', '--source', DEPT, '--dry-run'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('试运行');
    expect(run.stdout).toMatch(/共 2 行/);
  });

  it.each([
    ['an unknown catalogue', ['--catalog', 'no_such_catalog', '--source', DEPT], 'no_such_catalog'],
    ['an unknown department', ['--catalog', 'administrative_penalty', '--source', '91410402MA9G12340K'], '91410402MA9G12340K'],
  ])('refuses %s: non-zero exit, one Chinese line, no stack', async (_what, opts, named) => {
    const run = await runCli(['import', good, ...opts, '--json'], dataDir);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^错误：.*[\u4e00-\u9fa5]/);
    expect(run.stderr).toContain(named);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unreadable file and refused headers with one line each', async () => {
    const missing = await runCli(['import', join(dataDir, 'nope.csv'), '--catalog', 'administrative_penalty', '--source', DEPT], dataDir);
    expect(missing.code).not.toBe(0);
    expect(stderrLines(missing)).toHaveLength(1);
    const headers = await runCli(['import', refused, '--catalog', 'administrative_penalty', '--source', DEPT], dataDir);
    expect(headers.code).not.toBe(0);
    expect(stderrLines(headers)).toHaveLength(1);
    expect(headers.stderr).toMatch(/^错误：/);
  });

  it('batches list --source takes the department code in lower case', async () => {
    const imported = await runCli(['import', good, '--catalog', 'administrative_penalty', '--source', DEPT, '--json'], dataDir);
    expect(imported.code, imported.stderr).toBe(0);
    const run = await runCli(['batches', 'list', '--source', DEPT.toLowerCase(), '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const list = JSON.parse(run.stdout) as { sourceDept: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((b) => b.sourceDept === DEPT)).toBe(true);
  });

  it('batches rejected takes the format from the --out extension', async () => {
    const imported = await runCli(['import', good, '--catalog', 'administrative_penalty', '--source', DEPT, '--json'], dataDir);
    const { batchId } = JSON.parse(imported.stdout) as ImportJson;
    const xlsx = join(dataDir, '退回数据.xlsx');
    const csv = join(dataDir, '退回数据.csv');
    for (const out of [xlsx, csv]) {
      const run = await runCli(['batches', 'rejected', batchId, '--out', out], dataDir);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(csv, 'utf8')).toContain('错误原因');

    // An output path that cannot be written is named, in Chinese.
    const nowhere = join(dataDir, 'no-such-dir', 'x.csv');
    const missingDir = await runCli(['batches', 'rejected', batchId, '--out', nowhere], dataDir);
    expect(missingDir.code).toBe(1);
    expect(missingDir.stderr).toBe(`错误：无法访问文件 ${nowhere}：文件或所在目录不存在\n`);
    const directory = await runCli(['batches', 'rejected', batchId, '--out', dataDir], dataDir);
    expect(directory.stderr).toBe(`错误：无法访问文件 ${dataDir}：这是一个目录，请给出文件名\n`);
  });

  it('a mistyped batch id is not found, not an internal database error', async () => {
    for (const args of [['batches', 'show', 'abc'], ['batches', 'rejected', 'abc', '--format', 'csv', '--out', join(dataDir, 'x.csv')]]) {
      const run = await runCli(args, dataDir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('错误：未找到批次 abc\n');
    }
  });

  it('refuses a data directory another process holds, naming the holder', async () => {
    const lock = acquireDataDirLock(dataDir, 'pubcredit server on :8080');
    try {
      const run = await runCli(['departments', 'list'], dataDir);
      expect(run.code).toBe(1);
      expect(stderrLines(run)).toHaveLength(1);
      expect(run.stderr).toContain('pubcredit server on :8080');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
    }
  });
});
