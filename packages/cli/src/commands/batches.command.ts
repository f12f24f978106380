import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { ExportFormat } from '@pubcredit/server';
import { withContext } from '../cli-context';
import { printJson, println, printTable } from '../output';
import { readable } from '../readable';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('应为 1–1000 的整数');
  return n;
}

function parseFormat(value: string): ExportFormat {
  if (value !== 'csv' && value !== 'xlsx') throw new InvalidArgumentError('应为 csv 或 xlsx');
  return value;
}

export function registerBatchesCommand(program: Command): void {
  const batches = program.command('batches').description('报送批次');

  batches
    .command('list')
    .description('列出批次（新的在前）')
    .option('--source <uscc>', '只看某一部门的批次')
    .option('--limit <n>', '条数', parseLimit, 50)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { source?: string; limit: number; json?: boolean }) => {
      const [list, departments] = await withContext('batches list', (ctx, server) =>
        Promise.all([server.listBatchesFor(ctx, { limit: opts.limit, offset: 0 }, opts.source), opts.json ? [] : server.listAllDepartments(ctx)]),
      );
      if (opts.json) return printJson(list);
      if (list.length === 0) return println('没有批次。');
      const show = await readable(departments);
      printTable(
        ['批次号', '信息目录', '报送部门', '文件', '总行数', '接收', '退回', '接收时间（北京时间）'],
        list.map((b) => [
          b.batchId,
          show.catalog(b.catalog),
          show.department(b.sourceDept),
          b.fileName,
          String(b.total),
          String(b.accepted),
          String(b.rejected),
          show.time(b.receivedAt),
        ]),
      );
    });

  batches
    .command('show')
    .description('显示一个批次')
    .argument('<id>', '批次号')
    .option('--json', '以 JSON 输出')
    .action(async (id: string, opts: { json?: boolean }) => {
      const [b, departments] = await withContext('batches show', (ctx, server) =>
        Promise.all([server.getBatchFor(ctx, id), opts.json ? [] : server.listAllDepartments(ctx)]),
      );
      if (opts.json) return printJson(b);
      const show = await readable(departments);
      println(`批次号：${b.batchId}`);
      println(`信息目录：${show.catalog(b.catalog)}（${b.catalog}，${b.edition} 版）`);
      println(`报送部门：${show.department(b.sourceDept)}`);
      println(`文件：${b.fileName}（${b.format}${b.encoding ? `，${b.encoding}` : ''}，SHA-256 ${b.fileSha256}）`);
      println(`共 ${b.total} 行：接收 ${b.accepted}（新增 ${b.created}，更新 ${b.updated}，未变 ${b.unchanged}），退回 ${b.rejected}，提示 ${b.warnings}`);
      println(`接收时间（北京时间）：${show.time(b.receivedAt)}，完成于 ${show.time(b.finishedAt)}`);
    });

  batches
    .command('rejected')
    .description('导出批次的退回数据（原表头加“错误原因”列），供部门修改后重报')
    .argument('<id>', '批次号')
    .option('--format <csv|xlsx>', '文件格式（默认按 --out 的扩展名：.xlsx 为 xlsx，其余为 csv）', parseFormat)
    .requiredOption('--out <file>', '输出文件路径，如 退回数据.xlsx')
    .action(async (id: string, given: { format?: ExportFormat; out: string }) => {
      const opts = { ...given, format: given.format ?? (extname(given.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv') } as const;
      await withContext(
        'batches rejected',
        async (ctx, server) => {
          // The operator hands the file back to the department for resubmission: numbers as given.
          const file = await server.exportRejectedRows(ctx, id, opts.format, undefined, { reveal: true });
          await pipeline(file.stream, createWriteStream(opts.out));
        },
        { action: 'batch.rejected.download', target: id, details: { format: opts.format, out: opts.out } },
      );
      println(`已导出：${opts.out}`);
    });
}
