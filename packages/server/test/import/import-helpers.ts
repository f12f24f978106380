// Shared factories of the import specs: a fixed-clock context, valid 行政处罚 rows by field code,
// CSV writing and the queries that show what a batch stored or quarantined.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from '@pubcredit/domain';
import type { Engine } from '@pubcredit/db';
import type { RowIssue } from '@pubcredit/domain';
import { expect } from 'vitest';
import type { AppContext } from '../../src/context';
import { importFile } from '../../src/services/import/import.service';
import type { ImportRequest, ImportResult } from '../../src/services/import/import.service';
import { DEPT_A, addDepartments } from '../fixtures';
import { createTestContext } from '../test-context';

export const PENALTY = 'administrative_penalty';

/** Field order of the national 行政处罚 template as departments usually export it. */
export const PENALTY_HEADERS = [
  'CF_XDR_MC',
  'CF_XDR_LB',
  'CF_XDR_SHXYM',
  'CF_FRDB',
  'CF_FR_ZJLX',
  'CF_FR_ZJHM',
  'CF_XDR_ZJLX',
  'CF_XDR_ZJHM',
  'CF_WSH',
  'CF_WFXW',
  'CF_SY',
  'CF_YJ',
  'CF_CFLB',
  'CF_NR',
  'CF_NR_FK',
  'CF_JDRQ',
  'CF_YXQ',
  'CF_CFJG',
  'CF_CFJGDM',
  'CF_SJLY',
  'CF_SJLYDM',
  'BZ',
] as const;

export type PenaltyRow = Partial<Record<(typeof PENALTY_HEADERS)[number], string>>;

/** Synthetic codes, valid by algorithm, not real entities (regulations §1.6). */
export const COMPANY = '91410402MA9G12340K';
/** §1.7 synthetic 平顶山 新华区 ID number, valid. */
export const PERSON_ID = '410402199001011230';
/** §1.7 synthetic 平顶山 汝州市 ID number (leap day), valid. */
export const LEGAL_REP_ID = '410482200002290021';

/**
 * A synthetic 平顶山 新华区 enterprise USCC with consistent org-code and GB 32100 check characters,
 * distinct for every n (0 ≤ n < 31⁶).
 */
export function syntheticUscc(n: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let tail = '';
  for (let i = 0, v = n; i < 6; i++, v = Math.floor(v / chars.length)) tail = (chars[v % chars.length] ?? '0') + tail;
  const body = `MA${tail}`;
  const first17 = `91410402${body}${orgCodeCheckChar(body) ?? '0'}`;
  return `${first17}${usccCheckChar(first17) ?? '0'}`;
}

/** An 18-digit resident ID with the right check character for the 17 given digits. */
export function residentId(first17: string): string {
  return `${first17}${residentIdCheckChar(first17) ?? '?'}`;
}

/** A complete, valid 行政处罚 on a legal person, reported by DEPT_A; override any field. */
export function penaltyRow(overrides: PenaltyRow = {}): PenaltyRow {
  return {
    CF_XDR_MC: '平顶山市鹰城建材有限公司',
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: COMPANY,
    CF_FRDB: '王建国',
    CF_WSH: '平市监罚〔2024〕1号',
    CF_WFXW: '未按规定公示年度报告',
    CF_SY: '该公司未按规定期限公示2023年度报告',
    CF_YJ: '《企业信息公示暂行条例》第八条',
    CF_CFLB: '罚款',
    CF_NR: '罚款2000元',
    CF_NR_FK: '0.2',
    CF_JDRQ: '2024-03-01',
    CF_YXQ: '2025-03-01',
    CF_CFJG: DEPT_A.name,
    CF_CFJGDM: DEPT_A.uscc,
    CF_SJLY: DEPT_A.name,
    CF_SJLYDM: DEPT_A.uscc,
    ...overrides,
  };
}

/** A valid 行政处罚 on a natural person (自然人, 居民身份证). */
export function personRow(overrides: PenaltyRow = {}): PenaltyRow {
  return penaltyRow({
    CF_XDR_MC: '张三',
    CF_XDR_LB: '自然人',
    CF_XDR_SHXYM: '',
    CF_FRDB: '',
    CF_XDR_ZJLX: '身份证',
    CF_XDR_ZJHM: PERSON_ID,
    CF_WFXW: '无证经营',
    CF_SY: '当事人未取得食品经营许可从事食品经营活动',
    CF_YJ: '《中华人民共和国食品安全法》第一百二十二条',
    ...overrides,
  });
}

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text (CRLF, as Excel writes it) of rows by field code under the given header row. */
export function toCsv(rows: readonly Readonly<Partial<Record<string, string>>>[], headers: readonly string[] = PENALTY_HEADERS, columns: readonly string[] = headers): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const tempDir = mkdtempSync(join(tmpdir(), 'pubcredit-import-spec-'));

/** Writes content to a file named `name` in a directory of its own; returns its path. */
export function writeTemp(name: string, content: string | Uint8Array): string {
  mkdirSync(tempDir, { recursive: true }); // removed by removeTempFiles after the previous engine's suite
  const path = join(mkdtempSync(join(tempDir, 'f-')), name);
  writeFileSync(path, content);
  return path;
}

/** Removes the files {@link writeTemp} wrote (call in afterAll). */
export function removeTempFiles(): void {
  rmSync(tempDir, { recursive: true, force: true });
}

export interface ClockedContext {
  ctx: AppContext;
  /** Moves the clock every import reads (receivedAt, the Beijing day that bounds dates). */
  setNow(iso: string): void;
}

/** 2025-06-30 10:00 in Beijing: decision dates after that day are in the future. */
export const DEFAULT_NOW = '2025-06-30T02:00:00Z';

