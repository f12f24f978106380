// Portal benchmark (issue #4 "Performance"): 1,000,000 subjects and 3,000,000 records loaded with
// COPY into a fresh PostgreSQL database, the platform server started as a second process, and
// p50/p99 measured over HTTP for 2- and 3-character name searches, subject detail JSON and report
// PDFs, beside /api/v1/health as a reference. Prints the figures and ends with one JSON line.
//
//   npm run bench:portal                          (full size; database pubcredit_bench_portal)
//   npm run bench:portal -- --subjects 100000     (quicker; records default to 3 × subjects)
//   npm run bench:portal -- --reuse               (skip loading when the database holds that data)
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseUrl, dropDatabase, loadDatabase, readMeta } from './portal-load';
import type { LoadedMeta } from './portal-load';
import { runScenario } from './portal-measure';
import type { ScenarioResult } from './portal-measure';
import { startServer } from './portal-server';
import { drawUrls } from './portal-urls';

const { values: opts } = parseArgs({
  options: {
    subjects: { type: 'string', default: process.env.BENCH_SUBJECTS ?? '1000000' },
    records: { type: 'string', default: process.env.BENCH_RECORDS },
    reuse: { type: 'boolean', default: process.env.BENCH_REUSE === '1' },
    drop: { type: 'boolean', default: process.env.BENCH_DROP === '1' },
    'load-only': { type: 'boolean', default: false },
    requests: { type: 'string', default: process.env.BENCH_REQUESTS ?? '2000' },
    'pdf-requests': { type: 'string', default: process.env.BENCH_PDF_REQUESTS ?? '200' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '2' },
    database: { type: 'string', default: process.env.BENCH_DATABASE ?? 'pubcredit_bench_portal' },
    seed: { type: 'string', default: '20261129' },
  },
});

function fail(message: string): never {
  console.error(`bench:portal: ${message}`);
  process.exit(2);
}
const count = (name: string, raw: string | undefined): number => {
  const n = Number((raw ?? '').replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer, not "${raw}"`);
  return n;
};
const subjects = count('subjects', opts.subjects);
const records = opts.records === undefined ? subjects * 3 : count('records', opts.records);
const requests = count('requests', opts.requests);
const pdfRequests = count('pdf-requests', opts['pdf-requests']);
const connections = count('connections', opts.connections);
const seed = count('seed', opts.seed);
const dbName = opts.database;
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) fail(`--database must be a plain lower-case name, not "${dbName}"`);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (line: string): void => console.error(line);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const beijingToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function serverInfo(): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    fail(
      `no PostgreSQL server at DATABASE_URL (${adminUrl.replace(/\/\/[^@/]*@/, '//…@')}): ${err instanceof Error ? err.message : String(err)}. ` +
        'This benchmark runs on the server engine only: start PostgreSQL or set DATABASE_URL.',
    );
  }
  try {
    const values: string[] = [];
    for (const s of ['server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost']) {
      const { rows } = await client.query<Record<string, string>>(`show ${s}`);
      values.push(`${s}=${Object.values(rows[0] ?? {})[0] ?? '?'}`);
    }
    return values.join(' ');
  } finally {
    await client.end();
  }
}

async function ensureData(): Promise<LoadedMeta> {
  const existing = await readMeta(adminUrl, dbName);
  if (opts.reuse && existing && existing.subjects === subjects && existing.records === records && existing.seed === seed) {
    log(`reusing database ${dbName} (loaded ${existing.today} in ${existing.loadSeconds} s)`);
    if (existing.today !== beijingToday()) log(`  note: loaded on ${existing.today}; records expired since are hidden by publicRecordCondition and marked by the server's job`);
    return existing;
  }
  if (opts.reuse) log(`--reuse: database ${dbName} does not hold ${fmt(subjects)} subjects / ${fmt(records)} records (seed ${seed}); loading`);
  log(`loading ${fmt(subjects)} subjects and ${fmt(records)} records into ${dbName} (fresh database)…`);
  const meta = await loadDatabase(adminUrl, dbName, { subjects, records, seed, today: beijingToday() });
  console.log(`loaded in ${meta.loadSeconds.toFixed(1)} s (COPY, index builds, record_keys, VACUUM ANALYZE)`);
  return meta;
}

