import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDepartment, DbError, listAppliedMigrations, listDepartments, openDatabase } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'pubcredit-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase on a PGlite data directory', () => {
  it('migrates, persists across reopening, and locks the directory while open', async () => {
    const db = await openDatabase({ dataDir: dir, owner: 'test server' });
    expect(db.engine).toBe('pglite');
    expect((await listAppliedMigrations(db)).length).toBeGreaterThan(0);
    await addDepartment(db, { uscc: '11410400005252138K', name: '平顶山市发展和改革委员会' });

    const second = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DbError);
    expect((second as DbError).message).toMatch(/pid \d+，test server/);
    await db.close();

    const again = await openDatabase({ dataDir: dir });
    expect((await listDepartments(again)).map((d) => d.name)).toEqual(['平顶山市发展和改革委员会']);
    await again.close();
  });
});

describe.runIf(process.env.DATABASE_URL)('openDatabase on PostgreSQL', () => {
  it('creates the schema, migrates it and puts it first on the search path', async () => {
    const schema = `t_open_${process.pid}`;
    const db = await openDatabase({ url: process.env.DATABASE_URL, schema });
    try {
      expect(db.engine).toBe('postgres');
      const { rows } = await db.query<{ s: string }>('select current_schema() as s');
      expect(rows[0]?.s).toBe(schema);
      expect((await listAppliedMigrations(db)).length).toBeGreaterThan(0);
    } finally {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    }
  });
});
