import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guardCell } from './cell-guard';
import { exportTable } from './table-export';

describe('guardCell (formula injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 375', "'+86 375"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['平顶山市某某有限公司', '平顶山市某某有限公司'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(guardCell(input)).toBe(expected);
  });

  it('writes null as an empty cell and numbers as text', () => {
    expect(guardCell(null)).toBe('');
    expect(guardCell(undefined)).toBe('');
    expect(guardCell(0.2)).toBe('0.2');
    expect(guardCell(-5)).toBe("'-5");
  });
});

const table = {
  sheetName: '退回数据',
  headers: ['行政相对人名称', '错误原因'],
  rows: [
    ['=cmd|" /C calc"!A0', '第2行：名称为公式'],
    ['平顶山市鹰城建材有限公司', '第3行：校验位错误，应为 L；处罚决定日期不能晚于今天'],
  ],
};

describe('exportTable', () => {
  it('writes CSV in UTF-8 with a BOM, CRLF and guarded cells', async () => {
    const raw = await buffer(exportTable(table, 'csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = raw.toString('utf8').slice(1);
    expect(csv.split('\r\n')[0]).toBe('行政相对人名称,错误原因');
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv).toContain('平顶山市鹰城建材有限公司');
  });

  it('streams CSV rows from an async source', async () => {
    async function* rows() {
      yield ['+1'];
      yield ['b'];
    }
    const csv = (await buffer(exportTable({ sheetName: 's', headers: ['h'], rows: rows() }, 'csv'))).toString('utf8');
    expect(csv).toBe("\uFEFFh\r\n'+1\r\nb\r\n");
  });

  it('writes XLSX with text cells and guarded formulas', async () => {
    const raw = await buffer(exportTable(table, 'xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('退回数据');
    expect(sheet?.getCell('A1').value).toBe('行政相对人名称');
    expect(sheet?.getCell('A2').value).toBe(`'=cmd|" /C calc"!A0`);
    expect(sheet?.getCell('A2').formula).toBeUndefined();
    expect(sheet?.getCell('B3').value).toBe('第3行：校验位错误，应为 L；处罚决定日期不能晚于今天');
  });
});
