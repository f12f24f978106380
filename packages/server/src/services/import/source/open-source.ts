import { extname } from 'node:path';
import { detectDelimiter, detectEncoding, hasUtf8Bom, readHead } from './encoding';
import { openCsv } from './csv-source';
import { openJsonl } from './jsonl-source';
import { openXlsx } from './xlsx-source';
import type { OpenedSource } from './source.types';
import { UnreadableFile } from './source.types';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const startsWith = (head: Buffer, magic: number[]): boolean => magic.every((b, i) => head[i] === b);

/** Control bytes no text export holds (NUL…BS, SO…SUB, FS…US; tab, line ends, FF and ESC aside). */
const isBinaryByte = (b: number): boolean => b <= 0x08 || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);

/**
 * A program, image, archive or UTF-16 file: more than 1 in 20 of its first 4 KB are control bytes.
 * A stray NUL in a cell of a legacy export stays text (and is handled row by row).
 */
export function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (isBinaryByte(b)) control++;
  return control * 20 > sample.length;
}

/**
 * Opens a CSV, XLSX or JSON Lines file. The format comes from the content (an .xlsx is a zip),
 * then the extension; the text encoding of CSV and JSON Lines is detected.
 */
export async function openSource(path: string, fileName: string, isKnownKey: (key: string) => boolean): Promise<OpenedSource> {
  let head: Buffer;
  try {
    head = await readHead(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    throw new UnreadableFile(`${why}：${fileName}`);
  }
  if (head.length === 0) throw new UnreadableFile(`文件为空：${fileName}`);
  const ext = extname(fileName).toLowerCase();
  if (startsWith(head, OLE) || ext === '.xls') {
    throw new UnreadableFile(`不支持旧版 Excel（.xls）文件：${fileName}；请在 Excel 中另存为 .xlsx 或 CSV 后上传`);
  }
  if (startsWith(head, ZIP)) return openXlsx(path);
  if (ext === '.xlsx') throw new UnreadableFile(`文件扩展名为 .xlsx 但内容不是 Excel 工作簿：${fileName}`);
  if (UTF16_BOMS.some((bom) => startsWith(head, bom))) {
    throw new UnreadableFile(`文件为 UTF-16 编码（Excel 的“Unicode 文本”）：${fileName}；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后上传`);
  }
  if (startsWith(head, PDF) || looksBinary(head)) {
    throw new UnreadableFile(`不是 CSV、XLSX 或 JSON Lines 数据文件（内容为二进制）：${fileName}；请上传 Excel 工作簿（.xlsx）或 CSV 文件`);
  }
  const encoding = detectEncoding(head);
  if (ext === '.jsonl' || ext === '.ndjson') return openJsonl(path, encoding, isKnownKey);
  const bom = hasUtf8Bom(head);
  return openCsv(path, encoding, bom, detectDelimiter(bom ? head.subarray(3) : head));
}
