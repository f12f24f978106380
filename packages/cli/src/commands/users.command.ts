import type { Command } from 'commander';
import type { UserWithPassword } from '@pubcredit/server';
import { withContext } from '../cli-context';
import { printJson, println, printTable } from '../output';
import { readable } from '../readable';

interface AddOptions {
  name: string;
  role: string;
  department?: string;
  displayName?: string;
  json?: boolean;
}

const ROLE_HELP = '角色（代码或中文名）：平台管理员 platform_admin、信用中心业务员 credit_officer、部门填报员 dept_reporter、部门审核员 dept_reviewer、审计员 auditor';

/** Chinese role names, loaded with the command (not at start-up: `--help` stays instant). */
async function roleName(role: string): Promise<string> {
  const { ROLE_NAMES, isRole } = await import('@pubcredit/domain');
  return isRole(role) ? ROLE_NAMES[role] : role;
}

function printOneTimePassword(result: UserWithPassword, json: boolean | undefined, done: string): void {
  const { user, password } = result;
  if (json) {
    printJson({ id: user.id, username: user.username, role: user.role, departmentUscc: user.departmentUscc, password });
    return;
  }
  println(done);
  println(`初始密码：${password}`);
  println('这是一次性密码，只显示这一次：请当面或以安全方式交给本人；首次登录后必须修改。');
}

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('工作人员账号（首次部署先用 users add 创建平台管理员）');

  users
    .command('add')
    .description('创建账号并生成一次性初始密码（只显示这一次，首次登录须修改）')
    .requiredOption('--name <username>', '登录名，如 admin、zhang.san 或 张三')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--department <uscc>', '所属部门的统一社会信用代码（部门填报员、部门审核员必填）')
    .option('--display-name <name>', '姓名（默认同登录名）')
    .option('--json', '以 JSON 输出 {"id","username","role","departmentUscc","password"}')
    .action(async (opts: AddOptions) => {
      const created = await withContext(
        'users add',
        async (ctx, server) => {
          // Looked up first: once the account exists, nothing may fail the command.
          const departments = opts.department && !opts.json ? await server.listAllDepartments(ctx) : [];
          const made = await server.createUser(ctx, { username: opts.name, role: opts.role, departmentUscc: opts.department, displayName: opts.displayName });
          return { ...made, departments };
        },
        {
          action: 'user.create',
          target: opts.name,
          details: { role: opts.role, departmentUscc: opts.department ?? null },
          result: ({ user }) => ({ userId: user.id }),
        },
      );
      const { user } = created;
      const where = user.departmentUscc ? `，所属部门：${(await readable(created.departments)).department(user.departmentUscc)}` : '';
      printOneTimePassword(created, opts.json, `已创建用户 ${user.username}（${await roleName(user.role)}）${where}`);
    });

  users
    .command('list')
    .description('列出账号（不含密码）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const [list, departments] = await withContext('users list', (ctx, server) =>
        Promise.all([server.listAllUsers(ctx), opts.json ? [] : server.listAllDepartments(ctx)]),
      );
      const rows = list.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        departmentUscc: u.departmentUscc,
        disabled: u.disabledAt !== null,
        totpEnabled: u.totpEnabled,
        mustChangePassword: u.mustChangePassword,
        lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      }));
      if (opts.json) return printJson(rows);
      if (rows.length === 0) return println('还没有账号。用 pubcredit users add --name admin --role 平台管理员 创建平台管理员。');
      const names = await Promise.all(rows.map((u) => roleName(u.role)));
      const show = await readable(departments);
      printTable(
        ['登录名', '姓名', '角色', '所属部门', '状态', '动态口令', '最近登录（北京时间）'],
        rows.map((u, i) => [
          u.username,
          u.displayName,
          names[i] ?? u.role,
          show.department(u.departmentUscc),
          u.disabled ? '已停用' : u.mustChangePassword ? '待改密码' : '正常',
          u.totpEnabled ? '已启用' : '未启用',
          show.time(u.lastLoginAt),
        ]),
      );
    });

  users
    .command('disable')
    .description('停用账号（立即结束其所有会话）')
    .argument('<username>', '登录名或用户编号')
    .action(async (name: string) => {
      const user = await withContext('users disable', (ctx, server) => server.updateUserAccount(ctx, name, { disabled: true }), {
        action: 'user.update',
        target: name,
        details: { disabled: true },
        result: (u) => ({ userId: u.id }),
      });
      println(`已停用用户 ${user.username}`);
    });

  users
    .command('enable')
    .description('重新启用已停用的账号')
    .argument('<username>', '登录名或用户编号')
    .action(async (name: string) => {
      const user = await withContext('users enable', (ctx, server) => server.updateUserAccount(ctx, name, { disabled: false }), {
        action: 'user.update',
        target: name,
        details: { disabled: false },
        result: (u) => ({ userId: u.id }),
      });
      println(`已启用用户 ${user.username}`);
    });

  users
    .command('reset-password')
    .description('重置密码：生成新的一次性密码，解除锁定，结束其所有会话')
    .argument('<username>', '登录名或用户编号')
    .option('--reset-totp', '同时清除动态口令（更换或丢失手机时）')
    .option('--json', '以 JSON 输出 {"id","username","role","departmentUscc","password"}')
    .action(async (name: string, opts: { resetTotp?: boolean; json?: boolean }) => {
      const result = await withContext(
        'users reset-password',
        async (ctx, server) => {
          if (opts.resetTotp) await server.updateUserAccount(ctx, name, { resetTotp: true });
          return server.resetUserPassword(ctx, name);
        },
        { action: 'user.password.reset', target: name, details: { resetTotp: opts.resetTotp === true }, result: ({ user }) => ({ userId: user.id }) },
      );
      printOneTimePassword(result, opts.json, `已重置用户 ${result.user.username} 的密码${opts.resetTotp ? '并清除动态口令' : ''}`);
    });
}
