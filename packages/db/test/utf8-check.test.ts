import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertUtf8Locale, checkDatabaseLocale, DbError, openDatabase, readDatabaseLocale, type Database } from '../src/index';
import { wrapPglite } from '../src/pglite.engine';
import { createTestDatabase, testEngines } from '../src/testing/index';

describe('assertUtf8Locale', () => {
  it.each([
    ['UTF8', 'C.UTF-8'],
    ['UTF8', 'C.utf8'],
    ['UTF8', 'en_US.UTF-8'],
    ['UTF8', 'zh_CN.utf8'],
    ['UTF8', 'zh_CN.UTF-8@pinyin'],
  ])('accepts encoding %s with ctype %s', (encoding, ctype) => {
    expect(() => assertUtf8Locale(encoding, ctype)).not.toThrow();
  });

  it.each([
    ['UTF8', 'C'], // pg_trgm treats Chinese characters as non-word characters
    ['UTF8', 'POSIX'],
    ['UTF8', 'zh_CN.GB18030'],
    ['SQL_ASCII', 'C'],
    ['EUC_CN', 'zh_CN.UTF-8'],
  ])('refuses encoding %s with ctype %s', (encoding, ctype) => {
    try {
      assertUtf8Locale(encoding, ctype);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DbError);
      expect((err as DbError).code).toBe('DB_NOT_UTF8');
      expect((err as DbError).message).toContain(`数据库编码必须为 UTF-8（当前编码 ${encoding}，lc_ctype=${ctype}）`);
      expect((err as DbError).message).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/); // no English sentence
      expect((err as DbError).message).toContain('createdb -E UTF8 --lc-ctype=C.UTF-8 -T template0');
    }
  });
});

describe.each(testEngines())('database locale on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('is UTF-8 with a UTF-8 ctype', async () => {
    const locale = await readDatabaseLocale(db);
    expect(locale.encoding).toBe('UTF8');
    expect(() => assertUtf8Locale(locale.encoding, locale.ctype)).not.toThrow();
    // PGlite 0.5.17 runs initdb with --locale=C.UTF-8 --locale-provider=libc.
    if (engine === 'pglite') expect(locale.ctype).toBe('C.UTF-8');
  });
});

// A database created with ctype 'C' on each engine: pg_trgm would index no Chinese there.
describe('a database with ctype C is refused', () => {
  it('on pglite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pubcredit-ctype-'));
    try {
      const setup = await PGlite.create(dir);
      await setup.exec(`create database c_ctype template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'`);
      await setup.close();
      const db = await wrapPglite(await PGlite.create(dir, { database: 'c_ctype' }));
      try {
        await expect(checkDatabaseLocale(db)).rejects.toMatchObject({
          code: 'DB_NOT_UTF8',
          message: expect.stringContaining('当前编码 UTF8，lc_ctype=C）') as unknown,
        });
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.DATABASE_URL)('on postgres, by openDatabase', async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `pubcredit_c_ctype_${process.pid}`;
    try {
      await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'`);
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      await expect(openDatabase({ url: url.toString() })).rejects.toMatchObject({ code: 'DB_NOT_UTF8' });
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
