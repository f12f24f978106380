// Issue #2 item 5 "Text is stored exactly as given", "Nothing is lost": formula-like text is stored
// verbatim and guarded only when exported; a department downloads its rejected rows with an added
// 错误原因 column, fixes them and resubmits the same file, whose 错误原因 column is ignored.
import { buffer } from 'node:stream/consumers';
import { testEngines } from '@pubcredit/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { importFile } from '../../src/services/import/import.service';
import type { ImportResult } from '../../src/services/import/import.service';
import { exportRejectedRows } from '../../src/services/rejected-export.service';
import { DEPT_A } from '../fixtures';
import {
  CHINESE,
  PENALTY,
  createImportContext,
  expectNothingLost,
  expectRowIssues,
  importRows,
  parseCsv,
  penaltyRow,
  quarantinedRows,
  removeTempFiles,
  storedRecords,
  syntheticUscc,
  writeTemp,
} from './import-helpers';

const FORMULAS = ['=HYPERLINK("http://x")有限公司', '+86-375有限公司', '-2+3有限公司', '@SUM(A1)有限公司'];
const BAD_USCC = '91410402MA9G12340X';

describe.each(testEngines())('formula text and resubmission on %s', (engine) => {
  let ctx: AppContext;
  let result: ImportResult;

  beforeAll(async () => {
    ({ ctx } = await createImportContext(engine));
    result = await importRows(ctx, [
      // Rows 2–5: valid rows whose names look like spreadsheet formulas.
      ...FORMULAS.map((name, i) => penaltyRow({ CF_WSH: `平市监罚〔2024〕F${i + 1}号`, CF_XDR_MC: name, CF_XDR_SHXYM: syntheticUscc(500 + i) })),
      // Row 6: a formula name on a rejected row; row 7: a plain rejected row.
      penaltyRow({ CF_WSH: '平市监罚〔2024〕F6号', CF_XDR_MC: FORMULAS[0], CF_XDR_SHXYM: BAD_USCC }),
      penaltyRow({ CF_WSH: '平市监罚〔2024〕F7号', CF_XDR_MC: '平顶山市石龙区退回测试有限公司', CF_XDR_SHXYM: BAD_USCC, CF_NR_FK: '两千' }),
    ]);
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  it('stores formula-like names verbatim in records.data and subjects', async () => {
    expect(result).toMatchObject({ total: 6, accepted: 4, rejected: 2 });
    const stored = await storedRecords(ctx, result.batchId);
    expect(stored.map((r) => r.data.CF_XDR_MC)).toEqual(FORMULAS);
    const { rows } = await ctx.db.query<{ name: string }>(`select name from subjects where name = any($1::text[])`, [FORMULAS]);
    expect(rows.map((r) => r.name).sort()).toEqual([...FORMULAS].sort());
    // A formula-looking name is not a defect: no issue on those rows.
    for (const row of [2, 3, 4, 5]) expectRowIssues(result, row, []);
    expectRowIssues(result, 6, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
    await expectNothingLost(ctx, result);
  });

  it('quarantines the rejected formula row exactly as given', async () => {
    const q = await quarantinedRows(ctx, result.batchId);
    expect(q.map((r) => r.row_no)).toEqual([6, 7]);
    expect(q[0]?.raw.CF_XDR_MC).toBe(FORMULAS[0]);
  });

  it('exports rejected rows as CSV with the original headers, a 错误原因 column and guarded cells', async () => {
    const file = await exportRejectedRows(ctx, result.batchId ?? '', 'csv');
    const raw = await buffer(file.stream);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(raw.toString('utf8'));
    expect(header?.at(-1)).toBe('错误原因');
    expect(header).toContain('CF_XDR_MC');
    const name = header?.indexOf('CF_XDR_MC') ?? -1;
    expect(rows.map((r) => r[name])).toEqual([`'${FORMULAS[0]}`, '平顶山市石龙区退回测试有限公司']);
    // No exported cell may start with = + - @ (formula injection).
    for (const row of [header ?? [], ...rows]) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    const reasons = rows.map((r) => r.at(-1) ?? '');
    expect(reasons[0]).toMatch(/^第6行：/);
    expect(reasons[1]).toMatch(/^第7行：/);
    expect(reasons[1]).toMatch(/两千/);
    for (const r of reasons) expect(r).toMatch(CHINESE);
  });

  it('exports rejected rows as XLSX with text cells, never formulas', async () => {
    const file = await exportRejectedRows(ctx, result.batchId ?? '', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buffer(file.stream)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    const col = headers.indexOf('CF_XDR_MC') + 1;
    const cell = sheet?.getRow(2).getCell(col);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.text).toContain(FORMULAS[0]);
    expect(headers.at(-1)).toBe('错误原因');
  });

  it('accepts the downloaded rejected CSV, fixed and resubmitted: the 错误原因 column is ignored', async () => {
    const file = await exportRejectedRows(ctx, result.batchId ?? '', 'csv');
    const fixed = (await buffer(file.stream)).toString('utf8').replaceAll(BAD_USCC, syntheticUscc(600)).replace('两千', '0.2');
    const filePath = writeTemp('退回数据-已修改.csv', fixed);
    const again = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });

    expect(again.issues).toEqual([]);
    expect(again).toMatchObject({ total: 2, accepted: 2, rejected: 0, created: 2 });
    const stored = await storedRecords(ctx, again.batchId);
    expect(stored.map((r) => r.row_no)).toEqual([2, 3]);
    for (const r of stored) expect(JSON.stringify(r.data)).not.toContain('错误原因');
    expect(stored[1]?.data).toMatchObject({ CF_XDR_MC: '平顶山市石龙区退回测试有限公司', CF_NR_FK: '0.2', CF_WSH: '平市监罚〔2024〕F7号' });
  });

  it('a formula-like name survives the download → fix → resubmit round trip unchanged', async () => {
    // The export guards the cell with a leading apostrophe; resubmitting that file must store the
    // name as the department first gave it, not with the guard character prepended.
    const file = await exportRejectedRows(ctx, result.batchId ?? '', 'csv');
    const fixed = (await buffer(file.stream))
      .toString('utf8')
      .replaceAll(BAD_USCC, syntheticUscc(601))
      .replace('两千', '0.2')
      .replaceAll('〔2024〕F', '〔2024〕R');
    const again = await importFile(ctx, { filePath: writeTemp('round-trip.csv', fixed), catalog: PENALTY, source: DEPT_A.uscc });
    const [formulaRow] = await storedRecords(ctx, again.batchId);
    expect(formulaRow?.data.CF_XDR_MC).toBe(FORMULAS[0]);
  });
});
