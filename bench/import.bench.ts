// Import benchmark (issue #2 "Performance"): generates BENCH_ROWS realistic 行政处罚 rows into a
// CSV file, imports it end to end with the real importer (parse, validate, resolve subjects,
// store with indexes maintained), and bulk-loads the same file with COPY into a bare table as
// the physical reference. Prints the figures and ends with one JSON line.
//
//   DATABASE_URL=postgres://… npm run bench:import            (1,000,000 rows)
//   DATABASE_URL=postgres://… BENCH_ROWS=100000 npm run bench:import
//   BENCH_ENGINE=pglite BENCH_ROWS=100000 npm run bench:import  (embedded engine)
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { addDepartment, openDatabase } from '@pubcredit/db';
import type { Database } from '@pubcredit/db';
import { createDataKeys, createLogger, importFile } from '@pubcredit/server';
import type { AppContext, ImportResult } from '@pubcredit/server';
import { CpuProfiler } from './cpu-profiler';
import { copyReferencePglite, copyReferencePostgres } from './copy-reference';
import type { CopyRun } from './copy-reference';
import { writePenaltyCsv } from './penalty-csv';
import { storageFloorPostgres } from './storage-floor';
import type { FloorRun } from './storage-floor';
import { BENCH_DEPARTMENT, PENALTY_HEADERS } from './penalty-rows';
import { PgActivitySampler } from './pg-activity-sampler';
import { mb, RssSampler } from './rss-sampler';

const engine = process.env.BENCH_ENGINE ?? 'postgres';
const rows = Number((process.env.BENCH_ROWS ?? '1000000').replaceAll('_', ''));
const url = process.env.DATABASE_URL;
const keep = process.env.BENCH_KEEP === '1';
const pgActivity = process.env.BENCH_PG_ACTIVITY === '1';
const cpuProfile = process.env.BENCH_CPU_PROFILE;
const OWNER = 'pubcredit bench';

