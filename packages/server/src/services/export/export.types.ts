import type { Readable } from 'node:stream';

/** Rows to export: headers and cell values in the same order. */
export interface ExportTable {
  /** Sheet name for XLSX (≤ 31 characters). */
  sheetName: string;
  headers: readonly string[];
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;
}

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: EXPORT_MEDIA_TYPES.xlsx,
};

/** A file ready to send: the stream, its (Chinese) name and an ASCII name for old clients. */
export interface ExportFile {
  stream: Readable;
  fileName: string;
  asciiName: string;
}
