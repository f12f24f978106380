// Issue #4 §1: `pubcredit publicity` prints a record's publicity as the engine computes it, and
// `pubcredit tiers` manages the credit centre's tier rules, entered in the audit trail.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO_ROOT, runCli, stderrLines, tempDataDir } from './run-cli';

// Synthetic, valid by algorithm (GB 32100), not a real department.
const DEPT = '11410400MB0000019H';

describe('pubcredit publicity', () => {
  const dataDir = tempDataDir();

  it.each([
    ['2026-11-30', 'minor', { regime: 'ndrc-order-36', tier: 'minor', minUntil: '2026-11-30', maxUntil: '2027-02-28' }],
    ['2026-04-01', 'serious', { regime: 'ndrc-order-36', tier: 'serious', minUntil: '2027-04-01', maxUntil: '2029-04-01' }],
    ['2026-03-31', 'general', { regime: 'ndrc-order-58', tier: 'general', minUntil: '2026-06-30', maxUntil: '2029-03-31' }],
    ['2023-04-30', 'serious', { regime: 'ndrc-2019-527', tier: 'serious', minUntil: '2023-10-30', maxUntil: '2026-04-30' }],
  ])('--decision-date %s --tier %s --json prints exactly the four fields', async (date, tier, expected) => {
    const run = await runCli(['publicity', '--decision-date', date, '--tier', tier, '--catalog', 'administrative_penalty', '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(expected)}\n`);
  });

  it.each([
    ['Order 36 严重 by the 列入日期', [], { regime: 'ndrc-order-36', tier: 'serious', minUntil: '2027-04-01', maxUntil: '2029-04-01' }],
    ['HN-Credit Art.37: removed, public until the day before', ['--removed-on', '2027-10-01'], { regime: 'ndrc-order-36', tier: 'serious', minUntil: '2027-04-01', maxUntil: '2027-09-30' }],
  ])('a 严重失信主体名单 record: %s', async (_case, extra, expected) => {
    const args = ['publicity', '--decision-date', '2026-04-01', '--tier', 'serious', '--catalog', '严重失信主体名单', ...extra, '--json'];
    const run = await runCli(args, dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(expected)}\n`);
  });

  it('without --json prints one Chinese line', async () => {
    const run = await runCli(['publicity', '--decision-date', '2026-04-01', '--tier', 'general'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^适用国家发展改革委令第36号，一般失信：最短公示期至 2026-07-01.*最长公示至 2027-04-01/)]);
  });

  it.each([
    ['an impossible date', ['--decision-date', '2026-02-30', '--tier', 'minor'], /^错误：决定日期无效：2026-02-30/],
    ['a bad tier', ['--decision-date', '2026-04-01', '--tier', 'severe'], /^错误：公示等级无效：severe/],
    ['a decision before every regime', ['--decision-date', '2017-07-30', '--tier', 'general'], /^错误：决定日期 2017-07-30 早于已知最早的公示期限规定/],
    ['a catalogue that is not negative', ['--decision-date', '2026-04-01', '--tier', 'minor', '--catalog', 'administrative_license'], /^错误：.*不是失信信息目录/],
    ['an impossible removal date', ['--decision-date', '2026-04-01', '--tier', 'serious', '--removed-on', '2027-02-30'], /^错误：移出日期无效：2027-02-30/],
  ])('refuses %s: non-zero exit, one Chinese line on stderr', async (_case, args, message) => {
    const run = await runCli(['publicity', ...args, '--json'], dataDir);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toEqual([expect.stringMatching(message)]);
  });
});

describe('pubcredit tiers', () => {
  const dataDir = tempDataDir();

  it('sets, lists and removes rules, each change audited', async () => {
    expect((await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir)).code).toBe(0);
    const empty = await runCli(['tiers', 'list', '--json'], dataDir);
    expect(empty.code, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);

    const set = await runCli(
      ['tiers', 'set', '--catalog', 'administrative_penalty', '--department', DEPT, '--penalty-type', '罚款', '--tier', 'serious', '--basis', '某领域分级标准第3条（测试）'],
      dataDir,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('已设定公示等级规则');
    // The catalogue by its Chinese name, as a clerk types it.
    const wide = await runCli(['tiers', 'set', '--catalog', ' 行政处罚 ', '--tier', 'general', '--basis', '全目录（测试）'], dataDir);
    expect(wide.code, wide.stderr).toBe(0);

    const list = await runCli(['tiers', 'list', '--json'], dataDir);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ catalog: 'administrative_penalty', department: null, penaltyType: null, tier: 'general', basis: '全目录（测试）' }),
      expect.objectContaining({ catalog: 'administrative_penalty', department: DEPT, penaltyType: '罚款', tier: 'serious' }),
    ]);
    const human = await runCli(['tiers', 'list', '--defaults'], dataDir);
    expect(human.stdout).toContain('默认表');
    expect(human.stdout).toContain('吊销许可证件');
    expect(human.stdout).toMatch(/严重失信主体名单\s+serious（严重）/);
    expect(human.stdout).toContain('默认表（行政处罚，');

    const removed = await runCli(['tiers', 'remove', '--catalog', '行政处罚', '--department', DEPT, '--penalty-type', '03'], dataDir);
    expect(removed.code, removed.stderr).toBe(0);
    const again = await runCli(['tiers', 'remove', '--catalog', 'administrative_penalty', '--department', DEPT, '--penalty-type', '罚款'], dataDir);
    expect(again.code).not.toBe(0);
    expect(stderrLines(again)).toEqual([expect.stringMatching(/^错误：没有这条公示等级规则/)]);

    const audit = await runCli(['audit', 'list', '--action', 'publicity.', '--json'], dataDir);
    expect(audit.code, audit.stderr).toBe(0);
    const entries = audit.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; outcome: string; target: string | null })
      .reverse();
    expect(entries.map((e) => [e.action, e.target, e.outcome])).toEqual([
      ['publicity.tier_rule.set', `administrative_penalty/${DEPT}/罚款`, 'success'],
      ['publicity.tier_rule.set', 'administrative_penalty/*/*', 'success'],
      ['publicity.tier_rule.remove', `administrative_penalty/${DEPT}/03`, 'success'],
      ['publicity.tier_rule.remove', `administrative_penalty/${DEPT}/罚款`, 'error'],
    ]);
  }, 180_000); // nine CLI runs, each opening the embedded database

  it('refuses a bad rule with one Chinese line', async () => {
    const run = await runCli(['tiers', 'set', '--catalog', 'administrative_penalty', '--penalty-type', '打板子', '--tier', 'minor', '--basis', 'x'], dataDir);
    expect(run.code).not.toBe(0);
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^错误：处罚类别“打板子”无效/)]);
    const tier = await runCli(['tiers', 'set', '--catalog', 'administrative_penalty', '--tier', 'huge', '--basis', 'x'], dataDir);
    expect(stderrLines(tier)).toEqual([expect.stringMatching(/^错误：公示等级无效/)]);
  });

  it('recomputes stored records after a rule change: dry run, then for real, audited', async () => {
    const demoDept = '11410400005847120C';
    expect((await runCli(['departments', 'add', '--code', demoDept, '--name', '平顶山市市场监督管理局（演示）'], dataDir)).code).toBe(0);
    const file = join(REPO_ROOT, 'packages/server/demo/administrative-penalty.csv');
    expect((await runCli(['import', file, '--catalog', 'administrative_penalty', '--source', demoDept, '--json'], dataDir)).code).toBe(0);
    const json = async (...args: string[]) => {
      const run = await runCli(['tiers', 'recompute', ...args, '--json'], dataDir);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { examined: number; changed: number; dryRun: boolean };
    };
    await json(); // records imported under earlier tests' rules, back to today's
    expect((await runCli(['tiers', 'set', '--catalog', 'administrative_penalty', '--department', demoDept, '--tier', 'serious', '--basis', '测试'], dataDir)).code).toBe(0);
    const dry = await json('--department', demoDept, '--dry-run');
    expect(dry.examined).toBeGreaterThan(0);
    expect(dry.changed).toBeGreaterThan(0);
    expect(dry.dryRun).toBe(true);
    expect(await json('--department', demoDept)).toEqual({ ...dry, dryRun: false });
    expect((await json('--department', demoDept)).changed).toBe(0);
    const human = await runCli(['tiers', 'recompute', '--catalog', 'administrative_penalty', '--dry-run'], dataDir);
    expect(human.stdout).toMatch(/^试算：检查公示中的失信信息 \d+ 条，等级或公示期限将改变 0 条\n$/);
    const bad = await runCli(['tiers', 'recompute', '--catalog', 'administrative_license'], dataDir);
    expect(stderrLines(bad)).toEqual([expect.stringMatching(/^错误：目录 administrative_license 不是失信信息目录/)]);
    const audit = await runCli(['audit', 'list', '--action', 'publicity.recompute', '--json'], dataDir);
    const entries = audit.stdout.trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; details: Record<string, unknown> });
    expect(entries.map((e) => e.outcome).sort()).toEqual(['error', 'success', 'success', 'success', 'success', 'success']);
    expect(entries.some((e) => e.details.changed === dry.changed && e.details.dryRun === false)).toBe(true);
  }, 240_000); // eleven CLI runs, each opening the embedded database
});
