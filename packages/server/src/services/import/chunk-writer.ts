import {
  advanceRecordKeys,
  copyBatchIssues,
  copyNewRecordKeys,
  copyQuarantine,
  copyRecordVersions,
  copyText,
  CopyText,
  csvField,
  findRecordKeys,
  recordSubjectNames,
  refreshNameConflicts,
  supersedeVersions,
  upsertSubjects,
} from '@pubcredit/db';
import type { PublicityEnd, RecordKeyState, Sql, SubjectNameSeen, SubjectUpsert, Tx } from '@pubcredit/db';
import type { PreparedRecord, RejectedRow } from './row-preparer';
import type { RowIssue } from '@pubcredit/domain';

/** Rows of one chunk of a file, after preparation. */
export interface Chunk {
  records: PreparedRecord[];
  rejected: RejectedRow[];
  issues: RowIssue[];
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface BatchInfo {
  batchId: string;
  catalog: string;
  edition: string;
  source: string;
  receivedAt: Date;
}

interface Classified {
  created: { rec: PreparedRecord; version: number }[];
  updated: { rec: PreparedRecord; version: number; old: RecordKeyState }[];
  unchanged: number;
}

async function classify(sql: Sql, records: readonly PreparedRecord[]): Promise<Classified> {
  const existing = await findRecordKeys(sql, records.map((r) => r.recordKey));
  const out: Classified = { created: [], updated: [], unchanged: 0 };
  for (const rec of records) {
    const old = existing.get(rec.recordKey);
    if (!old) out.created.push({ rec, version: 1 });
    else if (old.contentHash === rec.contentHash) out.unchanged++;
    else out.updated.push({ rec, version: old.version + 1, old });
  }
  return out;
}

function add(counts: Counts, c: Classified): void {
  counts.created += c.created.length;
  counts.updated += c.updated.length;
  counts.unchanged += c.unchanged;
}

/** Dry run: how the chunk would be classified, without writing. */
export async function classifyChunk(sql: Sql, chunk: Chunk, counts: Counts): Promise<void> {
  add(counts, await classify(sql, chunk.records));
}

function subjectsOf(records: readonly PreparedRecord[], source: string): { subjects: SubjectUpsert[]; names: SubjectNameSeen[] } {
  // One row per subject and per (subject, name) in a statement: ON CONFLICT may touch a row once.
  const subjects = new Map<string, SubjectUpsert>();
  const names = new Map<string, SubjectNameSeen>();
  for (const { subject } of records) {
    subjects.set(subject.subjectId, subject);
    names.set(`${subject.subjectId}\u0000${subject.name}`, { subjectId: subject.subjectId, name: subject.name, sourceDept: source });
  }
  return { subjects: [...subjects.values()], names: [...names.values()] };
}

const bool = (v: boolean): string => (v ? 't' : 'f');

/** COPY CSV of new versions, columns as RECORD_COPY_COLUMNS; `ends` carries a publicity end over by record key. */
function recordsCsv(rows: { rec: PreparedRecord; version: number }[], b: BatchInfo, ends: ReadonlyMap<string, PublicityEnd>): Buffer<ArrayBuffer>[] {
  const receivedAt = b.receivedAt.toISOString();
  const out = new CopyText();
  for (const { rec, version } of rows) {
    const p = rec.publicity;
    const end = ends.get(rec.recordKey);
    out.add(
      `${rec.subject.subjectId},${rec.recordKey},${version},${b.catalog},${b.edition},${b.source},${csvField(rec.docNo)},` +
        `${rec.decisionDate},${receivedAt},${csvField(rec.reportWorkingDays)},${rec.contentHash},${csvField(rec.dataJson)},` +
        `${csvField(rec.piiCipher)},${b.batchId},${rec.rowNo},` +
        `${bool(p.negative)},${csvField(p.regime)},${csvField(p.tier)},${p.minUntil ?? ''},${p.maxUntil ?? ''},` +
        `${bool(p.simpleProcedure)},${bool(p.neverPublic)},${end ? end.endedAt.toISOString() : ''},${end ? end.reason : ''}\n`,
    );
  }
  return out.done();
}

/** Writes one chunk inside the batch's transaction and adds its classification to `counts`. */
export async function writeChunk(tx: Tx, chunk: Chunk, b: BatchInfo, counts: Counts): Promise<void> {
  const c = await classify(tx, chunk.records);
  add(counts, c);
  const versions = [...c.created, ...c.updated];
  if (versions.length > 0) {
    // Only new versions speak for the subject: re-sending an unchanged old record must not undo a rename.
    const { subjects, names } = subjectsOf(versions.map((v) => v.rec), b.source);
    const maybeConflicting = await upsertSubjects(tx, subjects, b.receivedAt);
    await recordSubjectNames(tx, names, b.receivedAt);
    await refreshNameConflicts(tx, maybeConflicting);
  }
  // Superseded first: the publicity end of a replaced version (repaired, withdrawn) carries over to the new one.
  const ends = c.updated.length > 0 ? await supersedeVersions(tx, c.updated.map((u) => u.old), b.receivedAt) : new Map<string, PublicityEnd>();
  if (versions.length > 0) await copyRecordVersions(tx, recordsCsv(versions, b, ends));
  if (c.created.length > 0) {
    await copyNewRecordKeys(
      tx,
      copyText(c.created, ({ rec }) => `${rec.recordKey},${rec.subject.subjectId},1,${rec.contentHash}\n`),
    );
  }
  if (c.updated.length > 0) {
    await advanceRecordKeys(
      tx,
      c.updated.map(({ rec, version }) => ({ recordKey: rec.recordKey, subjectId: rec.subject.subjectId, version, contentHash: rec.contentHash })),
    );
  }
  if (chunk.rejected.length > 0) {
    await copyQuarantine(
      tx,
      copyText(chunk.rejected, (r) => `${b.batchId},${r.rowNo},${csvField(r.rawJson)},${csvField(JSON.stringify(r.reasons))},${csvField(r.piiCipher)}\n`),
    );
  }
  if (chunk.issues.length > 0) {
    await copyBatchIssues(
      tx,
      copyText(chunk.issues, (i) => `${b.batchId},${i.row},${csvField(i.field)},${i.severity},${csvField(i.rule)},${csvField(i.message)}\n`),
    );
  }
}
