/** One data row of an input file, by column, with the row number a spreadsheet shows (header = 1). */
export interface SourceRow {
  rowNo: number;
  cells: string[];
  /** A problem reading this row (bad JSON line, undecodable bytes); the row is rejected with it. */
  problem?: { field: string; rule: string; message: string };
  /** The row could not be read into fields at all (a line that is not JSON): nothing to validate. */
  unparsed?: boolean;
}

export type SourceFormat = 'csv' | 'xlsx' | 'jsonl';

/** An opened input file: its header row and a stream of data rows. */
export interface OpenedSource {
  format: SourceFormat;
  /** utf-8 | gb18030 for CSV and JSON Lines, null for XLSX. */
  encoding: string | null;
  /** Header cells; JSON Lines appends keys first seen on later lines. */
  headers: string[];
  /** The row number of the header (1, or the sheet's own when empty rows stand above it). */
  headerRowNo: number;
  rows: AsyncIterable<SourceRow>;
  /**
   * How much of the file is read so far, 0…1 (for a progress bar); null when the bytes read say
   * nothing of the rows done (an .xlsx: its zip is read ahead, the sheet held until the strings come).
   */
  readShare: () => number | null;
}

/** A file that cannot be read at all; the importer turns it into FILE_UNREADABLE. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}
