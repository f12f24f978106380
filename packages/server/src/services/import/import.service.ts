import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { getDepartment, insertBatch, listTierRules, lockSourceForImport } from '@pubcredit/db';
import { DomainError, catalogCodeOf, checkUscc, fieldForHeader, getCatalog, matchHeaders, normalizeCode, normalizeHeader } from '@pubcredit/domain';
import type { CatalogDef, RowIssue } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import { getWorkingCalendar } from '../calendar.service';
import { classifyChunk, writeChunk } from './chunk-writer';
import type { BatchInfo, Chunk, Counts } from './chunk-writer';
import { findHeaderRow } from './header-row';
import type { FoundHeader } from './header-row';
import { RowPreparer } from './row-preparer';
import { openSource } from './source/open-source';
import type { OpenedSource, SourceRow } from './source/source.types';
import { UnreadableFile } from './source/source.types';

export interface ImportRequest {
  filePath: string;
  /** The name the department gave the file (uploads live under a temporary path). */
  fileName?: string;
  /** Catalogue code, e.g. administrative_penalty. */
  catalog: string;
  /** USCC of the submitting department; it must be registered. */
  source: string;
  /** Validate and classify only; nothing is written and no batch is created. */
  dryRun?: boolean;
  /** Called after each chunk with the data rows read so far and the share of the file read (0…1, null when unknown). */
  onProgress?: (rowsDone: number, share: number | null) => void;
}

export interface ImportResult {
  /** null on a dry run. */
  batchId: string | null;
  catalog: string;
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Errors and warnings in row order; at most {@link MAX_RESULT_ISSUES} (all are stored with the batch). */
  issues: RowIssue[];
  issuesTotal: number;
}

/** Rows validated and written together; large enough to amortise round trips, small enough to stay flat. */
const CHUNK_ROWS = 5000;
/** Rows prepared between turns of the event loop. */
const YIELD_EVERY_ROWS = 200;
/** Issues returned inline; a file of a million bad rows keeps the rest in batch_issues only. */
export const MAX_RESULT_ISSUES = 100_000;
/** The column a downloaded rejected file carries; dropped on resubmission. */
const REASON_HEADER = normalizeHeader('错误原因');

const beijingDay = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (b) => hash.update(b))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

async function open(req: ImportRequest, catalog: CatalogDef): Promise<OpenedSource> {
  try {
    return await openSource(req.filePath, req.fileName ?? basename(req.filePath), (key) => fieldForHeader(catalog, key) !== undefined);
  } catch (err) {
    if (err instanceof UnreadableFile) throw new DomainError('FILE_UNREADABLE', err.message, { file: req.fileName ?? basename(req.filePath) });
    throw err;
  }
}

/**
 * JSON Lines: every key of the first object must be a known field; required keys may be absent
 * (JSON omits empty values), so their absence is a row error, not a refused file.
 */
function matchJsonKeys(catalog: CatalogDef, keys: readonly string[]): (string | null)[] {
  const columns = keys.map((k) => fieldForHeader(catalog, k) ?? null);
  if (columns.some((c) => c === null)) matchHeaders(catalog, keys); // throws HEADERS_REFUSED naming the unknown keys
  return columns;
}

/** Maps each column to a field code, leaving out the 错误原因 column of a downloaded rejected file. */
function matchColumns(catalog: CatalogDef, source: OpenedSource): { columns: (string | null)[]; ignored: Set<number> } {
  const { headers } = source;
  if (source.format === 'jsonl') return { columns: matchJsonKeys(catalog, headers), ignored: new Set() };
  const ignored = new Set<number>();
  headers.forEach((h, i) => {
    if (normalizeHeader(h) === REASON_HEADER) ignored.add(i);
  });
  const kept = headers.flatMap((h, i) => (ignored.has(i) ? [] : [{ h, i }]));
  const matched = matchHeaders(catalog, kept.map((k) => k.h)).columns;
  const columns = new Array<string | null>(headers.length).fill(null);
  kept.forEach((k, j) => {
    columns[k.i] = matched[j] ?? null;
  });
  return { columns, ignored };
}

/**
 * Reads the rows in chunks; a read failure mid-file refuses the whole file (FILE_UNREADABLE). Issues
 * about the file itself go with the first chunk.
 */
