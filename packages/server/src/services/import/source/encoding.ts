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

export type CsvDelimiter = ',' | '\t' | ';';

/**
 * The column separator of a text table, read from its header line: a comma, or else a tab (Excel's
 * 文本文件（制表符分隔）) or a semicolon when the header holds those and no comma.
 * @example detectDelimiter(Buffer.from('CF_WSH\tCF_JDRQ\r\n')) // '\t'
 */
export function detectDelimiter(head: Buffer): CsvDelimiter {
  // No byte of a multi-byte UTF-8 or GB18030 character is a tab, comma, semicolon or line end: the bytes can be searched directly.
  const end = head.findIndex((b) => b === 0x0a || b === 0x0d);
  const line = head.subarray(0, end === -1 ? head.length : end);
  if (line.includes(0x2c)) return ',';
  if (line.includes(0x09)) return '\t';
  if (line.includes(0x3b)) return ';';
  return ',';
}
