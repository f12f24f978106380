import { DomainError } from '@pubcredit/domain';
import type { RowIssue } from '@pubcredit/domain';
import type { OpenedSource, SourceRow } from './source/source.types';

/** Rows above the header that are looked past: a sheet's title, 填报单位, 填报日期 … */
export const MAX_TITLE_ROWS = 5;

export interface FoundHeader<T> {
  /** The source whose headers are the header row found, its rows those below it. */
  source: OpenedSource;
  matched: T;
  /** A warning naming the rows looked past, when the header is not the first row. */
  notice: RowIssue | null;
}

const refusedHeaders = (err: unknown): boolean => err instanceof DomainError && err.code === 'HEADERS_REFUSED';

function titleNotice(skipped: readonly number[], headerRowNo: number): RowIssue {
  const first = skipped[0] ?? headerRowNo;
  const last = skipped[skipped.length - 1] ?? first;
  const rows = first === last ? `第${first}行` : `第${first}–${last}行`;
  return {
    row: first,
    field: '',
    severity: 'warning',
    rule: 'file.title_rows',
    message: `${rows}不是表头（如表格标题、填报单位），已跳过；表头在第${headerRowNo}行`,
  };
}

/**
 * Finds the header row of a spreadsheet or CSV file: the first row when `match` accepts it, else the
 * first of the next {@link MAX_TITLE_ROWS} rows that it accepts (government templates put a title
 * and the reporting unit above the header). The rows looked past are not data: they are named in a
 * warning. When no row is accepted, the first row's refusal (HEADERS_REFUSED) stands.
 */
export async function findHeaderRow<T>(source: OpenedSource, match: (source: OpenedSource) => T): Promise<FoundHeader<T>> {
  let refusal: unknown;
  try {
    return { source, matched: match(source), notice: null };
  } catch (err) {
    if (source.format === 'jsonl' || !refusedHeaders(err)) throw err;
    refusal = err;
  }
  const rows = source.rows[Symbol.asyncIterator]();
  const rest: AsyncIterable<SourceRow> = { [Symbol.asyncIterator]: () => rows };
  const skipped = [source.headerRowNo];
  for (let i = 0; i < MAX_TITLE_ROWS; i++) {
    const next = await rows.next();
    if (next.done || next.value.problem || next.value.unparsed) break;
    const row = next.value;
    if (row.cells.every((c) => c.trim() === '')) continue;
    const candidate: OpenedSource = { ...source, headers: row.cells, headerRowNo: row.rowNo, rows: rest };
    try {
      return { source: candidate, matched: match(candidate), notice: titleNotice(skipped, row.rowNo) };
    } catch (err) {
      if (!refusedHeaders(err)) throw err;
      skipped.push(row.rowNo);
    }
  }
  throw refusal;
}