async function* chunksOf(source: OpenedSource, prepare: (chunk: Chunk, row: SourceRow) => void, fileIssues: readonly RowIssue[]): AsyncGenerator<Chunk> {
  let chunk: Chunk = { records: [], rejected: [], issues: [...fileIssues] };
  let size = 0;
  try {
    for await (const row of source.rows) {
      if (row.cells.every((c) => c.trim() === '')) continue; // blank lines are not rows
      prepare(chunk, row);
      // Let I/O callbacks run: the previous chunk's statements go out while this one is prepared.
      if (++size % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
      if (size >= CHUNK_ROWS) {
        yield chunk;
        chunk = { records: [], rejected: [], issues: [] };
        size = 0;
      }
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw new DomainError('FILE_UNREADABLE', err.message);
    throw err;
  }
  if (size > 0 || chunk.issues.length > 0) yield chunk;
}

function noDataRows(headerRowNo: number): RowIssue {
  return {
    row: headerRowNo,
    field: '',
    severity: 'warning',
    rule: 'file.no_rows',
    message: `表头（第${headerRowNo}行）之下没有数据行，没有导入任何记录；请检查是否选错了文件或工作表`,
  };
}

/** The header row (looked for below a title, findHeaderRow) and what each column holds. */
async function headerOf(catalog: CatalogDef, opened: OpenedSource): Promise<FoundHeader<ReturnType<typeof matchColumns>>> {
  try {
    return await findHeaderRow(opened, (s) => matchColumns(catalog, s));
  } catch (err) {
    if (err instanceof UnreadableFile) throw new DomainError('FILE_UNREADABLE', err.message);
    throw err;
  }
}

/**
 * Imports one department file (归集): reads CSV, XLSX or JSON Lines in chunks, validates each row
 * against the catalogue, stores valid rows as record versions of their subjects and quarantines
 * the rest with reasons. The whole batch is one transaction: it appears complete or not at all.
 * @throws DomainError FILE_UNREADABLE | CATALOG_UNKNOWN | DEPARTMENT_UNKNOWN | HEADERS_REFUSED
 */
export async function importFile(ctx: AppContext, given: ImportRequest): Promise<ImportResult> {
  // As typed on the command line: a catalogue by code or Chinese name, a department code in any case or width.
  const req: ImportRequest = { ...given, catalog: catalogCodeOf(given.catalog), source: normalizeCode(given.source) };
  const receivedAt = ctx.now();
  const receivedDay = beijingDay(receivedAt);
  const catalog = getCatalog(req.catalog, receivedDay);
  if (!(await getDepartment(ctx.db, req.source))) {
    // A mistyped code is not "unregistered": registering it as suggested would fail too.
    const code = checkUscc(req.source);
    if (!code.valid) {
      const why = code.issues.find((i) => i.severity === 'error')?.message ?? '格式不正确';
      throw new DomainError('DEPARTMENT_UNKNOWN', `报送部门代码 ${req.source} 不是有效的统一社会信用代码（${why}），请核对`, { source: req.source });
    }
    throw new DomainError(
      'DEPARTMENT_UNKNOWN',
      `报送部门 ${req.source} 未登记；请先执行 pubcredit departments add --code ${req.source} --name 部门名称`,
      { source: req.source },
    );
  }
  const calendar = await getWorkingCalendar(ctx);
  // Read once per batch: tiers are per department, catalogue and penalty type (issue #4 §1).
  const tierRules = (await listTierRules(ctx.db)).filter((r) => r.catalog === catalog.code);
  const fileHash = req.dryRun ? undefined : sha256File(req.filePath);
  fileHash?.catch(() => {});
  const found = await headerOf(catalog, await open(req, catalog));
  const { source, notice } = found;
  const { columns, ignored } = found.matched;
  const preparer = new RowPreparer({ catalog, source: req.source, columns, ignored, headers: source.headers, keys: ctx.keys, calendar, receivedDay, tierRules });

  const fileIssues = notice ? [notice] : [];
  const totals = { total: 0, accepted: 0, rejected: 0, warnings: fileIssues.length };
  const issues: RowIssue[] = [...fileIssues];
  let issuesTotal = fileIssues.length;
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const batch: BatchInfo = { batchId: randomUUID(), catalog: catalog.code, edition: catalog.edition, source: req.source, receivedAt };

  const chunks = chunksOf(source, (chunk, row) => {
    const prepared = preparer.prepare(row);
    totals.total++;
    if (prepared.record) {
      chunk.records.push(prepared.record);
      totals.accepted++;
    }
    if (prepared.rejected) {
      chunk.rejected.push(prepared.rejected);
      totals.rejected++;
    }
    for (const issue of prepared.issues) {
      chunk.issues.push(issue);
      if (issue.severity === 'warning') totals.warnings++;
      if (issuesTotal++ < MAX_RESULT_ISSUES) issues.push(issue);
    }
  }, fileIssues);

  // While the database stores chunk n, the next chunk is parsed and validated.
  const pump = async (write: (chunk: Chunk) => Promise<void>): Promise<void> => {
    let pending: Promise<void> = Promise.resolve();
    for await (const chunk of chunks) {
      await pending;
      pending = write(chunk);
      pending.catch(() => {}); // awaited on the next turn; this only prevents an unhandled-rejection crash meanwhile
      req.onProgress?.(totals.total, source.readShare());
    }
    await pending;
    if (totals.total === 0) {
      // Processed, but a department that sent only headers (a wrong file or sheet) must be told.
      const empty = noDataRows(source.headerRowNo);
      totals.warnings++;
      issuesTotal++;
      issues.push(empty);
      await write({ records: [], rejected: [], issues: [empty] });
    }
  };

  if (req.dryRun) {
    await pump((chunk) => classifyChunk(ctx.db, chunk, counts));
  } else {
    await ctx.db.transaction(async (tx) => {
      await lockSourceForImport(tx, req.source);
      await pump((chunk) => writeChunk(tx, chunk, batch, counts));
      await insertBatch(tx, {
        batchId: batch.batchId,
        catalog: catalog.code,
        edition: catalog.edition,
        sourceDept: req.source,
        fileName: req.fileName ?? basename(req.filePath),
        format: source.format,
        encoding: source.encoding,
        fileSha256: (await fileHash) ?? '',
        ...totals,
        ...counts,
        receivedAt,
        finishedAt: ctx.now(),
      });
    });
    ctx.log.info({ batchId: batch.batchId, catalog: catalog.code, source: req.source, ...totals, ...counts }, 'batch imported');
  }
  return {
    batchId: req.dryRun ? null : batch.batchId,
    catalog: catalog.code,
    total: totals.total,
    accepted: totals.accepted,
    rejected: totals.rejected,
    ...counts,
    issues,
    issuesTotal,
  };
}
