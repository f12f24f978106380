// Loader of the portal benchmark: a fresh UTF-8 database migrated with the project's migrations,
// secondary indexes and keys dropped, subjects and records loaded with COPY, indexes and keys
// rebuilt (as a bulk load would), record_keys derived in SQL, then VACUUM ANALYZE.
import { openDatabase } from '@pubcredit/db';
import pg from 'pg';
import { copyRows, fitCounts, RECORD_COLUMNS, recordLines, SUBJECT_COLUMNS, SUBJECT_NAME_COLUMNS, subjectLines, subjectNameLines } from './portal-copy';
import type { RecordTally } from './portal-copy';
import { PORTAL_DEPARTMENTS } from './portal-words';

export interface LoadSpec {
  subjects: number;
  records: number;
  seed: number;
  /** Beijing date the publicity state (expired records) is computed for. */
  today: string;
}

/** What the database holds, kept as the database's comment (read back by `--reuse`). */
export interface LoadedMeta extends LoadSpec {
  loadSeconds: number;
  tally: RecordTally;
}

const quoteIdent = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const log = (line: string): void => console.error(line);

/** The URL of database `name` on the server of `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'pubcredit bench:portal' });
  await client.connect();
  return client;
}

/** The benchmark's metadata if database `name` exists and was fully loaded, else undefined. */
export async function readMeta(adminUrl: string, name: string): Promise<LoadedMeta | undefined> {
  const admin = await connect(adminUrl);
  try {
    const { rows } = await admin.query<{ c: string | null }>(
      `select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1`,
      [name],
    );
    const c = rows[0]?.c;
    if (!c) return undefined;
    return JSON.parse(c) as LoadedMeta;
  } finally {
    await admin.end();
  }
}

async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await connect(adminUrl);
  try {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
}

/** Drops database `name` (end of run, to free the disk). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await connect(adminUrl);
  try {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  } finally {
    await admin.end();
  }
}

interface Deferred {
  /** Statements re-creating what was dropped, in order. */
  restore: string[];
}

/** Drops primary keys and indexes of the bulk-loaded tables; returns how to put them back. */
async function dropIndexes(client: pg.Client, tables: readonly string[]): Promise<Deferred> {
  const restore: string[] = [];
  const { rows: keys } = await client.query<{ tbl: string; con: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.conname as con, pg_get_constraintdef(c.oid) as def
       from pg_constraint c where c.contype = 'p' and c.conrelid::regclass::text = any($1)`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const k of keys) {
    await client.query(`alter table ${k.tbl} drop constraint ${quoteIdent(k.con)}`);
    restore.push(`alter table ${k.tbl} add constraint ${quoteIdent(k.con)} ${k.def}`);
  }
  for (const i of indexes) {
    await client.query(`drop index ${quoteIdent(i.name)}`);
    restore.push(i.def);
  }
  return { restore };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Creates, migrates and fills database `name`; returns what was loaded. */
export async function loadDatabase(adminUrl: string, name: string, spec: LoadSpec): Promise<LoadedMeta> {
  const started = performance.now();
  await recreateDatabase(adminUrl, name);
  const url = databaseUrl(adminUrl, name);
  const db = await openDatabase({ url, owner: 'pubcredit bench:portal' });
  await db.close();

  const client = await connect(url);
  const tally: RecordTally = { records: 0, penalties: 0, expired: 0, repaired: 0, withdrawn: 0, neverPublic: 0, maxPerSubject: 0 };
  try {
    await client.query(`set maintenance_work_mem = '1GB'; set synchronous_commit = off`);
    for (const d of PORTAL_DEPARTMENTS) await client.query('insert into departments (uscc, name) values ($1, $2)', [d.uscc, d.name]);
    const deferred = await dropIndexes(client, ['subjects', 'subject_names', 'records', 'record_keys']);
    const counts = new Uint8Array(spec.subjects);
    const subjects = await timed('copy subjects', () => copyRows(client, 'subjects', SUBJECT_COLUMNS, subjectLines(spec.subjects, spec.seed, counts)));
    const planned = fitCounts(counts, spec.records);
    log(`    ${fmt(subjects)} subjects; ${fmt(planned)} records planned`);
    await timed('copy subject_names', () => copyRows(client, 'subject_names', SUBJECT_NAME_COLUMNS, subjectNameLines(spec.subjects, spec.seed, spec.today)));
    let lastLog = performance.now();
    const progress = function* (lines: Iterable<string>): Generator<string> {
      let n = 0;
      for (const l of lines) {
        if (++n % 100_000 === 0 && performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          log(`    ${fmt(n)} records, rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`);
        }
        yield l;
      }
    };
    await timed('copy records', () =>
      copyRows(client, 'records', RECORD_COLUMNS, progress(recordLines(spec.records, spec.seed, counts, spec.today, tally))),
    );
    log(`    ${fmt(tally.records)} records (${fmt(tally.penalties)} 行政处罚: ${fmt(tally.expired)} expired, ${fmt(tally.repaired)} repaired, ` +
      `${fmt(tally.withdrawn)} withdrawn, ${fmt(tally.neverPublic)} never public; at most ${tally.maxPerSubject} records a subject)`);
    await timed('record_keys', () =>
      client.query('insert into record_keys (record_key, subject_id, version, content_hash) select record_key, subject_id, version, content_hash from records'),
    );
    for (const statement of deferred.restore) {
      const label = /(?:index|constraint) "?(\w+)"?/i.exec(statement)?.[1] ?? statement.slice(0, 40);
      await timed(label, () => client.query(statement));
    }
    await timed('vacuum analyze', () => client.query('vacuum (analyze) subjects, subject_names, records, record_keys, departments'));
  } finally {
    await client.end();
  }
  const meta: LoadedMeta = { ...spec, loadSeconds: Math.round(performance.now() - started) / 1000, tally };
  const admin = await connect(adminUrl);
  try {
    await admin.query(`comment on database ${quoteIdent(name)} is ${pg.escapeLiteral(JSON.stringify(meta))}`);
  } finally {
    await admin.end();
  }
  return meta;
}
