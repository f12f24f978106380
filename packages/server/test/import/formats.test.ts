// Input formats of issue #2 item 5: CSV in GBK/GB18030 (as Excel on Chinese Windows saves it) and
// UTF-8 with or without BOM, XLSX with real date and number cells, and JSON Lines.
import { testEngines } from '@pubcredit/db/testing';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '@pubcredit/domain';
import type { AppContext } from '../../src/context';
import { importFile } from '../../src/services/import/import.service';
import { DEPT_A } from '../fixtures';
import {
  CHINESE,
  COMPANY,
  PENALTY,
  PENALTY_HEADERS,
  createImportContext,
  expectNothingLost,
  expectRowIssues,
  issuesOf,
  penaltyRow,
  personRow,
  quarantinedRows,
  removeTempFiles,
  storedRecords,
  syntheticUscc,
  toCsv,
  writeTemp,
} from './import-helpers';

/** The Chinese field names of the penalty catalogue, as departments' own templates head columns. */
const CHINESE_HEADERS = PENALTY_HEADERS.map((code) => getCatalog(PENALTY).fields.find((f) => f.code === code)?.name ?? code);

async function batchRow(ctx: AppContext, batchId: string | null) {
  const { rows } = await ctx.db.query<{ format: string; encoding: string | null; file_name: string }>(
    `select format, encoding, file_name from batches where batch_id = $1`,
    [batchId],
  );
  return rows[0];
}

