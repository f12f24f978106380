import type { Database, OpenOptions } from './database';
import { connectionFailure } from './connection-error';
import { migrate } from './migrate';
import { openPglite } from './pglite.engine';
import { openPostgres } from './postgres.engine';
import { checkDatabaseLocale } from './utf8-check';

/**
 * Opens PostgreSQL when `url` is given, else the embedded PGlite in `dataDir` (holding its lock),
 * checks the database is UTF-8, and applies pending migrations unless `migrate: false`.
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const { url } = opts;
  // A server that cannot be reached or logged into fails here (the first query connects): say why.
  const explain = (err: unknown): unknown => (url ? (connectionFailure(err, url) ?? err) : err);
  let db: Database;
  try {
    db = url
      ? await openPostgres({ url, schema: opts.schema, owner: opts.owner })
      : await openPglite({ dataDir: opts.dataDir, lock: opts.lock, owner: opts.owner });
  } catch (err) {
    throw explain(err);
  }
  try {
    await checkDatabaseLocale(db);
    if (opts.migrate ?? true) await migrate(db);
    return db;
  } catch (err) {
    await db.close();
    throw explain(err);
  }
}
