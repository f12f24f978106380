import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDepartment, DbError, getDepartment, listDepartments, type Database } from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';

describe.each(testEngines())('department repository on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('adds, gets and lists departments', async () => {
    const added = await addDepartment(db, { uscc: '11410400005252138K', name: '平顶山市市场监督管理局' });
    expect(added).toMatchObject({ uscc: '11410400005252138K', name: '平顶山市市场监督管理局' });
    expect(added.createdAt).toBeInstanceOf(Date);
    await addDepartment(db, { uscc: '11410400005250000A', name: '平顶山市生态环境局' });

    expect(await getDepartment(db, '11410400005252138K')).toEqual(added);
    expect(await getDepartment(db, 'NOPE')).toBeUndefined();
    expect((await listDepartments(db)).map((d) => d.uscc)).toEqual(['11410400005250000A', '11410400005252138K']);
  });

  it('refuses a duplicate USCC without aborting the transaction', async () => {
    await db.transaction(async (tx) => {
      const err = await addDepartment(tx, { uscc: '11410400005252138K', name: '重复' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DbError);
      expect((err as DbError).code).toBe('DEPARTMENT_EXISTS');
      // Still usable: the conflict did not abort the transaction.
      expect((await tx.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });
    expect((await getDepartment(db, '11410400005252138K'))?.name).toBe('平顶山市市场监督管理局');
  });
});
