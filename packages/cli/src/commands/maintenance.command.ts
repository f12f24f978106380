import type { Command } from 'commander';
import { withContext } from '../cli-context';
import { println } from '../output';
import { readable } from '../readable';

export function registerMaintenanceCommands(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移（打开数据库时自动执行），并列出已执行的迁移')
    .action(async () => {
      const applied = await withContext('migrate', async (ctx) => (await import('@pubcredit/db')).listAppliedMigrations(ctx.db));
      const show = await readable();
      for (const m of applied) println(`${String(m.version).padStart(3, '0')} ${m.name}  ${show.time(m.appliedAt)}（北京时间）`);
      println('数据库结构已是最新。');
    });

  const demo = program.command('demo').description('演示数据（虚构的部门、企业和个人）');
  demo
    .command('load')
    .description('载入演示数据：登记演示部门，导入演示文件')
    .action(async () => {
      const summary = await withContext('demo load', (ctx, server) => server.seedDemo(ctx), { action: 'demo.load' });
      println(`演示部门 ${summary.departments} 个。`);
      for (const i of summary.imports) {
        println(`${i.file}：共 ${i.total} 行，接收 ${i.accepted}，退回 ${i.rejected}（批次 ${i.batchId ?? '—'}）`);
      }
    });
}
