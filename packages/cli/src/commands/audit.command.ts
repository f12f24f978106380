import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { AUDIT_ACTOR_KIND_NAMES, AUDIT_OUTCOME_NAMES, auditActionLabel } from '@pubcredit/domain/access';
import type { AuditSearchText } from '@pubcredit/server';
import { withContext } from '../cli-context';
import { printJson, println, printTable } from '../output';
import { readable } from '../readable';

/** Exit code of `audit verify` when the chain is broken (1 is any other failure). */
export const EXIT_CHAIN_BROKEN = 3;

interface FilterOptions {
  actor?: string;
  action?: string;
  actorKind?: AuditSearchText['actorKind'];
  outcome?: AuditSearchText['outcome'];
  department?: string;
  target?: string;
  from?: string;
  to?: string;
  spooled?: boolean;
}


function oneOf<T extends string>(values: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${what}应为 ${values.join('、')} 之一`);
  };
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new InvalidArgumentError('应为 0–10000 的整数');
  return n;
}

function withFilters(command: Command): Command {
  return command
    .option('--actor <text>', '操作人编号，或操作人名称的一部分')
    .option('--action <text>', '操作，或其前缀（如 user 匹配 user.create）')
    .option('--actor-kind <kind>', '操作人类别：user、key、anonymous、cli', oneOf(['user', 'key', 'anonymous', 'cli'] as const, '操作人类别'))
    .option('--outcome <outcome>', '结果：success、denied、error', oneOf(['success', 'denied', 'error'] as const, '结果'))
    .option('--department <uscc>', '操作人所属部门')
    .option('--target <text>', '对象的一部分：用户、批次、密钥的编号，主体代码或接口路径')
    .option('--from <time>', '起始时间（含）：YYYY-MM-DD（北京时间）或 ISO 8601')
    .option('--to <time>', '截止时间（含）：YYYY-MM-DD（北京时间）或 ISO 8601')
    .option('--spooled', '只看补记的记录（数据库暂不可写时先暂存、恢复后写入审计链的记录）');
}

function searchText(o: FilterOptions): AuditSearchText {
  return {
    actor: o.actor,
    action: o.action,
    actorKind: o.actorKind,
    outcome: o.outcome,
    departmentUscc: o.department,
    target: o.target,
    from: o.from,
    to: o.to,
    spooled: o.spooled ? true : undefined,
  };
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('审计日志：校验 SM3 哈希链、查询、导出');

  audit
    .command('verify')
    .description(`校验审计链：完整时退出码 0；有记录被篡改或删除时指出第一条，退出码 ${EXIT_CHAIN_BROKEN}`)
    .option('--json', '以 JSON 输出 {"ok","checked","head","firstBroken"}')
    .action(async (opts: { json?: boolean }) => {
      const result = await withContext('audit verify', (ctx, server) => server.verifyAuditChain(ctx), {
        action: 'audit.verify',
        result: (r) => ({ ok: r.ok, checked: r.checked, firstBroken: r.firstBroken?.seq }),
      });
      if (opts.json) printJson(result);
      if (result.ok) {
        if (!opts.json) println(`审计链完整，共 ${result.checked} 条（链尾 SM3：${result.head.hash}）`);
        return;
      }
      process.stderr.write(`错误：${result.firstBroken?.message ?? '审计链不完整'}（其前 ${result.checked} 条完好）\n`);
      process.exitCode = EXIT_CHAIN_BROKEN;
    });

  withFilters(audit.command('list'))
    .description('查询审计日志（新的在前）')
    .option('--limit <n>', '条数（默认 50）', parseCount, 50)
    .option('--offset <n>', '跳过条数', parseCount, 0)
    .option('--json', '以 JSON 输出（每条一行）')
    .action(async (opts: FilterOptions & { limit: number; offset: number; json?: boolean }) => {
      const [entries, departments] = await withContext(
        'audit list',
        (ctx, server) =>
          Promise.all([
            server.searchAudit(ctx, server.auditFilterOf(searchText(opts)), { limit: opts.limit, offset: opts.offset }),
            opts.json ? [] : server.listAllDepartments(ctx),
          ]),
        { action: 'audit.search', details: { query: searchText(opts) }, result: ([list]) => ({ count: list.length }) },
      );
      if (opts.json) {
        for (const e of entries) printJson({ ...e, at: e.at.toISOString() });
        return;
      }
      if (entries.length === 0) return println('没有符合条件的审计记录。');
      // A target that is a department's code (登记部门, 导入) is shown with the department's name.
      const show = await readable(departments);
      printTable(
        ['序号', '时间（北京时间）', '操作人', '操作', '对象', '结果', '状态'],
        entries.map((e) => [
          String(e.seq),
          // A late entry (replayed from the spool) says so: its time is the request's, not the writing's.
          e.details.spooled ? `${show.time(e.at)}（补记）` : show.time(e.at),
          `${e.actorName ?? e.actorId ?? ''}（${AUDIT_ACTOR_KIND_NAMES[e.actorKind]}）`,
          auditActionLabel(e.action),
          e.target ? show.department(e.target) : '',
          AUDIT_OUTCOME_NAMES[e.outcome],
          e.status === null ? '' : String(e.status),
        ]),
      );
    });

  withFilters(audit.command('export'))
    .description('导出审计日志（旧的在前，含 SM3 哈希以便复核），CSV 或 XLSX')
    .requiredOption('--format <csv|xlsx>', '文件格式', oneOf(['csv', 'xlsx'] as const, '格式'))
    .requiredOption('--out <file>', '输出文件路径')
    .action(async (opts: FilterOptions & { format: 'csv' | 'xlsx'; out: string }) => {
      await withContext(
        'audit export',
        async (ctx, server) => {
          const file = server.exportAudit(ctx, server.auditFilterOf(searchText(opts)), opts.format);
          await pipeline(file.stream, createWriteStream(opts.out));
        },
        { action: 'audit.export', details: { query: searchText(opts), format: opts.format, out: opts.out } },
      );
      println(`已导出：${opts.out}`);
    });
}
