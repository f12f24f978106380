import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, QueryResult, Tx } from './database';
import { copyStatement, quoteIdentifier } from './sql-identifiers';
import { TransactionGuard } from './transaction-guard';
import { pgTypes, SESSION_SETTINGS } from './type-parsers';

export interface PostgresSource {
  url: string;
  /** Work in this schema (per-test-file isolation); created if missing. */
  schema?: string;
  /** Shown in pg_stat_activity.application_name. */
  owner?: string;
}

/** Escapes a value for the libpq `options` startup string (`-c name=value`). */
function startupOption(name: string, value: string): string {
  return `-c ${name}=${value.replace(/[\\ ]/g, (c) => `\\${c}`)}`;
}

/**
 * Startup options carry the session settings, so every pooled connection has them before its
 * first query (a SET in pool.on('connect') would race the first query and fail silently).
 * pg lets `options` in the URL override ours, so URL options are merged here and removed from it.
 */
function connectionConfig(source: PostgresSource): pg.PoolConfig {
  const url = new URL(source.url);
  const fromUrl = url.searchParams.get('options');
  url.searchParams.delete('options');
  const settings: Record<string, string> = { ...SESSION_SETTINGS };
  // public stays on the path: extensions (pg_trgm) live there, shared by every schema.
  if (source.schema) settings.search_path = `${quoteIdentifier(source.schema)},public`;
  const options = [fromUrl, ...Object.entries(settings).map(([k, v]) => startupOption(k, v))].filter(Boolean).join(' ');
  return {
    connectionString: url.toString(),
    options,
    types: pgTypes,
    max: 10,
    application_name: (source.owner ?? 'pubcredit').slice(0, 63),
  };
}

async function run<R>(client: pg.Pool | pg.PoolClient, text: string, params?: unknown[]): Promise<QueryResult<R>> {
  const res = await client.query(text, params);
  return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 };
}

function wrapClient(client: pg.PoolClient): Tx {
  return {
    query: (text, params) => run(client, text, params),
    // Without parameters pg uses the simple protocol, which accepts several statements.
    exec: async (script) => {
      await client.query(script);
    },
    copyFrom: async (table, columns, csv) => {
      const stream = client.query(copyFromStdin(copyStatement(table, columns, 'STDIN')));
      // Buffers of at most a few hundred KB: the server parses a piece while the next is encoded.
      await pipeline(Readable.from(typeof csv === 'string' ? [csv] : csv), stream);
    },
  };
}

/** Opens a pool on a PostgreSQL server (≥ 15). */
export async function openPostgres(source: PostgresSource): Promise<Database> {
  if (source.schema) {
    // Created on a plain connection first: the pool's search_path names it.
    const admin = new pg.Client({ connectionString: source.url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${quoteIdentifier(source.schema)}`);
    } catch (err) {
      // Two processes creating the same schema at once: the loser sees a unique violation.
      if ((err as { code?: string }).code !== '23505') throw err;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool(connectionConfig(source));
  // An idle client losing its connection emits 'error' on the pool; unhandled, it kills the process.
  pool.on('error', () => {});

  const guard = new TransactionGuard();
  let closed = false;
  return {
    engine: 'postgres',
    query: async (text, params) => {
      guard.assertOutside('db.query');
      return run(pool, text, params);
    },
    transaction: async (fn) => {
      guard.assertOutside('db.transaction');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await guard.run(() => fn(wrapClient(client)));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackErr) {
          // A connection that cannot roll back is broken: destroy it rather than pool it.
          client.release(rollbackErr as Error);
        }
        throw err;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
