import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, QueryResult, Tx } from './database';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { copyStatement } from './sql-identifiers';
import { TransactionGuard } from './transaction-guard';
import { pgliteParsers, SESSION_SETTINGS } from './type-parsers';

/** Where PGlite keeps its cluster inside the data directory (the lock file and keys sit beside it). */
export const PGLITE_SUBDIR = 'pglite';

export const pgliteExtensions = { pg_trgm };

export interface PgliteSource {
  /** Persist to this data directory (the cluster goes to `<dataDir>/pglite`). */
  dataDir?: string;
  /** Start in memory from a dump made by `dumpDataDir()` (test templates). */
  loadDataDir?: Blob;
  lock?: boolean;
  owner?: string;
}

interface Runner {
  query<T>(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(script: string): Promise<unknown>;
}

async function run<R>(runner: Runner, text: string, params?: unknown[]): Promise<QueryResult<R>> {
  const res = await runner.query<R>(text, params);
  // PGlite sets rowCount from the command tag (SELECT n, INSERT 0 n) but does not declare it.
  const tagged = (res as { rowCount?: number }).rowCount;
  return { rows: res.rows, rowCount: tagged ?? res.affectedRows ?? 0 };
}

function wrapTx(tx: Transaction): Tx {
  return {
    query: (text, params) => run(tx, text, params),
    exec: async (script) => {
      await tx.exec(script);
    },
    copyFrom: async (table, columns, csv) => {
      await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob(typeof csv === 'string' ? [csv] : [...csv]) });
    },
  };
}

/** Creates a PGlite instance with our extensions and parsers, in memory unless `dataDir` is given. */
export function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  const options = { extensions: pgliteExtensions, parsers: pgliteParsers, ...(loadDataDir ? { loadDataDir } : {}) };
  return dataDir === undefined ? PGlite.create(options) : PGlite.create(dataDir, options);
}

/**
 * Wraps a PGlite instance as a {@link Database}. PGlite is one connection: it serializes queries
 * itself, and a query issued while a transaction runs waits for it rather than joining it.
 */
export async function wrapPglite(pglite: PGlite, lock?: DataDirLock): Promise<Database> {
  // One connection, so session settings set once hold for every later query.
  await pglite.exec(
    Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `SET ${name} = '${value}';`)
      .join('\n'),
  );
  const guard = new TransactionGuard();
  let closed = false;
  return {
    engine: 'pglite',
    query: async (text, params) => {
      guard.assertOutside('db.query');
      return run(pglite, text, params);
    },
    transaction: async (fn) => {
      guard.assertOutside('db.transaction');
      return pglite.transaction((tx) => guard.run(() => fn(wrapTx(tx))));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Opens the embedded engine on `<dataDir>/pglite`, holding `<dataDir>/pubcredit.lock` unless `lock: false`. */
export async function openPglite(source: PgliteSource): Promise<Database> {
  if (source.loadDataDir) return wrapPglite(await createPglite(undefined, source.loadDataDir));
  const dir = source.dataDir ?? './data';
  mkdirSync(dir, { recursive: true });
  const lock = (source.lock ?? true) ? acquireDataDirLock(dir, source.owner) : undefined;
  try {
    // A subdirectory: initdb refuses a non-empty directory, and the lock file sits in dataDir.
    return await wrapPglite(await createPglite(join(dir, PGLITE_SUBDIR)), lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}
