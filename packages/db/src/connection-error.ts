import { DbError, sqlState } from './db-error';

/** Where DATABASE_URL points, for a message: host, port, database and user, never the password. */
function target(url: string): { host: string; port: string; database: string; user: string } {
  try {
    const u = new URL(url);
    return {
      host: u.hostname || 'localhost',
      port: u.port || '5432',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
      user: decodeURIComponent(u.username) || '（当前系统用户）',
    };
  } catch {
    return { host: '?', port: '?', database: '?', user: '?' };
  }
}

/** Node's network error code, also when it comes wrapped (an AggregateError of every address tried). */
function networkCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const inner = (err as { errors?: unknown[] } | null)?.errors;
  return Array.isArray(inner) ? networkCode(inner[0]) : undefined;
}

/**
 * The one-line Chinese reason why PostgreSQL at `url` could not be opened (server down, unknown
 * host, missing database, refused login…), as DbError 'DB_UNAVAILABLE'; undefined for any other error.
 * @example connectionFailure(Object.assign(new Error(), { code: '3D000' }), 'postgres://u@h/x')?.message // '数据库 x 不存在…'
 */
export function connectionFailure(err: unknown, url: string): DbError | undefined {
  const t = target(url);
  const where = `${t.host}:${t.port}`;
  const fail = (message: string): DbError => new DbError('DB_UNAVAILABLE', message, { host: t.host, port: t.port, database: t.database });
  switch (networkCode(err) ?? sqlState(err)) {
    case 'ECONNREFUSED':
      return fail(`无法连接 PostgreSQL（${where} 拒绝连接）：请确认数据库服务已启动，并检查 DATABASE_URL 中的主机和端口`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(`无法解析数据库主机名 ${t.host}：请检查 DATABASE_URL 中的主机名`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return fail(`连接 PostgreSQL（${where}）超时或网络不可达：请检查网络、防火墙和 DATABASE_URL 中的主机和端口`);
    case '3D000':
      return fail(`数据库 ${t.database} 在 ${where} 上不存在：请先创建（createdb -E UTF8 --lc-ctype=C.UTF-8 -T template0 ${t.database}），或改正 DATABASE_URL`);
    case '28000':
    case '28P01':
      return fail(`PostgreSQL（${where}）拒绝用户 ${t.user} 登录：请检查 DATABASE_URL 中的用户名和密码，以及服务器的 pg_hba.conf`);
    case '57P03':
      return fail(`PostgreSQL（${where}）正在启动或关闭，暂时不接受连接：请稍后再试`);
    case '53300':
      return fail(`PostgreSQL（${where}）连接数已满：请稍后再试，或调大服务器的 max_connections`);
    default:
      return undefined;
  }
}
