import type { Command } from 'commander';
import { withContext } from '../cli-context';
import { printJson, println, printTable } from '../output';
import { readable } from '../readable';

export function registerDepartmentsCommand(program: Command): void {
  const departments = program.command('departments').description('信源部门（报送单位）管理');

  departments
    .command('add')
    .description('登记一个部门')
    .requiredOption('--code <uscc>', '部门的统一社会信用代码')
    .requiredOption('--name <name>', '部门名称，如 平顶山市市场监督管理局')
    .action(async (opts: { code: string; name: string }) => {
      const dept = await withContext('departments add', (ctx, server) => server.registerDepartment(ctx, { uscc: opts.code, name: opts.name }), {
        action: 'department.create',
        target: opts.code,
        details: { name: opts.name },
      });
      println(`已登记部门：${dept.name}（${dept.uscc}）`);
    });

  departments
    .command('list')
    .description('列出已登记的部门')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const list = await withContext('departments list', (ctx, server) => server.listAllDepartments(ctx));
      if (opts.json) {
        printJson(list.map((d) => ({ uscc: d.uscc, name: d.name, createdAt: d.createdAt.toISOString() })));
        return;
      }
      if (list.length === 0) return println('尚未登记任何部门。用 pubcredit departments add --code <代码> --name <名称> 登记。');
      const show = await readable();
      printTable(['部门名称', '统一社会信用代码', '登记时间（北京时间）'], list.map((d) => [d.name, d.uscc, show.time(d.createdAt)]));
    });
}
