// The physical reference of the import benchmark: the same CSV file bulk-loaded with COPY into a
// bare table (every column text, no index, no constraint), i.e. the fastest the engine can
// take the bytes in. The import is judged against it (ratio_vs_copy).
import { createReadStream, openAsBlob } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One COPY run. */
export interface CopyRun {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const bareTable = (table: string, columns: readonly string[]): string =>
  `create table ${table} (${columns.map((c) => `${quote(c.toLowerCase())} text`).join(', ')})`;

/** COPY FROM STDIN over pg, streaming the file; the table is created before and dropped after the timing. */
export async function copyReferencePostgres(url: string, schema: string, file: string, columns: readonly string[]): Promise<CopyRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = `${quote(schema)}.copy_reference`;
  try {
    await client.query(`drop table if exists ${table}`);
    await client.query(bareTable(table, columns));
    const started = performance.now();
    const copy = client.query(copyFrom(`copy ${table} from stdin (format csv, header true)`));
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), copy);
    const seconds = (performance.now() - started) / 1000;
    const rows = Number(copy.rowCount);
    await client.query(`drop table ${table}`);
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    await client.end();
  }
}

/**
 * COPY FROM '/dev/blob' on a fresh embedded engine in `dataDir` (PGlite has no STDIN stream: the file
 * goes in as one Blob, the way the application's Tx.copyFrom feeds it).
 */
export async function copyReferencePglite(dataDir: string, file: string, columns: readonly string[]): Promise<CopyRun> {
  const db = await PGlite.create(dataDir);
  try {
    await db.exec(bareTable('copy_reference', columns));
    const blob = await openAsBlob(file);
    const started = performance.now();
    const res = await db.query(`copy copy_reference from '/dev/blob' (format csv, header true)`, [], { blob });
    const seconds = (performance.now() - started) / 1000;
    const counted = await db.query<{ n: number }>('select count(*)::int as n from copy_reference');
    const rows = counted.rows[0]?.n ?? (res.affectedRows ?? 0);
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    await db.close();
  }
}
