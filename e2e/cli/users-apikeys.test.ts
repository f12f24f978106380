import { buildApp, createLogger, openContext, parseConfig } from '@pubcredit/server';
import { describe, expect, it } from 'vitest';
import { runCli, stderrLines, tempDataDir } from './run-cli';

// Synthetic, valid by algorithm (GB 32100), not a real department.
const DEPT = '11410400MB0000019H';

describe('pubcredit users and apikeys', () => {
  const dataDir = tempDataDir();
  let adminPassword = '';

  it('first run: creates the platform administrator with a one-time password shown once', async () => {
    const run = await runCli(['users', 'add', '--name', 'admin', '--role', '平台管理员', '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const created = JSON.parse(run.stdout) as { id: string; username: string; role: string; departmentUscc: null; password: string };
    expect(created).toMatchObject({ username: 'admin', role: 'platform_admin', departmentUscc: null });
    expect(created.password).toMatch(/^\S{16}$/);
    adminPassword = created.password;
  });

  it('creates a department reporter by Chinese role name, and refuses one without its department', async () => {
    expect((await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir)).code).toBe(0);
    const missing = await runCli(['users', 'add', '--name', 'reporter', '--role', '部门填报员'], dataDir);
    expect(missing.code).toBe(1);
    expect(stderrLines(missing)).toEqual(['错误：部门填报员（dept_reporter）必须指定所属部门（统一社会信用代码）']);
    const badRole = await runCli(['users', 'add', '--name', 'reporter', '--role', '科长'], dataDir);
    expect(stderrLines(badRole)).toEqual([expect.stringMatching(/^错误：未知的角色：科长/)]);

    const run = await runCli(['users', 'add', '--name', 'reporter', '--role', 'dept_reporter', '--department', DEPT, '--display-name', '张三'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已创建用户 reporter（部门填报员），所属部门：平顶山市市场监督管理局（${DEPT}）`);
    expect(run.stdout).toMatch(/初始密码：\S{16}\n/);
    const dup = await runCli(['users', 'add', '--name', 'Reporter', '--role', 'auditor'], dataDir);
    expect(stderrLines(dup)).toEqual(['错误：用户名 reporter 已被使用']);
  });

  it('lists, disables, enables and resets accounts', async () => {
    const list = await runCli(['users', 'list', '--json'], dataDir);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(users.map((u) => [u.username, u.role, u.mustChangePassword])).toEqual([
      ['admin', 'platform_admin', true],
      ['reporter', 'dept_reporter', true],
    ]);
    expect(list.stdout).not.toMatch(/password"|argon2/);
    const table = await runCli(['users', 'list'], dataDir);
    expect(table.stdout).toMatch(/reporter\s+张三\s+部门填报员/);

    expect((await runCli(['users', 'disable', 'reporter'], dataDir)).stdout).toBe('已停用用户 reporter\n');
    expect((await runCli(['users', 'list'], dataDir)).stdout).toContain('已停用');
    expect((await runCli(['users', 'enable', 'reporter'], dataDir)).stdout).toBe('已启用用户 reporter\n');
    const reset = await runCli(['users', 'reset-password', 'reporter', '--json'], dataDir);
    expect(reset.code, reset.stderr).toBe(0);
    expect((JSON.parse(reset.stdout) as { password: string }).password).toMatch(/^\S{16}$/);
    expect(stderrLines(await runCli(['users', 'disable', 'nobody'], dataDir))).toEqual(['错误：未找到用户 nobody']);
  }, 180_000); // eight CLI runs, each opening the embedded database

  it('enters every account change in the audit trail, never a password', async () => {
    const run = await runCli(['audit', 'list', '--actor-kind', 'cli', '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const entries = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; outcome: string; target: string | null })
      .filter((e) => e.action.startsWith('user.'))
      .reverse();
    expect(entries.map((e) => [e.action, e.target, e.outcome])).toEqual([
      ['user.create', 'admin', 'success'],
      ['user.create', 'reporter', 'error'],
      ['user.create', 'reporter', 'error'],
      ['user.create', 'reporter', 'success'],
      ['user.create', 'Reporter', 'error'],
      ['user.update', 'reporter', 'success'],
      ['user.update', 'reporter', 'success'],
      ['user.password.reset', 'reporter', 'success'],
      ['user.update', 'nobody', 'error'],
    ]);
    expect(run.stdout).not.toContain(adminPassword);
  });

  it('creates department and system keys as {"id","key"} once, lists and revokes them', async () => {
    const dept = await runCli(['apikeys', 'create', '--department', DEPT, '--scopes', 'batches:write,batches:read', '--json'], dataDir);
    expect(dept.code, dept.stderr).toBe(0);
    const created = JSON.parse(dept.stdout) as Record<string, string>;
    expect(Object.keys(created)).toEqual(['id', 'key']);
    expect(created.key).toMatch(/^pck_/);
    const system = await runCli(['apikeys', 'create', '--system', '平顶山市政务服务网', '--scopes', 'credit-check:read', '--json'], dataDir);
    expect(system.code, system.stderr).toBe(0);

    const both = await runCli(['apikeys', 'create', '--department', DEPT, '--system', '政务服务网', '--scopes', 'batches:read'], dataDir);
    expect(stderrLines(both)).toEqual(['错误：请指定密钥所属部门（departmentUscc，命令行 --department）或调用系统名称（systemName，命令行 --system），二者选一']);
    const wrongKind = await runCli(['apikeys', 'create', '--system', '政务服务网', '--scopes', 'batches:write'], dataDir);
    expect(stderrLines(wrongKind)).toEqual(['错误：系统密钥不能带有权限 batches:write；系统密钥可用：credit-check:read、metrics:read']);

    const list = await runCli(['apikeys', 'list', '--json'], dataDir);
    expect(list.stdout).not.toContain(created.key);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(2);
    expect((await runCli(['apikeys', 'revoke', created.id ?? ''], dataDir)).stdout).toBe(`已吊销密钥 ${created.id}\n`);
  });

  it('the administrator created on the command line logs in to the server and must change the password', async () => {
    const config = parseConfig({ PUBCREDIT_DATA_DIR: dataDir, PUBCREDIT_DEMO: '0' });
    const ctx = await openContext(config, 'e2e server', { log: createLogger('silent') });
    const app = await buildApp(ctx, { webDist: '/nonexistent' });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: adminPassword } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ user: { role: string; mustChangePassword: boolean } }>().user).toMatchObject({ role: 'platform_admin', mustChangePassword: true });
    } finally {
      await app.close();
      await ctx.db.close();
    }
  });
});
