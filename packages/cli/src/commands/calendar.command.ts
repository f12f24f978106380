import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { withContext } from '../cli-context';
import { UsageError } from '../cli-errors';
import { printJson, println, printTable } from '../output';
import { readable } from '../readable';

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('日期应为 YYYY-MM-DD');
  return value;
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 3650) throw new InvalidArgumentError('工作日数应为 0–3650 的整数');
  return n;
}

export function registerCalendarCommand(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（法定节假日与调休），用于计算期限');

  calendar
    .command('add-working-days')
    .description('计算某日之后第 N 个工作日')
    .argument('<date>', '起始日期 YYYY-MM-DD', parseDate)
    .argument('<n>', '工作日数', parseDays)
    .action(async (date: string, n: number) => {
      println(await withContext('calendar add-working-days', (ctx, server) => server.addWorkingDays(ctx, date, n)));
    });

  calendar
    .command('load')
    .description('载入某年国务院办公厅节假日安排（holiday-cn JSON 格式）')
    .argument('<file>', 'JSON 文件，如 2027.json')
    .option('--source <text>', '来源说明（通知文号或网址），默认为文件名')
    .action(async (file: string, opts: { source?: string }) => {
      const json = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`无法读取文件 ${resolve(file)}`);
      });
      const saved = await withContext('calendar load', (ctx, server) => server.loadCalendarYear(ctx, json, opts.source ?? file), {
        action: 'calendar.load',
        details: { file, source: opts.source ?? file },
        result: (y) => ({ year: y.year, holidays: y.holidays.length, workdays: y.workdays.length, replaced: y.replaced?.source ?? null }),
      });
      println(`已载入 ${saved.year} 年节假日安排：放假 ${saved.holidays.length} 天，调休上班 ${saved.workdays.length} 天（来源：${saved.source}）`);
      const { replaced } = saved;
      if (replaced) {
        // The day it was loaded in Beijing, not in UTC (a load at 07:00 was not the day before).
        const was = replaced.loadedAt ? `${replaced.source}，${(await readable()).time(replaced.loadedAt).slice(0, 10)} 载入` : `内置数据 ${replaced.source}`;
        println(`已替换该年原有的安排（${was}）；此后按新安排计算工作日，已存记录的报送工作日数不变。`);
      }
    });

  calendar
    .command('years')
    .description('列出日历已覆盖的年份及其来源')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const { years, horizon } = await withContext('calendar years', async (ctx, server) => ({
        years: await server.listCoveredYears(ctx),
        horizon: await server.calendarHealth(ctx),
      }));
      if (opts.json) return printJson(years);
      const show = await readable();
      printTable(['年份', '来源', '载入时间（北京时间）'], years.map((y) => [String(y.year), y.source, y.loadedAt ? show.time(y.loadedAt) : '内置']));
      // A year about to begin (or begun) without its schedule: said on stderr, the table stays as it is.
      if (horizon.message) process.stderr.write(`注意：${horizon.message}\n`);
    });
}
