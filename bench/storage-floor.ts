// The storage floor of the import benchmark: the rows the importer stored, bulk-loaded again with
// COPY into empty copies of their tables, with every index, generated column and constraint. No
// parsing, validation, hashing or subject look-up: the fastest the schema can take these rows in.
// floor / copy reference is the best ratio_vs_copy any importer could reach on this schema.
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** Tables an import writes, in the order it writes them. */
const TABLES = ['subjects', 'subject_names', 'records', 'record_keys'] as const;

export interface FloorRun {
  /** Seconds to COPY each table's rows into an indexed empty copy of it. */
  seconds: Record<string, number>;
  totalSeconds: number;
}

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;

async function writableColumns(client: pg.Client, schema: string, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = $1 and table_name = $2 and is_generated = 'NEVER'
      order by ordinal_position`,
    [schema, table],
  );
  return rows.map((r) => quote(r.column_name));
}

/** Copies each table out to a file, then times COPY of it into `floor_<table>` (like it, including all). */
export async function storageFloorPostgres(url: string, schema: string, dir: string): Promise<FloorRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seconds: Record<string, number> = {};
  try {
    for (const table of TABLES) {
      const source = `${quote(schema)}.${quote(table)}`;
      const floor = `${quote(schema)}.${quote(`floor_${table}`)}`;
      const columns = (await writableColumns(client, schema, table)).join(', ');
      const file = join(dir, `floor-${table}.csv`);
      await pipeline(client.query(copyTo(`copy (select ${columns} from ${source}) to stdout (format csv)`)), createWriteStream(file));
      await client.query(`create table ${floor} (like ${source} including all)`);
      const started = performance.now();
      await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(`copy ${floor} (${columns}) from stdin (format csv)`)));
      seconds[table] = (performance.now() - started) / 1000;
      await client.query(`drop table ${floor}`);
      await rm(file);
    }
  } finally {
    await client.end();
  }
  return { seconds, totalSeconds: Object.values(seconds).reduce((a, b) => a + b, 0) };
}
