import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import { DbError } from './db-error';

/** The folder of numbered plain-SQL migrations, found from this module so any working directory works. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

// Every migrating process takes this transaction-scoped lock, on any schema of the database:
// CREATE EXTENSION is database-wide, and concurrent catalogue changes fail with unique violations.
const MIGRATION_LOCK_KEY = 7_020_563_001;

/** Reads `NNN_name.sql` files in version order; other files are ignored, duplicate versions refused. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) {
      throw new DbError('MIGRATION_INVALID', `迁移版本号重复：${file}`, { file });
    }
    migrations.push({ version, name: match[2] ?? '', sql: readFileSync(`${dir}/${file}`, 'utf8') });
  }
  return migrations;
}

/** Versions recorded in this schema's schema_migrations; none when it does not exist yet. */
async function appliedVersions(db: Database): Promise<Set<number>> {
  // This schema's table only (current_schema()), as `create table if not exists` below would see it.
  const { rows } = await db.query<{ present: boolean }>(
    `select to_regclass(format('%I.schema_migrations', current_schema())) is not null as present`,
  );
  if (!rows[0]?.present) return new Set();
  const applied = await db.query<{ version: number }>('select version from schema_migrations');
  return new Set(applied.rows.map((r) => r.version));
}

/**
 * Applies pending migrations in order, each in its own transaction with its schema_migrations row,
 * and returns the versions applied. Idempotent; concurrent callers wait for each other.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  // Up to date: no lock and no DDL, so a role without CREATE privilege (the application's role,
  // docs/operations/database-roles.md) opens a database its owner has migrated.
  const done = await appliedVersions(db);
  const applied: number[] = [];
  for (const migration of migrations.filter((m) => !done.has(m.version))) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      // Created under the lock: two processes creating it at once would collide in pg_type.
      await tx.exec(`create table if not exists schema_migrations (
        version     integer primary key,
        name        text not null,
        applied_at  timestamptz not null default now()
      )`);
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (seen.rowCount > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: Date;
}

export async function listAppliedMigrations(db: Database): Promise<AppliedMigration[]> {
  const { rows } = await db.query<{ version: number; name: string; applied_at: Date }>(
    'select version, name, applied_at from schema_migrations order by version',
  );
  return rows.map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at }));
}
