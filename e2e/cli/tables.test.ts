import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDataDir } from './run-cli';
import type { CliRun } from './run-cli';

// The tables for people read as the staff console does: Beijing time whatever the machine's zone,
// catalogues and departments by their Chinese names. `--json` keeps codes and ISO times.

// The department of the demo 严重失信主体名单 file (its rows name it as their source).
const DEPT = '11410400005847120C';
const DEPT_NAME = '平顶山市市场监督管理局';
const NAMED = `${DEPT_NAME}（${DEPT}）`;
// A machine far from Beijing: the tables must not follow the machine's zone.
const ELSEWHERE = { TZ: 'America/New_York' };

/** An ISO instant as Beijing reads it (UTC+8 all year), computed apart from the code under test. */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The rows of a printed table keyed by its header (cells are at least two spaces apart; none is empty here). */
function tableOf(run: CliRun): Record<string, string>[] {
  expect(run.code, run.stderr).toBe(0);
  const [header, ...lines] = run.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/ {2,}/));
  return lines.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
}

function keyed<T extends Record<K, string | number | null>, K extends string>(rows: readonly T[], key: K): Partial<Record<string, T>> {
  return Object.fromEntries(rows.map((r) => [String(r[key]), r] as const));
}

async function json<T>(args: string[], dataDir: string): Promise<T> {
  const run = await runCli([...args, '--json'], dataDir);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('pubcredit tables for people', () => {
  const dataDir = tempDataDir();
  let batchId = '';

  beforeAll(async () => {
    expect((await runCli(['departments', 'add', '--code', DEPT, '--name', DEPT_NAME], dataDir)).code).toBe(0);
    const file = join(REPO_ROOT, 'packages/server/demo/serious-dishonesty-list.csv');
    batchId = (await json<{ batchId: string }>(['import', file, '--catalog', 'serious_dishonesty_list', '--source', DEPT], dataDir)).batchId;
  });

  it('batches list and show: catalogue and department by name, times in Beijing time', async () => {
    const [listed] = await json<{ catalog: string; sourceDept: string; receivedAt: string; finishedAt: string }[]>(['batches', 'list'], dataDir);
    expect(listed).toMatchObject({ catalog: 'serious_dishonesty_list', sourceDept: DEPT });
    expect(listed?.receivedAt).toMatch(/T.*Z$/);
    const rows = tableOf(await runCli(['batches', 'list'], dataDir, ELSEWHERE));
    expect(rows).toEqual([
      expect.objectContaining({ 批次号: batchId, 信息目录: '严重失信主体名单', 报送部门: NAMED, '接收时间（北京时间）': beijing(listed?.receivedAt ?? '') }),
    ]);

    const show = await runCli(['batches', 'show', batchId], dataDir, ELSEWHERE);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('信息目录：严重失信主体名单（serious_dishonesty_list，2021 版）');
    expect(show.stdout).toContain(`报送部门：${NAMED}`);
    expect(show.stdout).toContain(`接收时间（北京时间）：${beijing(listed?.receivedAt ?? '')}，完成于 ${beijing(listed?.finishedAt ?? '')}`);
    expect(show.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  }, 120_000); // three CLI runs, each opening the embedded database

  it('departments list: name, code and the time of registration in Beijing time', async () => {
    const [dept] = await json<{ uscc: string; createdAt: string }[]>(['departments', 'list'], dataDir);
    expect(dept?.createdAt).toMatch(/T.*Z$/);
    expect(tableOf(await runCli(['departments', 'list'], dataDir, ELSEWHERE))).toEqual([
      { 部门名称: DEPT_NAME, 统一社会信用代码: DEPT, '登记时间（北京时间）': beijing(dept?.createdAt ?? '') },
    ]);
  });

  it('users: the department by name in the message and the list', async () => {
    const add = await runCli(['users', 'add', '--name', 'reporter', '--role', '部门填报员', '--department', DEPT, '--display-name', '张三'], dataDir);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain(`已创建用户 reporter（部门填报员），所属部门：${NAMED}\n`);
    expect((await runCli(['users', 'add', '--name', 'auditor', '--role', 'auditor'], dataDir)).code).toBe(0);
    const byName = keyed(tableOf(await runCli(['users', 'list'], dataDir)), '登录名');
    expect(byName.reporter).toMatchObject({ 角色: '部门填报员', 所属部门: NAMED, 状态: '待改密码', '最近登录（北京时间）': '—' });
    expect(byName.auditor).toMatchObject({ 角色: '审计员', 所属部门: '—' });
    // The JSON stays as it was: the code, no name.
    const [reporter] = (await json<Record<string, unknown>[]>(['users', 'list'], dataDir)).filter((u) => u.username === 'reporter');
    expect(reporter).toMatchObject({ departmentUscc: DEPT });
    expect(reporter).not.toHaveProperty('departmentName');
  }, 180_000); // four CLI runs

  it('apikeys list: whose key, what each scope allows, status and times in Beijing time', async () => {
    const dept = await json<{ id: string }>(['apikeys', 'create', '--department', DEPT, '--scopes', 'batches:write,batches:read'], dataDir);
    const system = await json<{ id: string }>(['apikeys', 'create', '--system', '平顶山市政务服务网', '--scopes', 'credit-check:read'], dataDir);
    expect((await runCli(['apikeys', 'revoke', system.id], dataDir)).code).toBe(0);
    const keys = await json<{ id: string; createdAt: string; revokedAt: string | null }[]>(['apikeys', 'list'], dataDir);
    const at = keyed(keys, 'id');
    expect(at[system.id]?.revokedAt).toMatch(/T.*Z$/);

    const byId = keyed(tableOf(await runCli(['apikeys', 'list'], dataDir, ELSEWHERE)), '编号');
    expect(byId[dept.id]).toEqual({
      编号: dept.id,
      所属: `部门：${NAMED}`,
      权限: 'batches:write（上传数据）、batches:read（查看批次）',
      状态: '有效',
      '创建时间（北京时间）': beijing(at[dept.id]?.createdAt ?? ''),
      '吊销时间（北京时间）': '—',
    });
    expect(byId[system.id]).toEqual({
      编号: system.id,
      所属: '系统：平顶山市政务服务网',
      权限: 'credit-check:read（信用核查）',
      状态: '已吊销',
      '创建时间（北京时间）': beijing(at[system.id]?.createdAt ?? ''),
      '吊销时间（北京时间）': beijing(at[system.id]?.revokedAt ?? ''),
    });
  }, 180_000); // five CLI runs

  it('audit list: the time in Beijing time, a department target with its name', async () => {
    const entries = (await runCli(['audit', 'list', '--action', 'department.create', '--json'], dataDir)).stdout.trim().split('\n');
    const [entry] = entries.map((l) => JSON.parse(l) as { seq: number; at: string; target: string });
    expect(entry?.target).toBe(DEPT);
    expect(entry?.at).toMatch(/T.*Z$/);
    const [row] = tableOf(await runCli(['audit', 'list', '--action', 'department.create'], dataDir, ELSEWHERE));
    expect(row).toMatchObject({ 序号: String(entry?.seq), '时间（北京时间）': beijing(entry?.at ?? ''), 对象: NAMED });
  });

  it('tiers list and set: catalogue and department by name', async () => {
    const set = await runCli(['tiers', 'set', '--catalog', 'administrative_penalty', '--department', DEPT, '--penalty-type', '罚款', '--tier', 'serious', '--basis', '测试'], dataDir);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(`已设定公示等级规则：行政处罚 / ${NAMED} / 罚款 → serious（严重），依据：测试\n`);
    const list = await runCli(['tiers', 'list'], dataDir);
    expect(tableOf(list)).toEqual([{ 信息目录: '行政处罚', 报送部门: NAMED, 处罚类别: '罚款', 等级: 'serious（严重）', 依据: '测试' }]);
    expect((await json<{ catalog: string; department: string }[]>(['tiers', 'list'], dataDir))[0]).toMatchObject({ catalog: 'administrative_penalty', department: DEPT });
  }, 120_000); // three CLI runs

  it('calendar years: a loaded year with its time in Beijing time, the built-in ones as 内置', async () => {
    const file = join(dataDir, '2027.json');
    writeFileSync(file, JSON.stringify({ year: 2027, papers: ['synthetic'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }));
    expect((await runCli(['calendar', 'load', file, '--source', '测试安排'], dataDir)).code).toBe(0);
    const years = await json<{ year: number; loadedAt: string | null }[]>(['calendar', 'years'], dataDir);
    const loadedAt = years.find((y) => y.year === 2027)?.loadedAt ?? '';
    expect(loadedAt).toMatch(/T.*Z$/);
    const rows = tableOf(await runCli(['calendar', 'years'], dataDir, ELSEWHERE));
    expect(rows.find((r) => r.年份 === '2027')).toEqual({ 年份: '2027', 来源: '测试安排', '载入时间（北京时间）': beijing(loadedAt) });
    expect(rows.find((r) => r.年份 === '2024')).toMatchObject({ '载入时间（北京时间）': '内置' });
    // Loading the year again names the schedule it replaces by the Beijing day it was loaded.
    const again = await runCli(['calendar', 'load', file, '--source', '更正后的安排'], dataDir, ELSEWHERE);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`已替换该年原有的安排（测试安排，${beijing(loadedAt).slice(0, 10)} 载入）`);
  }, 180_000); // four CLI runs
});