/** A fresh migrated database of the engine with DEPT_A and DEPT_B registered and a settable clock. */
export async function createImportContext(engine: Engine, nowIso = DEFAULT_NOW): Promise<ClockedContext> {
  const base = await createTestContext(engine);
  let now = new Date(nowIso);
  const ctx: AppContext = { ...base, now: () => new Date(now.getTime()) };
  await addDepartments(ctx);
  return { ctx, setNow: (iso) => (now = new Date(iso)) };
}

/** Imports rows as a CSV file of DEPT_A (or another source). */
export function importRows(
  ctx: AppContext,
  rows: readonly PenaltyRow[],
  opts: Partial<Omit<ImportRequest, 'filePath'>> & { headers?: readonly string[] } = {},
): Promise<ImportResult> {
  const { headers, ...req } = opts;
  const filePath = writeTemp(req.fileName ?? 'penalties.csv', toCsv(rows, headers ?? PENALTY_HEADERS, PENALTY_HEADERS));
  return importFile(ctx, { filePath, catalog: PENALTY, source: DEPT_A.uscc, ...req });
}

export const CHINESE = /[\u4e00-\u9fa5]/;

/** Issues of one row. */
export function issuesOf(result: ImportResult, row: number): RowIssue[] {
  return result.issues.filter((i) => i.row === row);
}

/**
 * Asserts the row carries exactly these errors (by field and rule) and the given warnings among
 * its issues, each with a Chinese message.
 */
export function expectRowIssues(
  result: ImportResult,
  row: number,
  errors: readonly { field: string; rule: string }[],
  warnings: readonly { field: string; rule: string }[] = [],
): void {
  const issues = issuesOf(result, row);
  const pick = (severity: 'error' | 'warning') =>
    issues
      .filter((i) => i.severity === severity)
      .map(({ field, rule }) => ({ field, rule }))
      .sort((a, b) => `${a.field}${a.rule}`.localeCompare(`${b.field}${b.rule}`));
  const sorted = (list: readonly { field: string; rule: string }[]) =>
    [...list].sort((a, b) => `${a.field}${a.rule}`.localeCompare(`${b.field}${b.rule}`));
  expect(pick('error'), `errors of row ${row}: ${JSON.stringify(issues)}`).toEqual(sorted(errors));
  for (const w of warnings) expect(pick('warning'), `warnings of row ${row}: ${JSON.stringify(issues)}`).toContainEqual(w);
  for (const i of issues) expect(i.message, `message of ${i.rule}`).toMatch(CHINESE);
}

export interface StoredRecord {
  row_no: number;
  record_key: string;
  version: number;
  doc_no: string;
  decision_date: string;
  report_working_days: number | null;
  data: Record<string, unknown>;
  pii_cipher: string | null;
  subject_id: string;
  superseded_at: Date | null;
  received_at: Date;
}

/** Record versions a batch wrote, in row order. */
export async function storedRecords(ctx: AppContext, batchId: string | null): Promise<StoredRecord[]> {
  const { rows } = await ctx.db.query<StoredRecord>(
    `select row_no, record_key, version, doc_no, decision_date, report_working_days, data, pii_cipher, subject_id,
            superseded_at, received_at
       from records where batch_id = $1 order by row_no`,
    [batchId],
  );
  return rows;
}

export interface QuarantinedRow {
  row_no: number;
  raw: Record<string, string>;
  reasons: RowIssue[];
}

/** Rows a batch quarantined, in row order, as given (sealed personal cells decrypted). */
export async function quarantinedRows(ctx: AppContext, batchId: string | null): Promise<QuarantinedRow[]> {
  const { rows } = await ctx.db.query<QuarantinedRow & { pii_cipher: string | null }>(
    `select row_no, raw, reasons, pii_cipher from quarantine where batch_id = $1 order by row_no`,
    [batchId],
  );
  return rows.map(({ pii_cipher, ...row }) =>
    pii_cipher ? { ...row, raw: { ...row.raw, ...(JSON.parse(ctx.keys.decrypt(pii_cipher)) as Record<string, string>) } } : row,
  );
}

/** Row counts of every table an import writes. */
export async function tableCounts(ctx: AppContext): Promise<Record<string, number>> {
  const tables = ['batches', 'records', 'record_keys', 'subjects', 'subject_names', 'quarantine', 'batch_issues'];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await ctx.db.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    counts[t] = rows[0]?.n ?? -1;
  }
  return counts;
}

/** Asserts the batch row agrees with the result and every row is stored or quarantined. */
export async function expectNothingLost(ctx: AppContext, result: ImportResult): Promise<void> {
  const stored = await storedRecords(ctx, result.batchId);
  const quarantined = await quarantinedRows(ctx, result.batchId);
  expect(result.accepted + result.rejected).toBe(result.total);
  expect(result.created + result.updated + result.unchanged).toBe(result.accepted);
  // Unchanged rows add no version: they are already stored by an earlier batch.
  expect(stored.length + result.unchanged + quarantined.length).toBe(result.total);
  expect(stored.length).toBe(result.created + result.updated);
  expect(quarantined.length).toBe(result.rejected);
  const { rows } = await ctx.db.query<{ total: number; accepted: number; rejected: number; created: number; updated: number; unchanged: number }>(
    `select total, accepted, rejected, created, updated, unchanged from batches where batch_id = $1`,
    [result.batchId],
  );
  expect(rows[0]).toEqual({
    total: result.total,
    accepted: result.accepted,
    rejected: result.rejected,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
  });
}

/** RFC 4180 CSV text → rows of cells (a BOM is dropped); enough for reading exports back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
