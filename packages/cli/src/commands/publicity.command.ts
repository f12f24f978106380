import type { Command } from 'commander';
import { withContext } from '../cli-context';
import { UsageError } from '../cli-errors';
import { printJson, println, printTable } from '../output';
import { readable } from '../readable';
import type { Readable } from '../readable';

// `pubcredit publicity` computes only (the domain's engine, no database); `pubcredit tiers` manages
// the credit centre's tier rules, audited like every other change made from the command line.

interface PublicityOpts {
  decisionDate: string;
  tier: string;
  catalog?: string;
  listedUntil?: string;
  removedOn?: string;
  json?: boolean;
}

const ruleTarget = (o: { catalog: string; department?: string; penaltyType?: string }): string =>
  [o.catalog, o.department ?? '*', o.penaltyType ?? '*'].join('/');

/** A stored rule as a clerk reads it: 行政处罚 / 平顶山市市场监督管理局（1141…） / 罚款. */
const ruleLabel = (show: Readable, r: { catalog: string; sourceDept: string | null; penaltyType: string | null }): string =>
  [show.catalog(r.catalog), r.sourceDept ? show.department(r.sourceDept) : '所有部门', r.penaltyType ?? '所有处罚类别'].join(' / ');

function registerPublicity(program: Command): void {
  program
    .command('publicity')
    .description('计算失信信息（行政处罚、严重失信主体名单）的公示期限：适用规定、等级、最短与最长公示期（民法典第二百零一、二百零二条计算）')
    .requiredOption('--decision-date <date>', '决定日期 YYYY-MM-DD（据此选择适用的规定）')
    .requiredOption('--tier <tier>', '公示等级：minor（轻微）、general（一般）、serious（严重）')
    .option('--catalog <code>', '信用信息目录代码或名称，如 administrative_penalty、严重失信主体名单（须为失信信息目录）')
    .option('--listed-until <date>', '公示期满时主体仍在失信联合惩戒对象名单上：在名单上的最后一天（含当日；公示延至该日，河南省社会信用条例第十九条）')
    .option('--removed-on <date>', '严重失信主体名单记录的移出日期：自该日起不再公示（河南省社会信用条例第三十七条）')
    .option('--json', '以 JSON 输出 {"regime","tier","minUntil","maxUntil"}')
    .action(async (opts: PublicityOpts) => {
      const { TIER_NAMES, catalogCodeOf, computePublicity, regimeName } = await import('@pubcredit/domain');
      const p = computePublicity({
        decisionDate: opts.decisionDate.trim(),
        tier: opts.tier.trim() as 'minor',
        ...(opts.catalog !== undefined ? { catalog: catalogCodeOf(opts.catalog.trim()) } : {}),
        listedUntil: opts.listedUntil?.trim() ?? null,
        removedOn: opts.removedOn?.trim() ?? null,
      });
      if (opts.json) return printJson({ regime: p.regime, tier: p.tier, minUntil: p.minUntil, maxUntil: p.maxUntil });
      const repair = p.minUntil === opts.decisionDate.trim() ? '履行义务后即可申请信用修复' : '此后可申请信用修复';
      println(`适用${regimeName(p.regime)}，${TIER_NAMES[p.tier]}失信：最短公示期至 ${p.minUntil}（${repair}），最长公示至 ${p.maxUntil}（含当日），届满自动停止公示`);
    });
}

