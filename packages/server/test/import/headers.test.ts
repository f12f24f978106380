// Header matching and refused files (issue #2 item 5 "Headers", "Output"): codes or Chinese names,
// full-/half-width and spaces ignored; a file with unknown or missing required columns is refused
// with the expected headers listed; unreadable files, unknown catalogues and departments are
// refused with a Chinese reason. A refused file writes nothing.
import { testEngines } from '@pubcredit/db/testing';
import { DomainError, getCatalog } from '@pubcredit/domain';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { importFile } from '../../src/services/import/import.service';
import { DEPT_A } from '../fixtures';
import {
  CHINESE,
  COMPANY,
  PENALTY,
  PENALTY_HEADERS,
  createImportContext,
  importRows,
  penaltyRow,
  removeTempFiles,
  storedRecords,
  syntheticUscc,
  tableCounts,
  toCsv,
  writeTemp,
} from './import-helpers';

const REQUIRED = getCatalog(PENALTY).fields.filter((f) => f.required === 'always');

/** Runs fn, expecting a DomainError; returns it. */
async function refusal(fn: () => Promise<unknown>): Promise<DomainError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected the import to be refused');
}

describe.each(testEngines())('import headers and refused files on %s', (engine) => {
  let ctx: AppContext;

  beforeAll(async () => {
    ({ ctx } = await createImportContext(engine));
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  /** Expects fn to be refused with `code` and nothing written; returns the error. */
  async function expectRefused(code: string, fn: () => Promise<unknown>): Promise<DomainError> {
    const before = await tableCounts(ctx);
    const err = await refusal(fn);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(CHINESE);
    expect(await tableCounts(ctx)).toEqual(before);
    return err;
  }

  it('matches headers by Chinese name or code, ignoring full-/half-width, case and spaces', async () => {
    const headers = PENALTY_HEADERS.map((code): string => {
      const field = getCatalog(PENALTY).fields.find((f) => f.code === code);
      switch (code) {
        case 'CF_XDR_MC':
          return ' 行政相对人名称 ';
        case 'CF_XDR_SHXYM':
          return '行政相对人代码_1(统一社会信用代码)'; // half-width parentheses
        case 'CF_WSH':
          return 'ｃｆ＿ｗｓｈ'; // full-width, lower case
        case 'CF_JDRQ':
          return '处罚 决定\u3000日期';
        case 'CF_NR_FK':
          return '罚款金额（万元）';
        default:
          return field?.name ?? code;
      }
    });
    const result = await importRows(ctx, [penaltyRow({ CF_WSH: '平市监罚〔2024〕H1号' })], { headers });
    expect(result).toMatchObject({ total: 1, accepted: 1, issues: [] });
    const [rec] = await storedRecords(ctx, result.batchId);
    expect(rec?.data).toMatchObject({ CF_XDR_MC: '平顶山市鹰城建材有限公司', CF_XDR_SHXYM: COMPANY, CF_WSH: '平市监罚〔2024〕H1号', CF_JDRQ: '2024-03-01' });
  });

  it('accepts a file without the optional columns, in any column order', async () => {
    const columns = REQUIRED.map((f) => f.code).reverse();
    const row = penaltyRow({ CF_WSH: '平市监罚〔2024〕H2号', CF_XDR_SHXYM: syntheticUscc(1) });
    // 统一社会信用代码 and 法定代表人 are required for 法人, so they come too; 罚款金额 for 罚款.
    const cols = [...columns, 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_NR_FK'];
    const filePath = writeTemp('minimal.csv', toCsv([row], cols));
    const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
    expect(result).toMatchObject({ total: 1, accepted: 1, issues: [] });
  });

  it('refuses an unknown column, listing the expected headers', async () => {
    const headers = [...PENALTY_HEADERS, '联系电话'];
    const filePath = writeTemp('unknown.csv', toCsv([{ ...penaltyRow(), CF_WSH: '平市监罚〔2024〕H3号' }], headers));
    const err = await expectRefused('HEADERS_REFUSED', () => importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc }));
    expect(err.message).toContain('联系电话');
    for (const f of getCatalog(PENALTY).fields) {
      expect(err.message).toContain(f.code);
      expect(err.message).toContain(f.name);
    }
    expect(err.details).toMatchObject({ unknown: ['联系电话'], missing: [] });
    expect((err.details.expected as { code: string }[]).map((e) => e.code)).toEqual(getCatalog(PENALTY).fields.map((f) => f.code));
  });

  it('refuses a file missing a required column, naming it', async () => {
    const headers = PENALTY_HEADERS.filter((h) => h !== 'CF_SY');
    const filePath = writeTemp('missing.csv', toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕H4号' })], headers));
    const err = await expectRefused('HEADERS_REFUSED', () => importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc }));
    expect(err.details).toMatchObject({ missing: ['CF_SY'] });
    expect(err.message).toContain('CF_SY（违法事实）');
    expect(err.message).toContain('CF_WSH');
  });

  it('refuses a file carrying one field twice (by code and by name)', async () => {
    const headers = [...PENALTY_HEADERS, '行政处罚决定书文号'];
    const filePath = writeTemp('twice.csv', toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕H5号' })], headers, [...PENALTY_HEADERS, 'CF_WSH']));
    const err = await expectRefused('HEADERS_REFUSED', () => importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc }));
    expect(err.message).toContain('CF_WSH');
  });

  it('refuses an unknown catalogue (CATALOG_UNKNOWN)', async () => {
    const filePath = writeTemp('ok.csv', toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕H6号' })]));
    const err = await expectRefused('CATALOG_UNKNOWN', () => importFile(ctx, { filePath, catalog: 'no_such_catalog', source: DEPT_A.uscc }));
    expect(err.message).toContain('no_such_catalog');
  });

  it('takes the catalogue by its Chinese name and the department code in any case or width, as typed', async () => {
    const filePath = writeTemp('typed.csv', toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕H8号' })]));
    const typedSource = ` ${DEPT_A.uscc.toLowerCase()} `;
    const result = await importFile(ctx, { filePath, catalog: ' 行政处罚 ', source: typedSource, dryRun: true });
    expect(result).toMatchObject({ catalog: PENALTY, total: 1, accepted: 1 });
  });

  it('refuses an unregistered department (DEPARTMENT_UNKNOWN)', async () => {
    const filePath = writeTemp('ok.csv', toCsv([penaltyRow({ CF_WSH: '平市监罚〔2024〕H7号' })]));
    const err = await expectRefused('DEPARTMENT_UNKNOWN', () => importFile(ctx, { filePath, catalog: PENALTY, source: COMPANY }));
    expect(err.message).toContain(COMPANY);
    expect(err.message).toContain('departments add');
    // A mistyped code is named as such, not as unregistered (registering it would fail too).
    const typo = await expectRefused('DEPARTMENT_UNKNOWN', () => importFile(ctx, { filePath, catalog: PENALTY, source: '11410400005847120X' }));
    expect(typo.message).toMatch(/^报送部门代码 11410400005847120X 不是有效的统一社会信用代码（.*校验码.*），请核对$/);
    expect(typo.message).not.toContain('departments add');
  });

  it.each([
    ['a missing file', () => '/nonexistent/pubcredit/行政处罚.csv'],
    ['an empty file', () => writeTemp('empty.csv', '')],
    ['a legacy .xls workbook', () => writeTemp('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))],
    ['an .xlsx that is not a workbook', () => writeTemp('fake.xlsx', toCsv([penaltyRow()]))],
    ['an .xlsx workbook that is corrupt', () => writeTemp('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]))],
  ])('refuses %s (FILE_UNREADABLE)', async (_what, file) => {
    const filePath = file();
    const err = await expectRefused('FILE_UNREADABLE', () => importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc }));
    // No library's English code (FILE_ENDED, invalid signature …) reaches the department.
    expect(err.message).not.toMatch(/[A-Z]{2,}_[A-Z]{2,}|signature|invalid|Error/);
  });

  it.each([
    ['a program', () => writeTemp('program.csv', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01'), Buffer.alloc(200), Buffer.from('\x1b[31m')])), '内容为二进制'],
    ['a PDF', () => writeTemp('scan.csv', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n'), '内容为二进制'],
    ['UTF-16 text (Excel "Unicode 文本")', () => writeTemp('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(toCsv([penaltyRow()]), 'utf-16le')])), 'UTF-16'],
  ])('refuses %s in one clean Chinese line, without echoing its bytes (FILE_UNREADABLE)', async (_what, file, reason) => {
    const filePath = file();
    const err = await expectRefused('FILE_UNREADABLE', () => importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc }));
    expect(err.message).toContain(reason);
    expect([...err.message].some((c) => c < ' ')).toBe(false);
  });

  it('an unknown header is shown without control characters and cut to 30 characters', async () => {
    const filePath = writeTemp('esc.csv', `\u001b[31m红色\u001b[0m,${'很长的表头'.repeat(10)},CF_WSH\r\nx,y,z\r\n`);
    const err = await expectRefused('HEADERS_REFUSED', () => importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc }));
    expect(err.message).toContain('无法识别的列：[31m红色 [0m、很长的表头很长的表头很长的表头很长的表头很长的表头很长的表头…；');
    expect([...err.message].some((c) => c < ' ')).toBe(false);
  });

  it('a failure after thousands of rows leaves nothing behind: the batch is one transaction', async () => {
    // Fault injection: the database refuses row 11,000 (third chunk), after two chunks of subjects,
    // records, keys and names were written inside the batch's transaction.
    await ctx.db.query(`create function fail_at_row() returns trigger language plpgsql as $$
      begin
        if new.row_no = 11000 then raise exception 'injected failure at row %', new.row_no; end if;
        return new;
      end $$`);
    await ctx.db.query(`create trigger fail_at_row before insert on records for each row execute function fail_at_row()`);
    const rows = Array.from({ length: 12_000 }, (_, i) => penaltyRow({ CF_WSH: `平市监罚〔2023〕${i + 1}号`, CF_XDR_SHXYM: syntheticUscc(10_000 + i) }));
    const filePath = writeTemp('big.csv', toCsv(rows));
    const before = await tableCounts(ctx);
    await expect(importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc })).rejects.toThrow(/injected failure/);
    expect(await tableCounts(ctx)).toEqual(before);

    // Running the same import again completes it.
    await ctx.db.query('drop trigger fail_at_row on records');
    const result = await importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc });
    expect(result).toMatchObject({ total: 12_000, accepted: 12_000, created: 12_000, rejected: 0 });
    expect((await storedRecords(ctx, result.batchId)).length).toBe(12_000);
  });
});