const GOALS: Record<string, { metric: 'p50' | 'p99'; ms: number }> = {
  search2: { metric: 'p99', ms: 30 },
  search3: { metric: 'p99', ms: 30 },
  subject: { metric: 'p99', ms: 20 },
  report_pdf: { metric: 'p50', ms: 150 },
};

function printResult(r: ScenarioResult): void {
  const goal = GOALS[r.name];
  const failed = Object.values(r.errors).reduce((a, b) => a + b, 0);
  const verdict =
    failed > r.requests / 100
      ? `NOT MEASURED: ${failed} of ${r.requests} answers were not 200`
      : goal
        ? `goal ${goal.metric} ≤ ${goal.ms} ms: ${r[goal.metric] <= goal.ms ? 'met' : 'NOT met'}`
        : 'reference';
  const errors = Object.keys(r.errors).length > 0 ? `  non-200: ${JSON.stringify(r.errors)}` : '';
  console.log(
    `${r.name.padEnd(11)} ${String(r.requests).padStart(5)} req × ${r.connections} conn: p50 ${r.p50.toFixed(2).padStart(7)} ms  p90 ${r.p90.toFixed(2).padStart(7)}  ` +
      `p99 ${r.p99.toFixed(2).padStart(7)}  max ${r.max.toFixed(1).padStart(7)}  ${r.perSecond} req/s  ${fmt(r.meanBytes)} B  — ${verdict}${errors}`,
  );
  if (r.name !== 'health' && r.name !== 'health_end') {
    log(`    slowest: ${r.slowest.map((t) => `${t.ms} ms ${decodeURIComponent(t.path)}`).join(' | ')}`);
  }
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`postgres: ${await serverInfo()}`);
  const meta = await ensureData();
  if (opts['load-only']) return;

  const benchUrl = databaseUrl(adminUrl, dbName);
  const pool = Math.max(requests, pdfRequests) + Math.ceil(requests / 5);
  const urls = await drawUrls(benchUrl, pool, seed);
  log(`drew ${fmt(urls.subject.length)} subjects: ${fmt(urls.distinct2)} distinct 2-character and ${fmt(urls.distinct3)} distinct 3-character fragments`);
  log('starting the server…');
  const server = await startServer(benchUrl);
  log(`server pid ${server.pid} at ${server.baseUrl}`);
  const results: ScenarioResult[] = [];
  try {
    const warmup = Math.ceil(requests / 10);
    const scenarios = [
      { name: 'health', paths: urls.health, warmup, requests, connections },
      { name: 'search2', paths: urls.search2, warmup, requests, connections },
      { name: 'search3', paths: urls.search3, warmup, requests, connections },
      { name: 'subject', paths: urls.subject, warmup, requests, connections },
      { name: 'report_pdf', paths: urls.report, warmup: Math.ceil(pdfRequests / 10), requests: pdfRequests, connections },
      { name: 'health_end', paths: urls.health, warmup: 0, requests, connections },
    ];
    for (const s of scenarios) {
      const r = await runScenario(server.baseUrl, s);
      printResult(r);
      results.push(r);
    }
  } finally {
    await server.stop();
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (opts.drop) {
    await dropDatabase(adminUrl, dbName);
    log(`dropped database ${dbName}`);
  }
  const by = (name: string): ScenarioResult | undefined => results.find((r) => r.name === name);
  const figures: Record<string, number | null> = { subjects: meta.subjects, records: meta.tally.records };
  for (const name of ['search2', 'search3', 'subject', 'report_pdf', 'health'] as const) {
    const r = by(name);
    // A scenario whose answers were mostly errors (e.g. a route not there yet) measured nothing.
    const measured = r !== undefined && Object.values(r.errors).reduce((a, b) => a + b, 0) <= r.requests / 100;
    figures[`${name}_p50_ms`] = measured ? r.p50 : null;
    figures[`${name}_p99_ms`] = measured ? r.p99 : null;
  }
  figures.load_s = meta.loadSeconds;
  figures.connections = connections;
  const nonOk = results.reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + b, 0), 0);
  figures.non_200 = nonOk;
  console.log(JSON.stringify(figures));
  if (nonOk > 0) process.exitCode = 1;
}

await main();
