import { basename } from 'node:path';
import type { Command } from 'commander';
import type { ImportResult } from '@pubcredit/server';
import { withContext } from '../cli-context';
import type { CliAudit } from '../cli-context';
import { printJson, println } from '../output';
import { readable } from '../readable';
import { startProgress } from '../progress';

interface ImportOptions {
  catalog: string;
  source: string;
  dryRun?: boolean;
  json?: boolean;
}

const SEVERITY = { error: '错误', warning: '提示' } as const;

/**
 * One issue for people: 第36行 错误：行政相对人代码_1（…）（CF_XDR_SHXYM）：… The field's code stands
 * before the severity only when the message does not name the field itself.
 */
export function issueLine(i: { row: number; field: string | null; severity: 'error' | 'warning'; message: string }): string {
  const field = i.field && !i.message.includes(`（${i.field}）`) ? ` ${i.field}` : '';
  return `第${i.row}行${field} ${SEVERITY[i.severity]}：${i.message}`;
}
const SHOWN_ISSUES = 10;

/** The stable JSON of `import --json`: exactly these keys. */
export function importJson(r: ImportResult): Record<string, unknown> {
  return {
    batchId: r.batchId,
    catalog: r.catalog,
    total: r.total,
    accepted: r.accepted,
    rejected: r.rejected,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    issues: r.issues.map(({ row, field, severity, rule, message }) => ({ row, field, severity, rule, message })),
  };
}

async function printSummary(r: ImportResult, dryRun: boolean): Promise<void> {
  println(dryRun ? '试运行：只校验，未入库。' : `批次号：${r.batchId ?? '—'}`);
  println(`信息目录：${(await readable()).catalog(r.catalog)}（${r.catalog}）`);
  println(`共 ${r.total} 行：接收 ${r.accepted} 行（新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}），退回 ${r.rejected} 行`);
  if (r.issues.length > 0) {
    println(`问题 ${r.issues.length} 条${r.issues.length > SHOWN_ISSUES ? `（显示前 ${SHOWN_ISSUES} 条）` : ''}：`);
    for (const i of r.issues.slice(0, SHOWN_ISSUES)) println(`  ${issueLine(i)}`);
  }
  if (r.batchId && r.rejected > 0) {
    println(`退回数据：pubcredit batches rejected ${r.batchId} --format xlsx --out 退回数据.xlsx`);
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入一个数据文件（CSV：UTF-8 或 GBK/GB18030；XLSX；JSON Lines：.jsonl），校验后入库，问题行隔离待退回')
    .argument('<file>', '数据文件路径')
    .requiredOption('--catalog <code>', '信息目录代码或中文名，如 administrative_penalty 或 行政处罚')
    .requiredOption('--source <uscc>', '报送部门的统一社会信用代码（须已登记）')
    .option('--dry-run', '只校验，不入库')
    .option('--json', '以一个 JSON 对象输出结果')
    .action(async (file: string, opts: ImportOptions) => {
      const dryRun = opts.dryRun ?? false;
      // A dry run changes nothing: only real imports enter the audit trail.
      const audit: CliAudit<ImportResult> | undefined = dryRun
        ? undefined
        : {
            action: 'batch.import',
            target: opts.source,
            details: { file: basename(file), catalog: opts.catalog, source: opts.source },
            result: (r) => ({ batchId: r.batchId, total: r.total, accepted: r.accepted, rejected: r.rejected }),
          };
      const result = await withContext(
        'import',
        async (ctx, server) => {
          const progress = startProgress(!opts.json);
          let done = false;
          try {
            const imported = await server.importFile(ctx, {
              filePath: file,
              fileName: basename(file),
              catalog: opts.catalog,
              source: opts.source,
              dryRun,
              onProgress: progress?.onProgress,
            });
            done = true;
            return imported;
          } finally {
            progress?.stop(done);
          }
        },
        audit,
      );
      if (opts.json) printJson(importJson(result));
      else await printSummary(result, dryRun);
    });
}