function fail(message: string): never {
  console.error(`bench:import: ${message}`);
  process.exit(2);
}
if (engine !== 'postgres' && engine !== 'pglite') fail(`BENCH_ENGINE must be postgres or pglite, not "${engine}"`);
if (!Number.isInteger(rows) || rows < 1) fail(`BENCH_ROWS must be a positive integer, not "${process.env.BENCH_ROWS}"`);
if (engine === 'postgres' && !url) {
  fail('DATABASE_URL is required (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres); BENCH_ENGINE=pglite runs on the embedded engine instead');
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const secs = (ms: number): number => Math.round(ms) / 1000;
const log = (line: string): void => console.error(line);

async function serverInfo(db: Database): Promise<string> {
  const settings = ['server_version', 'shared_buffers', 'max_wal_size', 'synchronous_commit', 'work_mem', 'maintenance_work_mem'];
  const values: string[] = [];
  for (const s of settings) {
    const { rows: r } = await db.query<Record<string, string>>(`show ${s}`);
    values.push(`${s}=${Object.values(r[0] ?? {})[0] ?? '?'}`);
  }
  return values.join(' ');
}

async function runCopy(label: string, dir: string, file: string, schema: string): Promise<CopyRun> {
  log(`copy reference (${label})…`);
  const run =
    engine === 'postgres'
      ? await copyReferencePostgres(url ?? '', schema, file, PENALTY_HEADERS)
      : await copyReferencePglite(join(dir, `copy-${label}`), file, PENALTY_HEADERS);
  log(`  ${fmt(run.rows)} rows in ${run.seconds.toFixed(2)} s = ${fmt(run.rowsPerSecond)} rows/s`);
  return run;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pubcredit-bench-'));
  const file = join(dir, 'administrative_penalty.csv');
  const schema = `bench_${Date.now()}`;
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; engine ${engine}`);

  let started = performance.now();
  const generated = await writePenaltyCsv(file, rows);
  const genMs = performance.now() - started;
  console.log(
    `generated ${fmt(rows)} rows, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB (${Math.round(generated.bytes / rows)} bytes/row) in ${secs(genMs)} s: ` +
      `${fmt(generated.stats.subjects)} subjects (${fmt(generated.stats.recurringSubjects)} with several penalties; ` +
      `${fmt(generated.stats.legalPersons)} 法人, ${fmt(generated.stats.individualBusinesses)} 个体工商户, ${fmt(generated.stats.naturalPersons)} 自然人)`,
  );

  const copies: CopyRun[] = [];
  let db: Database | undefined;
  let result: ImportResult | undefined;
  let importMs = 0;
  let peakRss = 0;
  let maxRssAfterImport = 0;
  let stored = { records: 0, subjects: 0 };
  let activity: string[] = [];
  let peakBreakdown = '';
  let floor: FloorRun | undefined;
  try {
    db = await openDatabase(
      engine === 'postgres'
        ? { url, schema, owner: OWNER }
        : { dataDir: join(dir, 'data'), lock: true, owner: OWNER },
    );
    if (engine === 'postgres') console.log(`postgres: ${await serverInfo(db)} (schema ${schema})`);
    // PGlite runs in this process: a reference COPY before the import would count in its RSS.
    if (engine === 'postgres') copies.push(await runCopy('before', dir, file, schema));
    await addDepartment(db, BENCH_DEPARTMENT);
    const ctx: AppContext = { db, keys: createDataKeys(randomBytes(32)), now: () => new Date(), log: createLogger('silent', 2) };

    const before = process.memoryUsage();
    log(`import… (rss before: ${mb(before.rss)} MB, heap ${mb(before.heapUsed)} MB)`);
    const activitySampler = pgActivity && engine === 'postgres' ? await new PgActivitySampler(url ?? '', OWNER).start() : undefined;
    const profiler = cpuProfile ? await new CpuProfiler().start() : undefined;
    const sampler = new RssSampler(100).start();
    let lastReport = performance.now();
    started = performance.now();
    result = await importFile(ctx, {
      filePath: file,
      fileName: 'administrative_penalty.csv',
      catalog: 'administrative_penalty',
      source: BENCH_DEPARTMENT.uscc,
      onProgress: (done) => {
        const now = performance.now();
        if (now - lastReport < 5000) return;
        lastReport = now;
        log(`  ${fmt(done)} rows, ${fmt(done / ((now - started) / 1000))} rows/s, rss ${mb(process.memoryUsage.rss())} MB`);
      },
    });
    importMs = performance.now() - started;
    peakRss = sampler.stop();
    peakBreakdown = sampler.breakdown();
    maxRssAfterImport = process.resourceUsage().maxRSS * 1024;
    activity = (await activitySampler?.stop()) ?? [];
    if (profiler && cpuProfile) {
      await profiler.stop(cpuProfile);
      console.log(`CPU profile of the import written to ${cpuProfile} (summary: node --import tsx bench/cpuprofile-top.ts ${cpuProfile})`);
    }

    const count = async (table: string): Promise<number> =>
      Number((await db?.query<{ n: string }>(`select count(*) as n from ${table}`))?.rows[0]?.n ?? 0);
    stored = { records: await count('records'), subjects: await count('subjects') };

    if (engine === 'postgres') {
      log('storage floor…');
      floor = await storageFloorPostgres(url ?? '', schema, dir);
    }
    if (engine === 'pglite') {
      // One embedded engine in memory at a time: the reference gets a fresh one.
      await db.close();
      db = undefined;
    }
    copies.push(await runCopy('after', dir, file, schema));
  } finally {
    if (db && engine === 'postgres' && !keep) await db.query(`drop schema if exists "${schema}" cascade`);
    await db?.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}${engine === 'postgres' ? ` and schema ${schema}` : ''}`);
  }

  const r = result;
  if (!r) throw new Error('the import returned no result');
  const importRate = rows / (importMs / 1000);
  const best = copies.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  const peak = Math.max(peakRss, maxRssAfterImport);
  console.log(
    `import: ${fmt(r.total)} rows in ${secs(importMs)} s = ${fmt(importRate)} rows/s; accepted ${fmt(r.accepted)}, rejected ${fmt(r.rejected)}, ` +
      `created ${fmt(r.created)}, updated ${fmt(r.updated)}, unchanged ${fmt(r.unchanged)}, issues ${fmt(r.issuesTotal)}`,
  );
  console.log(`stored: ${fmt(stored.records)} records, ${fmt(stored.subjects)} subjects`);
  for (const c of copies) console.log(`copy reference: ${fmt(c.rows)} rows in ${c.seconds.toFixed(2)} s = ${fmt(c.rowsPerSecond)} rows/s`);
  console.log(`copy reference used: the faster of ${copies.length} run(s) (${engine === 'postgres' ? 'before and after the import' : 'after the import'})`);
  console.log(`ratio import / copy: ${(importRate / best.rowsPerSecond).toFixed(3)}`);
  if (floor) {
    const parts = Object.entries(floor.seconds).map(([t, s]) => `${t} ${s.toFixed(2)} s`).join(', ');
    const floorRate = rows / floor.totalSeconds;
    console.log(
      `storage floor (the stored rows COPYed again into indexed empty copies of their tables: ${parts}): ` +
        `${fmt(floorRate)} rows/s, ratio floor / copy ${(floorRate / best.rowsPerSecond).toFixed(3)} (the best ratio_vs_copy this schema allows); ` +
        `import / floor ${(importRate / floorRate).toFixed(3)}`,
    );
  }
  console.log(`peak RSS during import: ${mb(peakRss)} MB sampled every 100 ms (${peakBreakdown}); process maxRSS after import ${mb(maxRssAfterImport)} MB; at exit ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  if (r.rejected > 0 || r.total !== rows) {
    process.exitCode = 1;
    console.log(`UNEXPECTED: ${fmt(r.rejected)} rejected of ${fmt(r.total)} read (${fmt(rows)} generated): generator or validator bug. First issues:`);
    for (const i of r.issues.filter((x) => x.severity === 'error').slice(0, 10)) console.log(`  row ${i.row} ${i.field} ${i.rule}: ${i.message}`);
  }
  if (activity.length > 0) {
    console.log('importer connections in pg_stat_activity (share of samples, statement [wait event]):');
    for (const line of activity) console.log(`  ${line}`);
  }
  const warnings = r.issues.filter((x) => x.severity === 'warning');
  if (warnings.length > 0) console.log(`warnings: ${fmt(warnings.length)}, first: row ${warnings[0]?.row} ${warnings[0]?.rule}: ${warnings[0]?.message}`);

  console.log(
    JSON.stringify({
      rows,
      import_rows_per_s: Math.round(importRate),
      copy_rows_per_s: Math.round(best.rowsPerSecond),
      ratio_vs_copy: Math.round((importRate / best.rowsPerSecond) * 1000) / 1000,
      peak_rss_mb: Math.round(mb(peak)),
    }),
  );
}

await main();
