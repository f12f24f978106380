import { extname } from 'node:path';
import { detectEncoding, hasUtf8Bom, readHead } from './encoding';
import { openCsv } from './csv-source';
import { openJsonl } from './jsonl-source';
import { openXlsx } from './xlsx-source';
import type { OpenedSource } from './source.types';
import { UnreadableFile } from './source.types';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls

const startsWith = (head: Buffer, magic: number[]): boolean => magic.every((b, i) => head[i] === b);

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
  const encoding = detectEncoding(head);
  if (ext === '.jsonl' || ext === '.ndjson') return openJsonl(path, encoding, isKnownKey);
  return openCsv(path, encoding, hasUtf8Bom(head));
}
