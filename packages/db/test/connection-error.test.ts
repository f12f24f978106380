import { describe, expect, it } from 'vitest';
import { connectionFailure, DbError, openDatabase } from '../src/index';

async function openFailure(url: string): Promise<DbError> {
  const err = await openDatabase({ url }).then(
    (db) => db.close().then(() => new Error('expected the open to fail')),
    (e: unknown) => e,
  );
  if (!(err instanceof DbError)) throw err;
  return err;
}

describe('opening PostgreSQL that cannot be reached says why, in Chinese', () => {
  it('a port nobody listens on: connection refused, naming host and port', async () => {
    const err = await openFailure('postgres://postgres:secret@127.0.0.1:1/pubcredit');
    expect(err.code).toBe('DB_UNAVAILABLE');
    expect(err.message).toBe('无法连接 PostgreSQL（127.0.0.1:1 拒绝连接）：请确认数据库服务已启动，并检查 DATABASE_URL 中的主机和端口');
    expect(err.message).not.toContain('secret');
  });

  it.each([
    ['3D000', 'postgres://u@db.example:5433/credit', '数据库 credit 在 db.example:5433 上不存在：请先创建'],
    ['28P01', 'postgres://clerk:pw@db.example/credit', 'PostgreSQL（db.example:5432）拒绝用户 clerk 登录'],
    ['ENOTFOUND', 'postgres://u@nohost/credit', '无法解析数据库主机名 nohost'],
  ])('%s', (code, url, message) => {
    const err = connectionFailure(Object.assign(new Error('english driver text'), { code }), url);
    expect(err?.message).toContain(message);
    expect(err?.message).not.toContain('english');
  });

  it('any other error is left as it is', () => {
    expect(connectionFailure(Object.assign(new Error('x'), { code: '23505' }), 'postgres://u@h/d')).toBeUndefined();
  });
});

describe.runIf(process.env.DATABASE_URL)('on the PostgreSQL server at DATABASE_URL', () => {
  it('a database that does not exist is named, with how to create it', async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/pubcredit_missing_${process.pid}`;
    const err = await openFailure(url.toString());
    expect(err.code).toBe('DB_UNAVAILABLE');
    expect(err.message).toContain(`数据库 pubcredit_missing_${process.pid} 在 `);
    expect(err.message).toContain('createdb -E UTF8');
  });
});
