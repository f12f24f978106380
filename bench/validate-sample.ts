// Checks the benchmark generator against the domain validator: every generated row must pass with
// no error (and ideally no warning), or the benchmark would measure rejections instead of imports.
//   node --import tsx bench/validate-sample.ts          (BENCH_ROWS rows, default 10,000)
import { getCatalog, validateRow } from '@pubcredit/domain';
import { csvCell } from './penalty-csv';
import { PENALTY_HEADERS, PenaltyRowGenerator } from './penalty-rows';

const rows = Number(process.env.BENCH_ROWS ?? 10_000);
const today = process.env.BENCH_TODAY ?? '2026-11-28';
const catalog = getCatalog('administrative_penalty', today);
const gen = new PenaltyRowGenerator();
const byRule = new Map<string, number>();
const examples: string[] = [];
let bytes = 0;
let errors = 0;
let warnings = 0;

for (let i = 0; i < rows; i++) {
  const cells = gen.next();
  bytes += Buffer.byteLength(`${cells.map(csvCell).join(',')}\n`);
  const raw: Record<string, string> = {};
  PENALTY_HEADERS.forEach((code, j) => {
    raw[code] = cells[j] ?? '';
  });
  const result = validateRow(catalog, raw, { today });
  for (const issue of result.issues) {
    if (issue.severity === 'error') errors++;
    else warnings++;
    const key = `${issue.severity} ${issue.field} ${issue.rule}`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
    if (examples.length < 5) examples.push(`row ${i + 2}: ${key}: ${issue.message}`);
  }
  if (!result.subject || !result.docNo || !result.decisionDate) {
    errors++;
    if (examples.length < 5) examples.push(`row ${i + 2}: no subject, 文书号 or decision date`);
  }
}

console.log(`rows ${rows}, ${(bytes / rows).toFixed(0)} bytes/row on average, errors ${errors}, warnings ${warnings}`);
console.log('generator', gen.stats);
for (const [key, n] of byRule) console.log(`  ${n}× ${key}`);
for (const e of examples) console.log(`  ${e}`);
process.exitCode = errors > 0 ? 1 : 0;