describe.each(testEngines())('import formats on %s', (engine) => {
  let ctx: AppContext;

  beforeAll(async () => {
    ({ ctx } = await createImportContext(engine));
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  describe('CSV in GBK / GB18030', () => {
    // Names with characters outside the common set: 堃 喆 燊 are GBK, 𠮷 needs GB18030's 4-byte form.
    const names = ['平顶山市鹰城建材有限公司', '汝州市堃鑫商贸有限公司', '郏县喆燊农业专业合作社', '宝丰县𠮷祥餐饮店'];
    const rows = [
      penaltyRow({ CF_WSH: '平市监罚〔2024〕G1号', CF_XDR_MC: names[0], CF_XDR_SHXYM: syntheticUscc(101) }),
      penaltyRow({ CF_WSH: '平市监罚〔2024〕G2号', CF_XDR_MC: names[1], CF_XDR_SHXYM: syntheticUscc(102) }),
      penaltyRow({ CF_WSH: '平市监罚〔2024〕G3号', CF_XDR_MC: names[2], CF_XDR_SHXYM: syntheticUscc(103), CF_SY: '未按规定公示年度报告，情节较轻' }),
      penaltyRow({ CF_WSH: '平市监罚〔2024〕G4号', CF_XDR_MC: names[3], CF_XDR_SHXYM: '91410402MA9G12340X' }),
    ];

    it('is detected, and Chinese headers and names round-trip exactly', async () => {
      const bytes = iconv.encode(toCsv(rows, CHINESE_HEADERS, PENALTY_HEADERS), 'gb18030');
      // Not valid UTF-8: the importer must detect the encoding, not be told.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const filePath = writeTemp('行政处罚-gbk.csv', bytes);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });

      expect(result).toMatchObject({ total: 4, accepted: 3, rejected: 1, created: 3 });
      const stored = await storedRecords(ctx, result.batchId);
      expect(stored.map((r) => r.data.CF_XDR_MC)).toEqual(names.slice(0, 3));
      expect(stored[2]?.data.CF_SY).toBe('未按规定公示年度报告，情节较轻');
      expect(stored[0]?.doc_no).toBe('平市监罚〔2024〕G1号');
      const { rows: subjects } = await ctx.db.query<{ name: string }>(
        `select name from subjects where uscc = any($1::text[]) order by uscc`,
        [[syntheticUscc(101), syntheticUscc(102), syntheticUscc(103)]],
      );
      expect(subjects.map((s) => s.name).sort()).toEqual(names.slice(0, 3).sort());

      // The rejected row keeps its Chinese text and its Chinese headers, decoded.
      expectRowIssues(result, 5, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
      const [q] = await quarantinedRows(ctx, result.batchId);
      expect(q?.raw['行政相对人名称']).toBe(names[3]);
      expect(q?.raw['行政处罚决定书文号']).toBe('平市监罚〔2024〕G4号');
      expect(await batchRow(ctx, result.batchId)).toMatchObject({ format: 'csv', encoding: 'gb18030', file_name: '行政处罚-gbk.csv' });
      await expectNothingLost(ctx, result);
    });

    it('GBK with full-width digits in codes, dates and amounts', async () => {
      const row = penaltyRow({
        CF_WSH: '平市监罚〔2024〕G5号',
        CF_XDR_MC: '舞钢市垭口镇铸造厂',
        CF_XDR_SHXYM: '９１４１０４０２ＭＡ９Ｇ１２３４０Ｋ',
        CF_JDRQ: '２０２４年３月１日',
        CF_NR_FK: '０．５',
      });
      const filePath = writeTemp('gbk-fullwidth.csv', iconv.encode(toCsv([row], CHINESE_HEADERS, PENALTY_HEADERS), 'gbk'));
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result.issues).toEqual([]);
      const [rec] = await storedRecords(ctx, result.batchId);
      expect(rec?.data).toMatchObject({ CF_XDR_MC: '舞钢市垭口镇铸造厂', CF_XDR_SHXYM: COMPANY, CF_JDRQ: '2024-03-01', CF_NR_FK: '0.5' });
    });
  });

  describe('CSV in UTF-8', () => {
    it('with a BOM (Excel "CSV UTF-8"): the first header is recognised and the BOM is not data', async () => {
      const text = `\uFEFF${toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕U1号', CF_XDR_SHXYM: syntheticUscc(201) })], CHINESE_HEADERS, PENALTY_HEADERS)}`;
      const filePath = writeTemp('bom.csv', text);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 1, accepted: 1, rejected: 0 });
      const [rec] = await storedRecords(ctx, result.batchId);
      expect(rec?.data.CF_XDR_MC).toBe('平顶山市鹰城建材有限公司');
      expect(JSON.stringify(rec?.data)).not.toContain('\uFEFF');
      expect(await batchRow(ctx, result.batchId)).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    });

    it('without a BOM, with LF line ends, a quoted cell spanning lines and a blank last line', async () => {
      const rows = [
        penaltyRow({ CF_WSH: '平市监罚〔2024〕U2号', CF_XDR_SHXYM: syntheticUscc(202), CF_SY: '第一项违法事实；\n第二项违法事实' }),
        penaltyRow({ CF_WSH: '平市监罚〔2024〕U3号', CF_XDR_SHXYM: '91410402MA9G12340X' }),
      ];
      const filePath = writeTemp('lf.csv', `${toCsv(rows).replace(/\r\n/g, '\n')}\n`);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
      const [rec] = await storedRecords(ctx, result.batchId);
      expect(rec?.data.CF_SY).toBe('第一项违法事实；\n第二项违法事实');
      // A cell spanning two lines is still one spreadsheet row: the bad row is row 3.
      expectRowIssues(result, 3, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
    });
  });

  describe('text tables separated by tabs or semicolons', () => {
    // Excel's 文本文件（制表符分隔）(*.txt) on Chinese Windows: GBK, tab-separated; a comma stays text.
    it.each([
      ['tab-separated GBK (.txt)', '\t', 'gbk', 'T'],
      ['semicolon-separated UTF-8', ';', 'utf-8', 'S'],
    ] as const)('%s is read by its header line', async (_case, separator, encoding, tag) => {
      const rows = [
        penaltyRow({ CF_WSH: `平市监罚〔2024〕${tag}1号`, CF_XDR_SHXYM: syntheticUscc(tag === 'T' ? 211 : 212), CF_NR: '罚款2000元，没收违法所得' }),
        penaltyRow({ CF_WSH: `平市监罚〔2024〕${tag}2号`, CF_XDR_SHXYM: '91410402MA9G12340X' }),
      ];
      const text = [CHINESE_HEADERS, ...rows.map((r) => PENALTY_HEADERS.map((c) => r[c] ?? ''))].map((cells) => cells.join(separator)).join('\r\n');
      const filePath = writeTemp(`table-${tag}.txt`, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
      expectRowIssues(result, 3, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
      const [rec] = await storedRecords(ctx, result.batchId);
      expect(rec?.data.CF_NR).toBe('罚款2000元，没收违法所得');
    });
  });

  describe('title rows', () => {
    it('a CSV saved from a template with its title line: the title is looked past and named', async () => {
      const row = penaltyRow({ CF_WSH: '平市监罚〔2024〕T1号', CF_XDR_SHXYM: syntheticUscc(305) });
      const csv = `行政处罚信息公示表${','.repeat(PENALTY_HEADERS.length - 1)}\r\n${toCsv([row])}`;
      const filePath = writeTemp('带标题.csv', iconv.encode(csv, 'gb18030'));
      const result = await importFile(ctx, { filePath, fileName: '带标题.csv', catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 1, accepted: 1, rejected: 0 });
      expect(result.issues).toEqual([
        { row: 1, field: '', severity: 'warning', rule: 'file.title_rows', message: '第1行不是表头（如表格标题、填报单位），已跳过；表头在第2行' },
      ]);
      expect((await storedRecords(ctx, result.batchId)).map((r) => r.row_no)).toEqual([3]);
    });

    it('a file with headers and no data row is processed with a warning saying so', async () => {
      const filePath = writeTemp('只有表头.csv', `${PENALTY_HEADERS.join(',')}\r\n`);
      const result = await importFile(ctx, { filePath, fileName: '只有表头.csv', catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 0, accepted: 0, rejected: 0, issuesTotal: 1 });
      expect(result.issues).toEqual([
        { row: 1, field: '', severity: 'warning', rule: 'file.no_rows', message: '表头（第1行）之下没有数据行，没有导入任何记录；请检查是否选错了文件或工作表' },
      ]);
      const { rows } = await ctx.db.query<{ rule: string; warnings: number }>(
        'select i.rule, b.warnings from batch_issues i join batches b using (batch_id) where batch_id = $1',
        [result.batchId],
      );
      expect(rows).toEqual([{ rule: 'file.no_rows', warnings: 1 }]);
      const dry = await importFile(ctx, { filePath, fileName: '只有表头.csv', catalog: PENALTY, source: DEPT_A.uscc, dryRun: true });
      expect(dry.issues.map((i) => i.rule)).toEqual(['file.no_rows']);
    });
  });

  describe('XLSX', () => {
    async function writeXlsx(name: string, build: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
      const workbook = new ExcelJS.Workbook();
      build(workbook.addWorksheet('行政处罚'));
      const path = writeTemp(name, new Uint8Array());
      await workbook.xlsx.writeFile(path);
      return path;
    }

    it('reads text, date and number cells; row numbers are the sheet rows', async () => {
      const good = penaltyRow({ CF_WSH: '平市监罚〔2024〕X1号', CF_XDR_SHXYM: syntheticUscc(301), CF_XDR_MC: '平顶山市新华区表格测试有限公司' });
      const bad = penaltyRow({ CF_WSH: '平市监罚〔2024〕X2号', CF_XDR_SHXYM: '91410402MA9G12340X' });
      const filePath = await writeXlsx('行政处罚.xlsx', (sheet) => {
        sheet.addRow(CHINESE_HEADERS);
        for (const row of [good, bad]) {
          const cells: unknown[] = PENALTY_HEADERS.map((code) => row[code] ?? null);
          // Real cell types, as departments' spreadsheets hold them.
          cells[PENALTY_HEADERS.indexOf('CF_JDRQ')] = new Date(Date.UTC(2024, 2, 1));
          cells[PENALTY_HEADERS.indexOf('CF_YXQ')] = new Date(Date.UTC(2025, 2, 1));
          cells[PENALTY_HEADERS.indexOf('CF_NR_FK')] = 0.25;
          sheet.addRow(cells);
        }
        sheet.getColumn(PENALTY_HEADERS.indexOf('CF_JDRQ') + 1).numFmt = 'yyyy-mm-dd';
      });
      const result = await importFile(ctx, { filePath, fileName: '行政处罚.xlsx', catalog: PENALTY, source: DEPT_A.uscc });

      expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1, created: 1 });
      const [rec] = await storedRecords(ctx, result.batchId);
      expect(rec?.row_no).toBe(2);
      expect(rec?.data).toMatchObject({ CF_XDR_MC: '平顶山市新华区表格测试有限公司', CF_JDRQ: '2024-03-01', CF_YXQ: '2025-03-01', CF_NR_FK: '0.25' });
      expect(rec?.decision_date).toBe('2024-03-01');
      expectRowIssues(result, 3, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
      expect((await quarantinedRows(ctx, result.batchId)).map((q) => q.row_no)).toEqual([3]);
      expect(await batchRow(ctx, result.batchId)).toMatchObject({ format: 'xlsx' });
      await expectNothingLost(ctx, result);
    });

    it('row numbers stay the sheet rows when empty rows stand above the header', async () => {
      const bad = penaltyRow({ CF_WSH: '平市监罚〔2024〕X4号', CF_XDR_SHXYM: '91410402MA9G12340X' });
      const filePath = await writeXlsx('空行在上.xlsx', (sheet) => {
        // Rows 1 and 2 left empty: the header is on row 3, the data on rows 4 and 5.
        sheet.getRow(3).values = [...PENALTY_HEADERS];
        sheet.getRow(4).values = PENALTY_HEADERS.map((c) => penaltyRow({ CF_WSH: '平市监罚〔2024〕X5号', CF_XDR_SHXYM: syntheticUscc(303) })[c] ?? null);
        sheet.getRow(5).values = PENALTY_HEADERS.map((c) => bad[c] ?? null);
      });
      const result = await importFile(ctx, { filePath, fileName: '空行在上.xlsx', catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
      expectRowIssues(result, 5, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
      expect((await storedRecords(ctx, result.batchId)).map((r) => r.row_no)).toEqual([4]);
    });

    it('looks past a title and 填报单位 above the header, names them in a warning, keeps the sheet’s row numbers', async () => {
      const bad = penaltyRow({ CF_WSH: '平市监罚〔2024〕X8号', CF_XDR_SHXYM: '91410402MA9G12340X' });
      const filePath = await writeXlsx('带标题的模板.xlsx', (sheet) => {
        sheet.addRow(['平顶山市市场监督管理局行政处罚信息公示表']);
        sheet.mergeCells(1, 1, 1, CHINESE_HEADERS.length);
        sheet.addRow(['填报单位：平顶山市市场监督管理局', null, null, '填报日期：2024年3月5日']);
        sheet.addRow(CHINESE_HEADERS);
        sheet.addRow(PENALTY_HEADERS.map((c) => penaltyRow({ CF_WSH: '平市监罚〔2024〕X7号', CF_XDR_SHXYM: syntheticUscc(304) })[c] ?? null));
        sheet.addRow(PENALTY_HEADERS.map((c) => bad[c] ?? null));
      });
      const result = await importFile(ctx, { filePath, fileName: '带标题的模板.xlsx', catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
      expect(issuesOf(result, 1)).toEqual([
        { row: 1, field: '', severity: 'warning', rule: 'file.title_rows', message: '第1–2行不是表头（如表格标题、填报单位），已跳过；表头在第3行' },
      ]);
      expectRowIssues(result, 5, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
      expect((await storedRecords(ctx, result.batchId)).map((r) => r.row_no)).toEqual([4]);
      // The warning is kept with the batch like every other issue.
      const { rows } = await ctx.db.query<{ row_no: number; rule: string }>('select row_no, rule from batch_issues where batch_id = $1 order by row_no', [result.batchId]);
      expect(rows.map((r) => [r.row_no, r.rule])).toEqual([[1, 'file.title_rows'], [5, 'uscc.check_digit']]);
      await expectNothingLost(ctx, result);
    });

    it('an ID number held in a number cell (15 digits kept) is reported as such, not as a bad check digit', async () => {
      const person = personRow({ CF_WSH: '平市监罚〔2024〕X6号' });
      const filePath = await writeXlsx('身份证为数字.xlsx', (sheet) => {
        sheet.addRow([...PENALTY_HEADERS]);
        const cells: unknown[] = PENALTY_HEADERS.map((c) => person[c] ?? null);
        cells[PENALTY_HEADERS.indexOf('CF_XDR_ZJHM')] = Number(person.CF_XDR_ZJHM);
        sheet.addRow(cells);
      });
      const result = await importFile(ctx, { filePath, fileName: '身份证为数字.xlsx', catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 1, rejected: 1 });
      expectRowIssues(result, 2, [{ field: 'CF_XDR_ZJHM', rule: 'excel.number' }]);
      expect(result.issues[0]?.message).toContain('被 Excel 当作数字保存的号码');
    });

    it('is recognised by the .xlsx extension of fileName when the upload path has none', async () => {
      const filePath = await writeXlsx('upload-tmp', (sheet) => {
        sheet.addRow([...PENALTY_HEADERS]);
        const row = penaltyRow({ CF_WSH: '平市监罚〔2024〕X3号', CF_XDR_SHXYM: syntheticUscc(302) });
        sheet.addRow(PENALTY_HEADERS.map((c) => row[c] ?? null));
      });
      const result = await importFile(ctx, { filePath, fileName: '报送.xlsx', catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 1, accepted: 1 });
      expect(await batchRow(ctx, result.batchId)).toMatchObject({ format: 'xlsx', file_name: '报送.xlsx' });
    });
  });

  describe('JSON Lines', () => {
    it('reads one object per line by field code; numbers become text; a bad line is rejected, not fatal', async () => {
      const good = penaltyRow({ CF_WSH: '平市监罚〔2024〕J1号', CF_XDR_SHXYM: syntheticUscc(401), CF_XDR_MC: '平顶山市卫东区接口测试有限公司' });
      const bad = penaltyRow({ CF_WSH: '平市监罚〔2024〕J2号', CF_XDR_SHXYM: '91410402MA9G12340X' });
      const person = personRow({ CF_WSH: '平市监罚〔2024〕J3号' });
      const full = Object.fromEntries(PENALTY_HEADERS.map((code) => [code, '']));
      const lines = [
        JSON.stringify({ ...full, ...good, CF_NR_FK: 0.3 }),
        JSON.stringify(bad),
        '{"CF_XDR_MC": "平顶山市未闭合有限公司", ',
        JSON.stringify(person),
      ];
      const filePath = writeTemp('行政处罚.jsonl', `${lines.join('\n')}\n`);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });

      expect(result).toMatchObject({ total: 4, accepted: 2, rejected: 2, created: 2 });
      const stored = await storedRecords(ctx, result.batchId);
      // JSON Lines has no header line: a row is its line number.
      expect(stored.map((r) => r.row_no)).toEqual([1, 4]);
      expect(stored[0]?.data).toMatchObject({ CF_XDR_MC: '平顶山市卫东区接口测试有限公司', CF_NR_FK: '0.3' });
      expectRowIssues(result, 2, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
      expect(result.issues).toContainEqual(expect.objectContaining({ row: 3, field: '', severity: 'error', rule: 'jsonl.syntax' }));
      expect((await quarantinedRows(ctx, result.batchId)).map((q) => q.row_no)).toEqual([2, 3]);
      expect(await batchRow(ctx, result.batchId)).toMatchObject({ format: 'jsonl' });
      await expectNothingLost(ctx, result);
    });

    it('a line that is not JSON is reported as such, without a "required" error for every field', async () => {
      const full = Object.fromEntries(PENALTY_HEADERS.map((code) => [code, '']));
      const good = { ...full, ...penaltyRow({ CF_WSH: '平市监罚〔2024〕J7号', CF_XDR_SHXYM: syntheticUscc(404) }) };
      const filePath = writeTemp('broken.jsonl', `${JSON.stringify(good)}\n{"CF_XDR_MC": "平顶山市未闭合有限公司", \n`);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
      expectRowIssues(result, 2, [{ field: '', rule: 'jsonl.syntax' }]);
    });

    it('a later line may carry catalogue fields the first line left out (JSON omits empty fields)', async () => {
      // A company first (no 证件号码 keys), then a natural person: both are complete records.
      const company = penaltyRow({ CF_WSH: '平市监罚〔2024〕J5号', CF_XDR_SHXYM: syntheticUscc(403) });
      const person = personRow({ CF_WSH: '平市监罚〔2024〕J6号' });
      const compact = (row: Record<string, string | undefined>) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
      const filePath = writeTemp('sparse.jsonl', `${JSON.stringify(compact(company))}\n${JSON.stringify(compact(person))}\n`);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result.issues).toEqual([]);
      expect(result).toMatchObject({ total: 2, accepted: 2, rejected: 0 });
    });

    it('accepts Chinese field names as keys', async () => {
      const row = penaltyRow({ CF_WSH: '平市监罚〔2024〕J4号', CF_XDR_SHXYM: syntheticUscc(402) });
      const byName = Object.fromEntries(PENALTY_HEADERS.map((code, i) => [CHINESE_HEADERS[i] ?? code, row[code] ?? '']));
      const filePath = writeTemp('names.jsonl', `${JSON.stringify(byName)}\n`);
      const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
      expect(result).toMatchObject({ total: 1, accepted: 1, issues: [] });
    });
  });

  it('messages of every issue are Chinese', async () => {
    const filePath = writeTemp('mixed.csv', toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕M1号', CF_XDR_SHXYM: 'ABC', CF_JDRQ: '昨天', CF_NR_FK: 'x' })]));
    const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
    expect(result.issues.length).toBeGreaterThan(2);
    for (const i of result.issues) expect(i.message).toMatch(CHINESE);
  });
});
