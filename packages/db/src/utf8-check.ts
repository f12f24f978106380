import { DbError } from './db-error';
import type { Sql } from './database';

/** Encoding and character classification locale of the connected database. */
export interface DatabaseLocale {
  encoding: string;
  ctype: string;
}

/**
 * Refuses a database whose encoding or ctype is not UTF-8: pg_trgm classifies characters with the
 * ctype locale, and under 'C' it treats every Chinese character as a non-word character, so name
 * search silently finds nothing. Example: assertUtf8Locale('UTF8', 'C.UTF-8') passes.
 */
export function assertUtf8Locale(encoding: string, ctype: string): void {
  const utf8 = /^utf-?8$/i;
  const ctypeCharset = ctype.split('.')[1]?.split('@')[0] ?? '';
  if (utf8.test(encoding) && utf8.test(ctypeCharset)) return;
  throw new DbError(
    'DB_NOT_UTF8',
    `数据库编码必须为 UTF-8（当前编码 ${encoding}，lc_ctype=${ctype}）：pg_trgm 在非 UTF-8 ctype 下会忽略中文。` +
      '请用 `createdb -E UTF8 --lc-ctype=C.UTF-8 -T template0 数据库名` 另建数据库，并让 DATABASE_URL 指向它。',
    { encoding, ctype },
  );
}

/** Reads the locale from pg_database: `SHOW lc_ctype` no longer exists on PostgreSQL 16+ (PGlite is 18). */
export async function readDatabaseLocale(sql: Sql): Promise<DatabaseLocale> {
  const { rows } = await sql.query<DatabaseLocale>(
    `select pg_encoding_to_char(encoding) as encoding, datctype as ctype
       from pg_database where datname = current_database()`,
  );
  const row = rows[0];
  if (!row) throw new Error('current database not found in pg_database');
  return row;
}

/** Throws DbError 'DB_NOT_UTF8' unless the connected database is UTF-8 in encoding and ctype. */
export async function checkDatabaseLocale(sql: Sql): Promise<DatabaseLocale> {
  const locale = await readDatabaseLocale(sql);
  assertUtf8Locale(locale.encoding, locale.ctype);
  return locale;
}
