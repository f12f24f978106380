/**
 * The engine-neutral database interface. Repositories take {@link Sql} first, so they run the same
 * on PostgreSQL (server mode) and PGlite (embedded mode), inside or outside a transaction.
 *
 * Value conventions, identical on both engines (see ./type-parsers.ts):
 * `date` → 'YYYY-MM-DD' string, `timestamptz` → JS Date, `bigint`/`numeric` → string,
 * `json`/`jsonb` → parsed value, arrays → JS arrays of the same.
 */

export type Engine = 'postgres' | 'pglite';

export interface QueryResult<R> {
  rows: R[];
  /** Rows returned (SELECT) or affected (INSERT/UPDATE/DELETE/COPY); 0 for DDL. */
  rowCount: number;
}

/** Anything that runs one parameterized statement: a database or a transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/** COPY CSV text: one string, or pieces (strings or UTF-8 bytes) each ending at a row boundary. */
export type CopyInput = string | readonly (string | Uint8Array<ArrayBuffer>)[];

export interface Tx extends Sql {
  /**
   * Bulk-load CSV text (format csv, no header, NULL as unquoted empty) into table(columns) with COPY.
   * Given as pieces (each ending at a row boundary), the text streams to the server piece by piece.
   */
  copyFrom(table: string, columns: readonly string[], csv: CopyInput): Promise<void>;
  /** Runs a script of several statements without parameters (migrations, test fixtures). */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly engine: Engine;
  /** Runs fn in one transaction (BEGIN … COMMIT, ROLLBACK on throw). On PGlite it holds the engine for the duration. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded engine (PGlite) is used. */
  url?: string;
  /** Embedded engine: the data directory (resolved by the caller; default `./data`). */
  dataDir?: string;
  /** PostgreSQL: work in this schema (created if missing, first on every connection's search_path). */
  schema?: string;
  /** Embedded engine: hold `<dataDir>/pubcredit.lock` against a second process (default true). */
  lock?: boolean;
  /** Who holds the lock, e.g. 'pubcredit server on :8080'; shown to a second process. */
  owner?: string;
  /** Apply pending migrations after connecting (default true). */
  migrate?: boolean;
}
