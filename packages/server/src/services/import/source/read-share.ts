import { statSync } from 'node:fs';
import type { ReadStream } from 'node:fs';

/** The share of its file a stream has read so far, 0…1 (a progress bar's position; it runs ahead of the rows by the read buffer). */
export function readShareOf(stream: ReadStream, path: string): () => number {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // The file was just opened; without a size the share stays 0.
  }
  return () => (size > 0 ? Math.min(1, stream.bytesRead / size) : 0);
}
