import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { guardCell } from './cell-guard';
import type { ExportTable } from './export.types';

/**
 * Streams a table as UTF-8 CSV with a BOM (so Excel on Chinese Windows does not read it as GBK),
 * CRLF line ends, every cell guarded against formulas.
 */
export function csvStream(table: ExportTable): Readable {
  const out = stringify({ bom: true, record_delimiter: 'windows' });
  const source = Readable.from(
    (async function* rows() {
      yield table.headers.map(guardCell);
      for await (const row of table.rows) yield row.map(guardCell);
    })(),
  );
  source.on('error', (err) => out.destroy(err));
  return source.pipe(out);
}