function registerTiers(program: Command): void {
  const tiers = program
    .command('tiers')
    .description('公示等级规则：按目录、部门、处罚类别设定轻微/一般/严重（最具体的规则优先；未设定时按默认表）');

  tiers
    .command('list')
    .description('列出已设定的公示等级规则')
    .option('--defaults', '同时列出未设定规则时使用的默认表（按处罚类别）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { defaults?: boolean; json?: boolean }) => {
      const [rules, departments] = await withContext('tiers list', (ctx, server) =>
        Promise.all([server.listPublicityTierRules(ctx), opts.json ? [] : server.listAllDepartments(ctx)]),
      );
      const { DEFAULT_TIERS, TIER_NAMES } = await import('@pubcredit/domain');
      const defaults = [...DEFAULT_TIERS.byPenaltyType].map(([penaltyType, r]) => ({ penaltyType, tier: r.tier, basis: r.basis }));
      if (opts.json) {
        const list = rules.map((r) => ({ catalog: r.catalog, department: r.sourceDept, penaltyType: r.penaltyType, tier: r.tier, basis: r.basis, createdAt: r.createdAt.toISOString() }));
        const byCatalog = [...DEFAULT_TIERS.byCatalog].map(([catalog, r]) => ({ catalog, tier: r.tier, basis: r.basis }));
        return printJson(opts.defaults ? { rules: list, defaults: { catalog: DEFAULT_TIERS.catalog, byPenaltyType: defaults, fallback: DEFAULT_TIERS.fallback, byCatalog } } : list);
      }
      const show = await readable(departments);
      if (rules.length === 0) println('尚未设定公示等级规则；导入时按默认表确定等级（pubcredit tiers list --defaults 查看）。');
      else {
        printTable(
          ['信息目录', '报送部门', '处罚类别', '等级', '依据'],
          rules.map((r) => [show.catalog(r.catalog), r.sourceDept ? show.department(r.sourceDept) : '（所有部门）', r.penaltyType ?? '（所有类别）', `${r.tier}（${TIER_NAMES[r.tier]}）`, r.basis]),
        );
      }
      if (opts.defaults) {
        println();
        println(`默认表（${show.catalog(DEFAULT_TIERS.catalog)}，多个处罚类别取最严重者；简易程序为${TIER_NAMES[DEFAULT_TIERS.simpleProcedure.tier]}；其他为${TIER_NAMES[DEFAULT_TIERS.fallback.tier]}）：`);
        printTable(['处罚类别', '等级', '依据'], defaults.map((d) => [d.penaltyType, `${d.tier}（${TIER_NAMES[d.tier]}）`, d.basis]));
        println();
        println('其他失信信息目录的默认等级：');
        printTable(['信息目录', '等级', '依据'], [...DEFAULT_TIERS.byCatalog].map(([catalog, r]) => [show.catalog(catalog), `${r.tier}（${TIER_NAMES[r.tier]}）`, r.basis]));
      }
    });

  tiers
    .command('set')
    .description('设定（或替换）一条公示等级规则；只影响此后导入的记录（已存记录用 tiers recompute 重新计算）')
    .requiredOption('--catalog <code>', '信用信息目录代码或名称，如 administrative_penalty、行政处罚')
    .option('--department <uscc>', '报送部门的统一社会信用代码（不填为所有部门）')
    .option('--penalty-type <类别>', '处罚类别，如 罚款、吊销许可证件（名称或代码；不填为所有类别）')
    .requiredOption('--tier <tier>', '公示等级：minor（轻微）、general（一般）、serious（严重）')
    .requiredOption('--basis <依据>', '依据：文件名称及条款')
    .action(async (options: { catalog: string; department?: string; penaltyType?: string; tier: string; basis: string }) => {
      const opts = { ...options, catalog: await catalogCode(options.catalog) };
      const { rule, departments } = await withContext(
        'tiers set',
        async (ctx, server) => {
          const departments = opts.department ? await server.listAllDepartments(ctx) : []; // to name it, looked up before the change
          const input = { catalog: opts.catalog, department: opts.department ?? null, penaltyType: opts.penaltyType ?? null, tier: opts.tier, basis: opts.basis };
          return { rule: await server.setPublicityTierRule(ctx, input), departments };
        },
        { action: 'publicity.tier_rule.set', target: ruleTarget(opts), details: { tier: opts.tier, basis: opts.basis }, result: (r) => ({ ruleId: r.rule.ruleId }) },
      );
      const { TIER_NAMES } = await import('@pubcredit/domain');
      println(`已设定公示等级规则：${ruleLabel(await readable(departments), rule)} → ${rule.tier}（${TIER_NAMES[rule.tier]}），依据：${rule.basis}`);
    });

  tiers
    .command('remove')
    .description('删除一条公示等级规则（按目录、部门、处罚类别精确匹配）')
    .requiredOption('--catalog <code>', '信用信息目录代码或名称')
    .option('--department <uscc>', '部门的统一社会信用代码（不填为所有部门的规则）')
    .option('--penalty-type <类别>', '处罚类别（不填为所有类别的规则）')
    .action(async (options: { catalog: string; department?: string; penaltyType?: string }) => {
      if (options.catalog.trim() === '') throw new UsageError('--catalog 不能为空');
      const opts = { ...options, catalog: await catalogCode(options.catalog) };
      const { rule, departments } = await withContext(
        'tiers remove',
        async (ctx, server) => {
          const departments = opts.department ? await server.listAllDepartments(ctx) : []; // to name it, looked up before the change
          const input = { catalog: opts.catalog, department: opts.department ?? null, penaltyType: opts.penaltyType ?? null };
          return { rule: await server.removePublicityTierRule(ctx, input), departments };
        },
        { action: 'publicity.tier_rule.remove', target: ruleTarget(opts), result: (r) => ({ ruleId: r.rule.ruleId, tier: r.rule.tier }) },
      );
      const { TIER_NAMES } = await import('@pubcredit/domain');
      println(`已删除公示等级规则：${ruleLabel(await readable(departments), rule)}，原等级为 ${rule.tier}（${TIER_NAMES[rule.tier]}）`);
    });

  registerRecompute(tiers);
}

/** A catalogue as typed (code or Chinese name, any width): its code; anything else as given, for the service to refuse. */
async function catalogCode(input: string): Promise<string> {
  const { catalogCodeOf } = await import('@pubcredit/domain');
  return catalogCodeOf(input.trim());
}

function registerRecompute(tiers: Command): void {
  tiers
    .command('recompute')
    .description('按现行等级规则重新计算已存失信信息的等级与公示期限（仍在公示中的记录；已届满、已修复、已撤销的保持不变），记入审计日志')
    .option('--catalog <code>', '只计算该失信信息目录（代码或名称；默认全部）')
    .option('--department <uscc>', '只计算该部门报送的记录（默认全部）')
    .option('--dry-run', '只统计将改变的记录数，不写入')
    .option('--json', '以 JSON 输出 {"examined","changed","dryRun"}')
    .action(async (opts: { catalog?: string; department?: string; dryRun?: boolean; json?: boolean }) => {
      const req = { catalog: opts.catalog === undefined ? undefined : await catalogCode(opts.catalog), department: opts.department?.trim().toUpperCase(), dryRun: opts.dryRun === true };
      const report = await withContext(
        'tiers recompute',
        (ctx, server) => server.recomputePublicity(ctx, req),
        {
          action: 'publicity.recompute',
          target: [req.catalog ?? '*', req.department ?? '*'].join('/'),
          details: { dryRun: req.dryRun },
          result: (r) => ({ examined: r.examined, changed: r.changed }),
        },
      );
      if (opts.json) return printJson(report);
      println(`${report.dryRun ? '试算' : '已重新计算'}：检查公示中的失信信息 ${report.examined} 条，等级或公示期限${report.dryRun ? '将' : '已'}改变 ${report.changed} 条`);
    });
}

export function registerPublicityCommands(program: Command): void {
  registerPublicity(program);
  registerTiers(program);
}
