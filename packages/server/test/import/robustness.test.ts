// Files as departments' systems really export them: stray NUL characters, an unclosed quote,
// encodings mixed within one file, extra cells, blank lines. Whatever the file holds, the import
// either refuses it as a whole with a Chinese reason or accounts for every row (issue #2 item 5
// "Nothing is lost").
import { testEngines } from '@pubcredit/db/testing';
import { DomainError } from '@pubcredit/domain';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { importFile } from '../../src/services/import/import.service';
import { DEPT_A } from '../fixtures';
import {
  CHINESE,
  PENALTY,
  createImportContext,
  expectNothingLost,
  expectRowIssues,
  penaltyRow,
  quarantinedRows,
  removeTempFiles,
  storedRecords,
  syntheticUscc,
  toCsv,
  writeTemp,
} from './import-helpers';

describe.each(testEngines())('import robustness on %s', (engine) => {
  let ctx: AppContext;
  let n = 0;
  const next = (overrides = {}) => {
    n++;
    return penaltyRow({ CF_WSH: `平市监罚〔2024〕R${n}号`, CF_XDR_SHXYM: syntheticUscc(2000 + n), ...overrides });
  };
  const importText = (name: string, content: string | Uint8Array) =>
    importFile(ctx, { filePath: writeTemp(name, content), catalog: PENALTY, source: DEPT_A.uscc });

  beforeAll(async () => {
    ({ ctx } = await createImportContext(engine));
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  it('a NUL character in a cell does not abort the batch: every row is still stored or quarantined', async () => {
    // Legacy database exports sometimes carry U+0000, which PostgreSQL text and jsonb cannot hold.
    const rows = [next(), next({ CF_SY: '违法\u0000事实' }), next()];
    const result = await importText('nul.csv', toCsv(rows));
    expect(result.total).toBe(3);
    const stored = await storedRecords(ctx, result.batchId);
    expect(stored.map((r) => r.row_no)).toEqual(expect.arrayContaining([2, 4]));
    await expectNothingLost(ctx, result);
  });

  it('an unclosed quote mid-file is refused or reported, never silently merging the rows after it', async () => {
    const lines = toCsv([next(), next(), next(), next()]).split('\r\n');
    lines[2] = `"${lines[2] ?? ''}`; // row 3 opens a quote that is never closed
    const outcome = await importText('quote.csv', lines.join('\r\n')).then(
      (result) => ({ result, err: undefined }),
      (err: unknown) => ({ result: undefined, err }),
    );
    if (outcome.result) {
      // Processed: the quote must be named on row 3, and rows 4 and 5 still be counted as rows.
      const quoteIssue = outcome.result.issues.find((i) => i.row === 3 && /引号/.test(i.message));
      expect(quoteIssue, JSON.stringify(outcome.result.issues.slice(0, 3))).toBeDefined();
      expect(outcome.result.total).toBe(4);
    } else {
      expect(outcome.err).toBeInstanceOf(DomainError);
      expect((outcome.err as DomainError).code).toBe('FILE_UNREADABLE');
      expect((outcome.err as DomainError).message).toMatch(/引号/);
    }
  });

  it('a row in another encoding inside a UTF-8 file is rejected with file.encoding; the others are stored', async () => {
    // Enough UTF-8 rows that detection, which samples the head of the file, settles on UTF-8.
    const head = Array.from({ length: 1500 }, () => next());
    const gbkRow = next({ CF_XDR_MC: '郏县编码混用商贸有限公司' });
    const utf8 = Buffer.from(toCsv(head), 'utf8');
    const gbk = iconv.encode(toCsv([gbkRow]).split('\r\n')[1] ?? '', 'gbk');
    const result = await importText('mixed.csv', Buffer.concat([utf8, gbk, Buffer.from('\r\n')]));
    expect(result).toMatchObject({ total: 1501, accepted: 1500, rejected: 1 });
    // Other errors of the garbled row may follow; the encoding must be named.
    expect(result.issues).toContainEqual(expect.objectContaining({ row: 1502, field: '', severity: 'error', rule: 'file.encoding' }));
    await expectNothingLost(ctx, result);
  });

  it('a row with more cells than headers is rejected (row.extra_cells)', async () => {
    const csv = toCsv([next(), next()]).split('\r\n');
    csv[2] = `${csv[2] ?? ''},多出来的一列`;
    const result = await importText('extra.csv', csv.join('\r\n'));
    expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
    expect(result.issues).toContainEqual(expect.objectContaining({ row: 3, severity: 'error', rule: 'row.extra_cells' }));
    const [q] = await quarantinedRows(ctx, result.batchId);
    expect(Object.values(q?.raw ?? {})).toContain('多出来的一列');
  });

  it('rows appended with other line ends (LF, CR among CRLF) are rows of their own, numbered as shown', async () => {
    const csv = toCsv([next(), next(), next({ CF_XDR_SHXYM: '91410402MA9G12340X' }), next()]).split('\r\n');
    // Excel wrote rows 1–2 with CRLF; rows 3–5 were appended in an editor that ends lines with LF or CR.
    const text = `${csv.slice(0, 2).join('\r\n')}\r\n${csv[2] ?? ''}\n,,,\n${csv[3] ?? ''}\r${csv[4] ?? ''}\n`;
    const result = await importText('mixed-line-ends.csv', text);
    expect(result).toMatchObject({ total: 4, accepted: 3, rejected: 1 });
    expectRowIssues(result, 5, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
    expect((await storedRecords(ctx, result.batchId)).map((r) => r.row_no).sort()).toEqual([2, 3, 6]);
    await expectNothingLost(ctx, result);
  });

  it('blank lines are not rows, but row numbers still match the lines a spreadsheet shows', async () => {
    const csv = toCsv([next(), next({ CF_XDR_SHXYM: '91410402MA9G12340X' })]).split('\r\n');
    csv.splice(2, 0, '', ',,,'); // rows 3 and 4 are empty
    const result = await importText('blank.csv', csv.join('\r\n'));
    expect(result).toMatchObject({ total: 2, accepted: 1, rejected: 1 });
    expectRowIssues(result, 5, [{ field: 'CF_XDR_SHXYM', rule: 'uscc.check_digit' }]);
    for (const i of result.issues) expect(i.message).toMatch(CHINESE);
  });
});
