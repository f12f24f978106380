import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCalendarYear, type Database } from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';
import { insertDepartment } from './factories';

describe.each(testEngines())('database on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('reports its engine', () => {
    expect(db.engine).toBe(engine);
  });

  it('returns values by the shared conventions', async () => {
    const { rows, rowCount } = await db.query(
      `select '2024-02-29'::date as d, array['2024-10-01', '2024-10-07']::date[] as ds,
              '2024-03-01T02:03:04.567Z'::timestamptz as ts, 9007199254740993::bigint as big, count(*) as n,
              1.50::numeric(10, 2) as num, 7 as i, '{"名称": "鹰城", "n": [1]}'::jsonb as j, null::date as nd`,
    );
    expect(rowCount).toBe(1);
    expect(rows[0]).toEqual({
      d: '2024-02-29',
      ds: ['2024-10-01', '2024-10-07'],
      ts: new Date('2024-03-01T02:03:04.567Z'),
      big: '9007199254740993',
      n: '1',
      num: '1.50',
      i: 7,
      j: { 名称: '鹰城', n: [1] },
      nd: null,
    });
  });

  it('runs sessions in Beijing time, so dates of timestamps are Chinese calendar days', async () => {
    const { rows } = await db.query<{ day: string }>(`select ('2024-03-01T17:00:00Z'::timestamptz)::date as day`);
    expect(rows[0]?.day).toBe('2024-03-02');
  });

  it('returns date columns as YYYY-MM-DD', async () => {
    const saved = await saveCalendarYear(db, {
      year: 2031,
      holidays: ['2031-10-02', '2031-10-01'],
      workdays: [],
      source: 'test',
    });
    expect(saved.holidays).toEqual(['2031-10-01', '2031-10-02']);
    const { rows } = await db.query<{ h: string }>('select holidays[1] as h from calendar_years where year = 2031');
    expect(rows[0]?.h).toBe('2031-10-01');
  });

  it('counts affected rows', async () => {
    await insertDepartment(db, { uscc: 'COUNT0000000000001', name: '甲' });
    await insertDepartment(db, { uscc: 'COUNT0000000000002', name: '乙' });
    const res = await db.query(`update departments set name = name || '局' where uscc like 'COUNT%'`);
    expect(res.rowCount).toBe(2);
    expect((await db.query('create temporary table t_ddl (a int)')).rowCount).toBe(0);
  });

  it('commits a transaction and returns its value', async () => {
    const value = await db.transaction(async (tx) => {
      await tx.query(`insert into departments (uscc, name) values ('TX0000000000000001', '提交局')`);
      return 42;
    });
    expect(value).toBe(42);
    expect((await db.query(`select 1 from departments where uscc = 'TX0000000000000001'`)).rowCount).toBe(1);
  });

  it('rolls back everything when the function throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into departments (uscc, name) values ('TX0000000000000002', '回滚局')`);
        await tx.copyFrom('departments', ['uscc', 'name'], 'TX0000000000000003,回滚局二\n');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query(`select uscc from departments where uscc in ('TX0000000000000002', 'TX0000000000000003')`);
    expect(rows).toEqual([]);
  });

  it('keeps a query issued during a transaction out of it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction(async (t) => {
      await t.query(`insert into departments (uscc, name) values ('TX0000000000000004', '并发局')`);
      await held;
      throw new Error('rollback');
    });
    // On PGlite this waits for the transaction; on PostgreSQL it runs on another connection.
    const outside = db.query(`select count(*)::int as n from departments where uscc = 'TX0000000000000004'`);
    setTimeout(release, 100);
    await expect(tx).rejects.toThrow('rollback');
    expect((await outside).rows[0]).toEqual({ n: 0 });
  });

  it('refuses db.query inside db.transaction instead of deadlocking (PGlite) or escaping it (PostgreSQL)', async () => {
    await expect(db.transaction(() => db.query('select 1'))).rejects.toThrow(/inside db.transaction\(\)/);
    await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toThrow(/inside db.transaction\(\)/);
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('loads CSV with COPY: Chinese, quotes, newlines, commas and NULLs', async () => {
    await db.query('create table copy_target (a text, b text, n integer, d date)');
    const csv = [
      '平顶山市卫生健康委员会,"他说""整改""完毕",1,2024-01-02',
      '"多行\n备注，含逗号, 和 ""引号""",,,',
      ',"",3,',
    ].join('\n');
    await db.transaction((tx) => tx.copyFrom('copy_target', ['a', 'b', 'n', 'd'], `${csv}\n`));
    const { rows } = await db.query('select a, b, n, d from copy_target order by n nulls last');
    expect(rows).toEqual([
      { a: '平顶山市卫生健康委员会', b: '他说"整改"完毕', n: 1, d: '2024-01-02' },
      // Unquoted empty is NULL; quoted empty is the empty string.
      { a: null, b: '', n: 3, d: null },
      { a: '多行\n备注，含逗号, 和 "引号"', b: null, n: null, d: null },
    ]);
  });

  it('refuses identifiers that are not plain names in COPY', async () => {
    await expect(db.transaction((tx) => tx.copyFrom('copy_target; drop table x', ['a'], ''))).rejects.toThrow(
      /非法的 SQL 标识符/,
    );
  });

  it('searches Chinese names with LIKE and pg_trgm', async () => {
    await db.query('create table names (name text)');
    await db.query(`insert into names values ('平顶山市鹰城商贸有限公司'), ('郑州市金水区商行'), ('平顶山市卫东区建材厂')`);
    const like = await db.query<{ name: string }>(
      `select name from names where name like '%' || $1 || '%' order by name`,
      ['平顶山市'],
    );
    expect(like.rows.map((r) => r.name)).toEqual(['平顶山市卫东区建材厂', '平顶山市鹰城商贸有限公司']);

    await db.query('create index names_trgm on names using gin (name gin_trgm_ops)');
    const { rows } = await db.query<{ name: string; s: number }>(
      `select name, similarity(name, $1) as s from names where name % $1 order by s desc`,
      ['平顶山鹰城商贸'],
    );
    expect(rows[0]?.name).toBe('平顶山市鹰城商贸有限公司');
    expect(rows[0]?.s).toBeGreaterThan(0.3);
    // Under a 'C' ctype Chinese would yield no trigrams at all.
    const trgm = await db.query<{ n: number }>(`select cardinality(show_trgm('鹰城商贸')) as n`);
    expect(trgm.rows[0]?.n).toBeGreaterThan(0);
  });
});
