import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { guardCell } from './cell-guard';
import type { ExportTable } from './export.types';

async function write(table: ExportTable, stream: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  const header = sheet.addRow(table.headers.map(guardCell));
  header.font = { bold: true };
  header.commit();
  // Text cells only: a value is never turned into a number, a date or a formula.
  for await (const row of table.rows) sheet.addRow(row.map(guardCell)).commit();
  sheet.commit();
  await workbook.commit();
}

/** Streams a table as XLSX through the exceljs streaming writer, every cell text and guarded. */
export function xlsxStream(table: ExportTable): Readable {
  const stream = new PassThrough();
  write(table, stream).catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  return stream;
}
