import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openSource } from './open-source';

const dir = mkdtempSync(join(tmpdir(), 'pubcredit-share-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADERS = ['CF_WSH', 'CF_XDR_MC', 'CF_SY'];
const ROWS = 60_000; // ≈ 4 MB: several of the reader's 1 MiB buffers
const row = (i: number): string[] => [`平市监罚〔2024〕${i}号`, `平顶山市测试${i}有限公司`, '未按规定公示年度报告'.repeat(3)];

async function readAll(path: string, name: string): Promise<(number | null)[]> {
  const source = await openSource(path, name, (key) => HEADERS.includes(key));
  const shares = [source.readShare()];
  let n = 0;
  for await (const _row of source.rows) if (++n % 10_000 === 0) shares.push(source.readShare());
  shares.push(source.readShare());
  expect(n).toBe(ROWS);
  return shares;
}

describe('the share of a file read (the CLI progress bar)', () => {
  it.each(['csv', 'jsonl'])('grows from below 1 to 1 while a %s file is read', async (ext) => {
    const path = join(dir, `big.${ext}`);
    const lines = Array.from({ length: ROWS }, (_, i) => row(i));
    const text =
      ext === 'csv'
        ? [HEADERS.join(','), ...lines.map((cells) => cells.join(','))].join('\r\n')
        : lines.map((cells) => JSON.stringify(Object.fromEntries(HEADERS.map((h, k) => [h, cells[k]])))).join('\n');
    writeFileSync(path, text);
    const shares = await readAll(path, `big.${ext}`);
    expect(shares[1]).toBeLessThan(1);
    expect(shares.at(-1)).toBe(1);
    expect([...shares].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(shares);
  });

  it('is unknown for an .xlsx workbook, whose zip is read ahead of its rows', async () => {
    const path = join(dir, 'small.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('行政处罚').addRows([HEADERS, row(1)]);
    await workbook.xlsx.writeFile(path);
    const source = await openSource(path, 'small.xlsx', (key) => HEADERS.includes(key));
    expect(source.readShare()).toBeNull();
  });
});
