import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding';
import type { OpenedSource, SourceRow } from './source.types';
import { UnreadableFile } from './source.types';
import { readShareOf } from './read-share';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '';
}

/**
 * JSON Lines: one object per line keyed by field code or Chinese name. The first object's keys
 * are checked as the header; JSON omits empty fields, so a later line may bring another known
 * key (appended to `headers`), while a key the catalogue does not know rejects that line.
 * Row numbers are line numbers.
 */
export async function openJsonl(path: string, encoding: TextEncoding, isKnownKey: (key: string) => boolean): Promise<OpenedSource> {
  const bytes = createReadStream(path);
  const text = encoding === 'utf-8' ? bytes : bytes.pipe(iconv.decodeStream('gb18030'));
  const lines = createInterface({ input: text, crlfDelay: Infinity })[Symbol.asyncIterator]();

  let lineNo = 0;
  let firstObject: Record<string, unknown> | undefined;
  while (!firstObject) {
    const next = await lines.next();
    if (next.done) throw new UnreadableFile('文件为空，没有任何 JSON 对象');
    lineNo++;
    const line = next.value.replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      firstObject = parsed as Record<string, unknown>;
    } catch {
      throw new UnreadableFile(`第${lineNo}行不是 JSON 对象，无法确定字段`);
    }
  }
  const headers = Object.keys(firstObject);
  const firstLine = lineNo;
  const index = new Map(headers.map((h, i) => [h, i]));
  const toRow = (rowNo: number, obj: Record<string, unknown>): SourceRow => {
    const cells = new Array<string>(headers.length).fill('');
    const extra: string[] = [];
    for (const [k, v] of Object.entries(obj)) {
      let i = index.get(k);
      if (i === undefined && rowNo !== firstLine && isKnownKey(k)) {
        i = headers.push(k) - 1;
        index.set(k, i);
      }
      if (i === undefined) extra.push(k);
      else cells[i] = cellText(v);
    }
    const row: SourceRow = { rowNo, cells };
    if (extra.length > 0) {
      row.problem = { field: '', rule: 'jsonl.unknown_key', message: `第${rowNo}行含信息目录中没有的字段：${extra.join('、')}` };
    }
    return row;
  };
  const firstRow = toRow(lineNo, firstObject);

  async function* rows(): AsyncGenerator<SourceRow> {
    yield firstRow;
    for (;;) {
      const next = await lines.next();
      if (next.done) return;
      lineNo++;
      const line = next.value.trim();
      if (line === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        yield {
          rowNo: lineNo,
          cells: [line],
          unparsed: true,
          problem: { field: '', rule: 'jsonl.syntax', message: `第${lineNo}行不是合法的 JSON 对象` },
        };
        continue;
      }
      yield toRow(lineNo, parsed as Record<string, unknown>);
    }
  }
  return { format: 'jsonl', encoding, headers, headerRowNo: 1, rows: rows(), readShare: readShareOf(bytes, path) };
}
