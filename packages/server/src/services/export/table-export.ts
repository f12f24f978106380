import type { Readable } from 'node:stream';
import { csvStream } from './csv-export';
import type { ExportFormat, ExportTable } from './export.types';
import { xlsxStream } from './xlsx-export';

export { guardCell } from './cell-guard';
export { EXPORT_CONTENT_TYPES, EXPORT_MEDIA_TYPES } from './export.types';
export type { ExportFile, ExportFormat, ExportTable } from './export.types';

/** The one entry of every CSV/XLSX download and CLI export. */
export function exportTable(table: ExportTable, format: ExportFormat): Readable {
  return format === 'csv' ? csvStream(table) : xlsxStream(table);
}
