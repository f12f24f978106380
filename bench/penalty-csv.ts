// Writes generated 行政处罚 rows to a CSV file, streamed with back-pressure (constant memory).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PENALTY_HEADERS, PenaltyRowGenerator } from './penalty-rows';
import type { GeneratorStats } from './penalty-rows';

/** One CSV cell (RFC 4180 quoting only when needed). */
export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Writes a header line and `rows` generated rows to `path`, streamed with back-pressure. */
export async function writePenaltyCsv(path: string, rows: number, gen = new PenaltyRowGenerator()): Promise<{ bytes: number; stats: GeneratorStats }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let buf = `${PENALTY_HEADERS.join(',')}\n`;
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(buf);
    const ok = out.write(buf);
    buf = '';
    if (!ok) await once(out, 'drain');
  };
  for (let i = 0; i < rows; i++) {
    buf += `${gen.next().map(csvCell).join(',')}\n`;
    if (buf.length >= 1 << 18) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { bytes, stats: gen.stats };
}
