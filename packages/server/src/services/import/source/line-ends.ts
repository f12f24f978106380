import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/**
 * Turns every row break of CSV text into `\n`: `\r\n` (Excel, Windows), a lone `\r` (old Mac) and
 * `\n` alike, so that a file whose lines end in different ways (rows appended in another editor)
 * still splits into its rows. papaparse picks one line ending for the whole file and would glue
 * the other lines into one row. Line breaks inside a quoted cell are text and stay as they are.
 */
export class LineEndNormaliser extends Transform {
  private inQuotes = false;
  /** A `\r` at the end of a chunk: whether a `\n` follows is known only with the next chunk. */
  private pendingCr = false;

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, this.normalise(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.pendingCr ? '\n' : '');
  }

  /** The text of one chunk with its row breaks as `\n`. */
  normalise(chunk: string): string {
    let text = chunk;
    if (this.pendingCr) {
      this.pendingCr = false;
      text = `\n${text.startsWith('\n') ? text.slice(1) : text}`;
    }
    const special = /["\r]/g;
    let out = '';
    let from = 0;
    for (let m = special.exec(text); m; m = special.exec(text)) {
      const i = m.index;
      if (text[i] === '"') {
        this.inQuotes = !this.inQuotes; // an escaped "" toggles twice
        continue;
      }
      if (this.inQuotes) continue;
      out += text.slice(from, i);
      from = i + 1;
      if (i === text.length - 1) this.pendingCr = true;
      else if (text[i + 1] === '\n') continue; // the \n that follows ends the row
      else out += '\n';
    }
    return out + text.slice(from);
  }
}
