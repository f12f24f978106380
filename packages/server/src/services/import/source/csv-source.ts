import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding';
import type { OpenedSource, SourceRow } from './source.types';
import { UnreadableFile } from './source.types';

const REPLACEMENT = '\uFFFD';

function textStream(path: string, encoding: TextEncoding): NodeJS.ReadableStream {
  const bytes = createReadStream(path, { highWaterMark: 1 << 20 });
  return encoding === 'utf-8' ? bytes.setEncoding('utf8') : bytes.pipe(iconv.decodeStream('gb18030'));
}

function csvError(err: unknown): UnreadableFile {
  const e = err as { code?: string; lines?: number; message?: string };
  const where = e.lines ? `第${e.lines}行附近` : '';
  return new UnreadableFile(`CSV 格式错误${where}：${e.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号未闭合' : (e.message ?? '无法解析')}`);
}

/**
 * Streams a CSV file row by row in constant memory. Row numbers count records as a spreadsheet
 * shows them: a quoted cell spanning lines is one row, an empty line is a row of its own.
 */
export async function openCsv(path: string, encoding: TextEncoding): Promise<OpenedSource> {
  const parser = textStream(path, encoding).pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  const iterator = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (err) {
    throw csvError(err);
  }
  if (first.done) throw new UnreadableFile('文件为空，没有表头行');
  const headers = first.value;

  async function* rows(): AsyncGenerator<SourceRow> {
    let rowNo = 1;
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await iterator.next();
      } catch (err) {
        throw csvError(err);
      }
      if (next.done) return;
      rowNo++;
      const cells = next.value;
      const row: SourceRow = { rowNo, cells };
      if (cells.some((c) => c.includes(REPLACEMENT))) {
        row.problem = { field: '', rule: 'file.encoding', message: `第${rowNo}行含无法识别的字符：文件编码前后不一致，请整体另存为 UTF-8 或 GBK 后重新上传` };
      }
      yield row;
    }
  }
  return { format: 'csv', encoding, headers, rows: rows() };
}
