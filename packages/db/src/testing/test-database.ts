import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, Engine } from '../database';
import { loadMigrations, migrate } from '../migrate';
import { createPglite, wrapPglite } from '../pglite.engine';
import { openPostgres } from '../postgres.engine';

/** Engines to test on: always PGlite, plus PostgreSQL when DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

// Creating a PGlite cluster and migrating it takes seconds; starting from a dump of a migrated one
// takes about one. The dump is cached in a file keyed by the PGlite version and the migrations, so
// the vitest forks (and later runs) share it.
let template: Promise<Blob> | undefined;

async function templateFile(): Promise<string> {
  // The package's exports hide package.json; find it above the resolved entry (dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(await readFile(join(entry, '../../package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  for (const m of loadMigrations()) hash.update(`${m.version}\0${m.name}\0${m.sql}\0`);
  return join(tmpdir(), `pubcredit-pglite-${version}-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function buildTemplate(): Promise<Blob> {
  const file = await templateFile();
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not cached yet: build it.
  }
  const pglite = await createPglite();
  const db = await wrapPglite(pglite);
  try {
    await migrate(db);
    const dump = await pglite.dumpDataDir('none');
    // Write then rename: a fork reading concurrently sees no file or a whole one.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
    await rename(tmp, file);
    return dump;
  } finally {
    await db.close();
  }
}

async function createPgliteTestDatabase(): Promise<Database> {
  template ??= buildTemplate();
  template.catch(() => {
    template = undefined;
  });
  // In memory, no lock: each test file gets its own copy of the migrated template.
  return wrapPglite(await createPglite(undefined, await template));
}

async function createPostgresTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the postgres test engine needs a server');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ url, schema, owner: 'pubcredit tests' });
  try {
    await migrate(db);
  } catch (err) {
    await dropAndClose(db, schema);
    throw err;
  }
  return { ...db, close: () => dropAndClose(db, schema) };
}

async function dropAndClose(db: Database, schema: string): Promise<void> {
  try {
    await db.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await db.close();
  }
}

/**
 * A migrated database of its own for one test file: PostgreSQL → a fresh schema `t_<random>`,
 * dropped on close(); PGlite → an in-memory copy of a template migrated once.
 */
export function createTestDatabase(engine: Engine): Promise<Database> {
  return engine === 'postgres' ? createPostgresTestDatabase() : createPgliteTestDatabase();
}
