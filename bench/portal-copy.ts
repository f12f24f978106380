// COPY text of the portal benchmark's tables, streamed: rows are built in chunks of about 256 KB
// on demand (pipeline back-pressure), so memory stays flat whatever the row count.
import { hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { recordAt, subjectAt, subjectIdFor } from './portal-data';
import type { PortalRecord, PortalSubject } from './portal-data';

const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;
/** A value in COPY text format. */
const cell = (v: string | number | boolean | null): string => {
  if (v === null) return NULL;
  const s = String(v);
  return SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
};
const line = (cells: readonly (string | number | boolean | null)[]): string => `${cells.map(cell).join('\t')}\n`;

/** COPY rows produced by `rows` into `table (columns)`; returns the rows copied. */
export async function copyRows(client: pg.Client, table: string, columns: readonly string[], rows: Iterable<string>): Promise<number> {
  const CHUNK = 256 * 1024;
  function* chunks(): Generator<string> {
    let buf = '';
    for (const row of rows) {
      buf += row;
      if (buf.length >= CHUNK) {
        yield buf;
        buf = '';
      }
    }
    if (buf !== '') yield buf;
  }
  const copy = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), copy);
  return Number(copy.rowCount);
}

export const SUBJECT_COLUMNS = ['subject_id', 'kind', 'uscc', 'id_type', 'id_hash', 'id_masked', 'name'] as const;

/** Subjects 0 … n-1; `counts[i]` receives subject i's record count. */
export function* subjectLines(n: number, seed: number, counts: Uint8Array): Generator<string> {
  for (let i = 0; i < n; i++) {
    const s = subjectAt(i, seed);
    counts[i] = s.recordCount;
    yield line([s.subjectId, s.kind, s.uscc, s.idHash === null ? null : '01', s.idHash, s.idMasked, s.name]);
  }
}

export const SUBJECT_NAME_COLUMNS = ['subject_id', 'name', 'source_dept', 'first_seen_at', 'last_seen_at'] as const;

/** One 曾用名 row per subject (its current name, first seen with its first record's department). */
export function* subjectNameLines(n: number, seed: number, today: string): Generator<string> {
  for (let i = 0; i < n; i++) {
    const s = subjectAt(i, seed);
    const r = recordAt(s, 0, i + 1, seed, today);
    yield line([s.subjectId, s.name, r.dept.uscc, `${r.decisionDate}T09:00:00+08:00`, `${today}T09:00:00+08:00`]);
  }
}

export const RECORD_COLUMNS = [
  'subject_id', 'record_key', 'version', 'catalog', 'edition', 'source_dept', 'doc_no', 'decision_date', 'received_at',
  'report_working_days', 'content_hash', 'data', 'pii_cipher', 'batch_id', 'row_no', 'superseded_at', 'negative', 'regime',
  'tier', 'min_until', 'max_until', 'simple_procedure', 'never_public', 'publicity_ended_at', 'publicity_end_reason',
] as const;

function recordLine(r: PortalRecord, seq: number): string {
  const data = JSON.stringify(r.data);
  const recordKey = hash('sha256', `${r.catalog}|${r.dept.uscc}|${r.docNo}`, 'hex');
  const batchId = subjectIdFor(`bench-batch:${r.catalog}:${r.dept.uscc}:${r.decisionDate.slice(0, 7)}`);
  return line([
    r.subject.subjectId, recordKey, 1, r.catalog, '2021', r.dept.uscc, r.docNo, r.decisionDate,
    `${r.decisionDate}T16:00:00+08:00`, 3, hash('sha256', data, 'hex'), data, null, batchId, seq, null, r.negative,
    r.regime, r.tier, r.minUntil, r.maxUntil, r.simpleProcedure, r.neverPublic, r.endedAt, r.endReason,
  ]);
}

/** What the record stream produced. */
export interface RecordTally {
  records: number;
  penalties: number;
  expired: number;
  repaired: number;
  withdrawn: number;
  neverPublic: number;
  maxPerSubject: number;
}

/**
 * Makes the counts add up to `total` without cutting the tail: subjects with 2–5 records give one
 * back (or subjects with one get one more) in index order, sweep after sweep. Returns the sum.
 */
export function fitCounts(counts: Uint8Array, total: number): number {
  let sum = counts.reduce((a, c) => a + c, 0);
  for (let sweep = 0; sweep < 8 && sum !== total; sweep++) {
    let changed = false;
    for (let i = 0; i < counts.length && sum !== total; i++) {
      const c = counts[i] ?? 0;
      if (sum > total && c >= 2 && c <= 5) {
        counts[i] = c - 1;
        sum--;
        changed = true;
      } else if (sum < total && c >= 1 && c < 5) {
        counts[i] = c + 1;
        sum++;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return sum;
}

/**
 * `total` records: pass k gives every subject with more than k records its k-th one, so one
 * subject's records lie far apart in the table. Stops at `total` (the tail of the last pass is cut).
 */
export function* recordLines(total: number, seed: number, counts: Uint8Array, today: string, tally: RecordTally): Generator<string> {
  const n = counts.length;
  let seq = 0;
  for (let pass = 0; pass < 256 && seq < total; pass++) {
    let any = false;
    for (let i = 0; i < n && seq < total; i++) {
      if ((counts[i] ?? 0) <= pass) continue;
      any = true;
      const s: PortalSubject = subjectAt(i, seed);
      const r = recordAt(s, pass, ++seq, seed, today);
      if (r.negative) tally.penalties++;
      if (r.endReason === 'expired') tally.expired++;
      else if (r.endReason === 'repaired') tally.repaired++;
      else if (r.endReason === 'withdrawn') tally.withdrawn++;
      if (r.neverPublic) tally.neverPublic++;
      tally.maxPerSubject = Math.max(tally.maxPerSubject, pass + 1);
      yield recordLine(r, seq);
    }
    if (!any) break;
  }
  tally.records = seq;
}
