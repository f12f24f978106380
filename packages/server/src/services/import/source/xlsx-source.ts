import ExcelJS from 'exceljs';
import type { OpenedSource, SourceRow } from './source.types';
import { UnreadableFile } from './source.types';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel stores dates as serial days; exceljs returns them as UTC instants of the calendar day. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A number as Excel shows it. Excel keeps 15 significant digits: a number of 16 or more digits (an
 * ID number or code typed into a number cell) has lost its last digits, and Excel shows it as
 * 4.10402199003071E+17; so does this, and the validator names the cause instead of a check digit.
 * @example numberText(410402199003071237) // '4.10402199003071E+17'
 */
function numberText(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) < 1e15) return n.toString();
  return n.toPrecision(15).replace(/\.?0+e/, 'e').toUpperCase();
}

/** The text a cell shows: rich text joined, formulas by their cached result, dates as YYYY-MM-DD. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value.toString();
  if (typeof value !== 'object') return '';
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v || v.formula !== undefined) return v.result !== undefined ? cellText(v.result) : `=${v.formula ?? ''}`;
  if (v.text !== undefined) return cellText(v.text);
  if (v.error !== undefined) return v.error;
  return JSON.stringify(value);
}

function rowCells(values: unknown): string[] {
  // exceljs rows are 1-based sparse arrays.
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  const cells: string[] = [];
  for (let i = 1; i < list.length; i++) cells.push(cellText(list[i]));
  return cells;
}

/** Streams the first worksheet of an .xlsx workbook; row numbers are the sheet's own. */
export async function openXlsx(path: string): Promise<OpenedSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs and its zip reader say why in English codes (FILE_ENDED, invalid signature): not for users.
  const unreadable = (): UnreadableFile =>
    new UnreadableFile('无法读取 Excel 文件：文件不完整或已损坏（如未下载完整），请在 Excel 中打开并另存为 .xlsx 后重新上传');

  let rowsOfSheet: AsyncIterator<ExcelJS.Row>;
  let header: ExcelJS.Row | undefined;
  try {
    const sheets = reader[Symbol.asyncIterator]();
    const sheet = await sheets.next();
    if (sheet.done) throw new UnreadableFile('Excel 文件没有工作表');
    rowsOfSheet = sheet.value[Symbol.asyncIterator]();
    const first = await rowsOfSheet.next();
    header = first.done ? undefined : first.value;
  } catch (err) {
    throw err instanceof UnreadableFile ? err : unreadable();
  }
  if (!header) throw new UnreadableFile('第一个工作表为空，没有表头行');
  const headers = rowCells(header.values);

  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      let next: IteratorResult<ExcelJS.Row>;
      try {
        next = await rowsOfSheet.next();
      } catch {
        throw unreadable();
      }
      if (next.done) return;
      // Rows are numbered as Excel shows them, also when empty rows stand above the header.
      yield { rowNo: next.value.number, cells: rowCells(next.value.values) };
    }
  }
  return { format: 'xlsx', encoding: null, headers, headerRowNo: header.number, rows: rows(), readShare: () => null };
}
