import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAppliedMigrations, loadMigrations, migrate, type Database } from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';

describe('loadMigrations', () => {
  it('reads the numbered files in order', () => {
    const migrations = loadMigrations();
    expect(migrations[0]).toMatchObject({ version: 1, name: 'foundation' });
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});

describe.each(testEngines())('migrate on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('has applied every migration, recorded in schema_migrations', async () => {
    const applied = await listAppliedMigrations(db);
    expect(applied.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(applied[0]?.appliedAt).toBeInstanceOf(Date);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables
        where table_schema = current_schema() and table_name in ('departments', 'subjects', 'records', 'calendar_years')`,
    );
    expect(rows[0]?.n).toBe(4);
  });

  it('is idempotent, also when two callers race', async () => {
    expect(await migrate(db)).toEqual([]);
    expect(await Promise.all([migrate(db), migrate(db)])).toEqual([[], []]);
  });

  it('applies a new migration once, in a transaction that rolls back on failure', async () => {
    const extra = [
      ...loadMigrations(),
      { version: 900, name: 'test_extra', sql: 'create table test_extra (a int); create index on test_extra (a);' },
    ];
    expect(await Promise.all([migrate(db, extra), migrate(db, extra)]).then((r) => r.flat())).toEqual([900]);

    const broken = [...extra, { version: 901, name: 'broken', sql: 'create table test_broken (a int); select 1/0;' }];
    await expect(migrate(db, broken)).rejects.toThrow(/division by zero/);
    const { rows } = await db.query(`select to_regclass('test_broken') as t`);
    expect(rows[0]).toEqual({ t: null });
    expect((await listAppliedMigrations(db)).map((m) => m.version)).not.toContain(901);
  });

  it('has pg_trgm loaded', async () => {
    const { rows } = await db.query<{ extname: string }>(`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(rows).toHaveLength(1);
  });
});
