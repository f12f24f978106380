import { open } from 'node:fs/promises';

const SAMPLE_BYTES = 256 * 1024;

export type TextEncoding = 'utf-8' | 'gb18030';

/** Reads the first bytes of a file (fewer when the file is shorter). */
export async function readHead(path: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const hasUtf8Bom = (head: Buffer): boolean => head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;

/**
 * UTF-8 (with or without BOM) or GB18030, the superset of the GBK that Excel on Chinese Windows
 * writes. Bytes that decode as strict UTF-8 are UTF-8: GBK text of any length almost never does.
 */
export function detectEncoding(head: Buffer): TextEncoding {
  if (hasUtf8Bom(head)) return 'utf-8';
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
