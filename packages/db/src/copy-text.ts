// COPY text for the importer's bulk writes, built straight into UTF-8 buffers of a few hundred KB.
// Joining rows into one JS string and encoding it in the COPY stream cost more than validating the
// rows (bench:import profile: ~20 µs a row, most of it flattening the concatenated string).

/** Bytes per piece: the server parses one piece while the next is written. */
const PIECE_BYTES = 256 * 1024;

/** Rows of COPY text as UTF-8 pieces, each ending at a row boundary. */
export class CopyText {
  private readonly pieces: Buffer<ArrayBuffer>[] = [];
  private buf: Buffer<ArrayBuffer> | undefined;
  private used = 0;

  /** Appends one row (with its trailing newline). */
  add(row: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    if (row.length * 3 > PIECE_BYTES) {
      this.flush();
      this.pieces.push(Buffer.from(row, 'utf8'));
      return;
    }
    if (this.buf === undefined || this.used + row.length * 3 > this.buf.length) {
      this.flush();
      this.buf = Buffer.allocUnsafe(PIECE_BYTES);
    }
    this.used += this.buf.write(row, this.used, 'utf8');
  }

  /** The pieces so far; the builder is empty afterwards. */
  done(): Buffer<ArrayBuffer>[] {
    this.flush();
    return this.pieces.splice(0);
  }

  private flush(): void {
    if (this.buf !== undefined && this.used > 0) this.pieces.push(this.buf.subarray(0, this.used));
    this.buf = undefined;
    this.used = 0;
  }
}

/** COPY text of `items`, one row each. */
export function copyText<T>(items: Iterable<T>, row: (item: T) => string): Buffer<ArrayBuffer>[] {
  const out = new CopyText();
  for (const item of items) out.add(row(item));
  return out.done();
}

/** A COPY CSV field: null → unquoted empty (NULL); anything else quoted, so '' stays an empty string. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}
