// Bulk writes of the importer: one chunk of a batch at a time, inside the batch's transaction.
// Arrays travel as unnest() parameters and rows as COPY CSV, so a chunk costs a handful of round
// trips whatever its size; the statements are the same on PostgreSQL and PGlite.
import type { CopyInput, Sql, Tx } from './database';
import type { SubjectKindValue } from './subject.table';

/** The current version of a natural key, as record_keys holds it. */
export interface RecordKeyState {
  recordKey: string;
  subjectId: string;
  version: number;
  contentHash: string;
}

/**
 * Serialises the import of one department's files: two batches of one source never interleave.
 * Advisory locks are per database, so the key names the schema too (tests and benchmarks run
 * deployments side by side in schemas of one database).
 */
export async function lockSourceForImport(tx: Tx, source: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('pubcredit:import:' || current_schema() || ':' || $1, 0))`, [source]);
  // Statistics never see a batch's own uncommitted rows, so the planner keeps costing the tables as
  // they were (often empty) and turns key look-ups into sequential scans that grow with every chunk:
  // quadratic over a large file. Every statement of an import is a key look-up, so use indexes.
  await tx.query(`set local enable_seqscan = off`);
}

export async function findRecordKeys(sql: Sql, keys: readonly string[]): Promise<Map<string, RecordKeyState>> {
  const found = new Map<string, RecordKeyState>();
  if (keys.length === 0) return found;
  const { rows } = await sql.query<{ record_key: string; subject_id: string; version: number; content_hash: string }>(
    `select record_key, subject_id, version, content_hash from record_keys where record_key = any($1::text[])`,
    [keys],
  );
  for (const r of rows) {
    found.set(r.record_key, { recordKey: r.record_key, subjectId: r.subject_id, version: r.version, contentHash: r.content_hash });
  }
  return found;
}

/** One subject as an import row resolves it; personal identifiers arrive encrypted, hashed and masked. */
export interface SubjectUpsert {
  subjectId: string;
  kind: SubjectKindValue;
  uscc: string | null;
  idType: string | null;
  idHash: string | null;
  idCipher: string | null;
  idMasked: string | null;
  name: string;
}

/**
 * Inserts new subjects and renames known ones to the latest reported name (one row per subject).
 * The encrypted ID is written once: re-encrypting it would change the row for nothing.
 * Returns the known subjects whose 重码 flag may have changed: renamed ones, and ones already
 * flagged (their sources may now agree). A new subject has one name and cannot be in conflict.
 */
export async function upsertSubjects(tx: Tx, subjects: readonly SubjectUpsert[], at: Date): Promise<string[]> {
  if (subjects.length === 0) return [];
  const col = <K extends keyof SubjectUpsert>(k: K): SubjectUpsert[K][] => subjects.map((s) => s[k]);
  const { rows } = await tx.query<{ subject_id: string; updated: boolean }>(
    `insert into subjects (subject_id, kind, uscc, id_type, id_hash, id_cipher, id_masked, name, created_at, updated_at)
     select u.subject_id, u.kind, u.uscc, u.id_type, u.id_hash, u.id_cipher, u.id_masked, u.name, $9, $9
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         as u(subject_id, kind, uscc, id_type, id_hash, id_cipher, id_masked, name)
     on conflict (subject_id) do update
       set name = excluded.name, kind = excluded.kind, updated_at = excluded.updated_at
       where subjects.name <> excluded.name or subjects.kind <> excluded.kind or subjects.name_conflict
     returning subject_id, xmax::text <> '0' as updated`,
    [col('subjectId'), col('kind'), col('uscc'), col('idType'), col('idHash'), col('idCipher'), col('idMasked'), col('name'), at],
  );
  return rows.filter((r) => r.updated).map((r) => r.subject_id);
}

export interface SubjectNameSeen {
  subjectId: string;
  name: string;
  sourceDept: string;
}

/** Records each (subject, name, source) sighting for the name history (曾用名); one row per triple. */
export async function recordSubjectNames(tx: Tx, names: readonly SubjectNameSeen[], at: Date): Promise<void> {
  if (names.length === 0) return;
  await tx.query(
    `insert into subject_names (subject_id, name, source_dept, first_seen_at, last_seen_at)
     select u.subject_id, u.name, u.source_dept, $4, $4
       from unnest($1::uuid[], $2::text[], $3::text[]) as u(subject_id, name, source_dept)
     on conflict (subject_id, name, source_dept) do update
       set last_seen_at = excluded.last_seen_at
       where subject_names.last_seen_at < excluded.last_seen_at`,
    [names.map((n) => n.subjectId), names.map((n) => n.name), names.map((n) => n.sourceDept), at],
  );
}

/**
 * Sets 重码 on the given subjects: the latest names their sources report differ. A later name
 * from the same source is a rename (曾用名), not a conflict.
 */
export async function refreshNameConflicts(tx: Tx, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  await tx.query(
    `with latest as (
       select distinct on (subject_id, source_dept) subject_id, name
         from subject_names
        where subject_id = any($1::uuid[])
        order by subject_id, source_dept, last_seen_at desc, first_seen_at desc
     ), verdict as (
       select subject_id, count(distinct name) > 1 as conflict from latest group by subject_id
     )
     update subjects s set name_conflict = v.conflict
       from verdict v
      where s.subject_id = v.subject_id and s.name_conflict <> v.conflict`,
    [subjectIds],
  );
}

/** Columns of a records row as the importer COPYs it (superseded_at stays null). */
export const RECORD_COPY_COLUMNS = [
  'subject_id',
  'record_key',
  'version',
  'catalog',
  'edition',
  'source_dept',
  'doc_no',
  'decision_date',
  'received_at',
  'report_working_days',
  'content_hash',
  'data',
  'pii_cipher',
  'batch_id',
  'row_no',
  // publicity (migration 006), computed by the domain's publicity engine at import
  'negative',
  'regime',
  'tier',
  'min_until',
  'max_until',
  'simple_procedure',
  'never_public',
  'publicity_ended_at',
  'publicity_end_reason',
] as const;

/** Appends record versions; `csv` has {@link RECORD_COPY_COLUMNS} in order. */
export function copyRecordVersions(tx: Tx, csv: CopyInput): Promise<void> {
  return tx.copyFrom('records', RECORD_COPY_COLUMNS, csv);
}

/** How the publicity of a replaced version ended (repaired, withdrawn, expired), to carry over to its successor. */
export interface PublicityEnd {
  endedAt: Date;
  reason: 'expired' | 'repaired' | 'withdrawn';
}

/**
 * Marks the versions a chunk replaced as superseded. Returns, by record key, the publicity ends
 * to carry over: a new version of a repaired or withdrawn record stays so. An expiry is not
 * carried: it only said the old version's maxUntil had passed, and the new version's own period
 * decides (a removal from a list reported by mistake and taken back makes the listing public again).
 */
export async function supersedeVersions(tx: Tx, old: readonly RecordKeyState[], at: Date): Promise<Map<string, PublicityEnd>> {
  const ends = new Map<string, PublicityEnd>();
  if (old.length === 0) return ends;
  const { rows } = await tx.query<{ record_key: string; publicity_ended_at: Date | null; publicity_end_reason: PublicityEnd['reason'] | null }>(
    `with replaced as (
       update records r set superseded_at = $4
         from unnest($1::uuid[], $2::text[], $3::int[]) as u(subject_id, record_key, version)
        where r.subject_id = u.subject_id and r.record_key = u.record_key and r.version = u.version
          and r.superseded_at is null
       returning r.record_key, r.publicity_ended_at, r.publicity_end_reason)
     select record_key, publicity_ended_at, publicity_end_reason from replaced where publicity_end_reason in ('repaired', 'withdrawn')`,
    [old.map((o) => o.subjectId), old.map((o) => o.recordKey), old.map((o) => o.version), at],
  );
  for (const r of rows) {
    if (r.publicity_end_reason && r.publicity_ended_at) ends.set(r.record_key, { endedAt: r.publicity_ended_at, reason: r.publicity_end_reason });
  }
  return ends;
}

/** Points new natural keys at version 1 (COPY: keys of a chunk are new and distinct). */
export function copyNewRecordKeys(tx: Tx, csv: CopyInput): Promise<void> {
  return tx.copyFrom('record_keys', ['record_key', 'subject_id', 'version', 'content_hash'], csv);
}

/** Points existing natural keys at their new version. */
export async function advanceRecordKeys(tx: Tx, next: readonly RecordKeyState[]): Promise<void> {
  if (next.length === 0) return;
  await tx.query(
    `update record_keys k set subject_id = u.subject_id, version = u.version, content_hash = u.content_hash
       from unnest($1::text[], $2::uuid[], $3::int[], $4::text[]) as u(record_key, subject_id, version, content_hash)
      where k.record_key = u.record_key`,
    [next.map((n) => n.recordKey), next.map((n) => n.subjectId), next.map((n) => n.version), next.map((n) => n.contentHash)],
  );
}

/** Quarantined rows: `csv` has batch_id, row_no, raw (json), reasons (json), pii_cipher (or empty). */
export function copyQuarantine(tx: Tx, csv: CopyInput): Promise<void> {
  return tx.copyFrom('quarantine', ['batch_id', 'row_no', 'raw', 'reasons', 'pii_cipher'], csv);
}

/** Issues of a batch: `csv` has batch_id, row_no, field, severity, rule, message. */
export function copyBatchIssues(tx: Tx, csv: CopyInput): Promise<void> {
  return tx.copyFrom('batch_issues', ['batch_id', 'row_no', 'field', 'severity', 'rule', 'message'], csv);
}

export interface NewBatch {
  batchId: string;
  catalog: string;
  edition: string;
  sourceDept: string;
  fileName: string;
  format: string;
  encoding: string | null;
  fileSha256: string;
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: number;
  receivedAt: Date;
  finishedAt: Date;
}

/** The batch row, written last in the batch's transaction: a batch is visible only when complete. */
export async function insertBatch(tx: Tx, b: NewBatch): Promise<void> {
  await tx.query(
    `insert into batches (batch_id, catalog, edition, source_dept, file_name, format, encoding, file_sha256,
       total, accepted, rejected, created, updated, unchanged, warnings, received_at, finished_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      b.batchId, b.catalog, b.edition, b.sourceDept, b.fileName, b.format, b.encoding, b.fileSha256,
      b.total, b.accepted, b.rejected, b.created, b.updated, b.unchanged, b.warnings, b.receivedAt, b.finishedAt,
    ],
  );
}
