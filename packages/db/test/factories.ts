import { randomUUID } from 'node:crypto';
import type { Sql } from '../src/index';

// Test data builders: each inserts one row with defaults a test can override.

let seq = 0;
const next = (): number => ++seq;

export async function insertDepartment(sql: Sql, over: { uscc?: string; name?: string } = {}): Promise<string> {
  const uscc = over.uscc ?? `11410400MB${String(next()).padStart(7, '0')}X`;
  await sql.query('insert into departments (uscc, name) values ($1, $2)', [uscc, over.name ?? `平顶山市测试局${seq}`]);
  return uscc;
}

export async function insertSubject(
  sql: Sql,
  over: { uscc?: string | null; idHash?: string | null; name?: string; kind?: string } = {},
): Promise<string> {
  const subjectId = randomUUID();
  await sql.query(
    `insert into subjects (subject_id, kind, uscc, id_hash, id_masked, name) values ($1, $2, $3, $4, $5, $6)`,
    [
      subjectId,
      over.kind ?? 'legal_person',
      over.uscc === undefined ? `91410400MA${String(next()).padStart(7, '0')}Y` : over.uscc,
      over.idHash ?? null,
      over.idHash ? '4104**********1234' : null,
      over.name ?? `平顶山市鹰城商贸有限公司${next()}`,
    ],
  );
  return subjectId;
}

export interface BatchOverrides {
  sourceDept: string;
  receivedAt?: Date;
  catalog?: string;
}

export async function insertBatch(sql: Sql, over: BatchOverrides): Promise<string> {
  const batchId = randomUUID();
  const at = over.receivedAt ?? new Date();
  await sql.query(
    `insert into batches (batch_id, catalog, edition, source_dept, file_name, format, encoding, file_sha256,
       total, accepted, rejected, created, updated, unchanged, warnings, received_at, finished_at)
     values ($1, $2, '2021', $3, '处罚.csv', 'csv', 'gb18030', repeat('a', 64), 3, 2, 1, 2, 0, 0, 1, $4, $4)`,
    [batchId, over.catalog ?? 'administrative_penalty', over.sourceDept, at],
  );
  return batchId;
}

export interface RecordOverrides {
  subjectId: string;
  batchId: string;
  sourceDept: string;
  recordKey?: string;
  version?: number;
  decisionDate?: string;
  catalog?: string;
  superseded?: boolean;
}

export async function insertRecord(sql: Sql, over: RecordOverrides): Promise<string> {
  const recordKey = over.recordKey ?? `${'k'.repeat(56)}${String(next()).padStart(8, '0')}`;
  const version = over.version ?? 1;
  await sql.query(
    `insert into records (subject_id, record_key, version, catalog, edition, source_dept, doc_no, decision_date,
       received_at, content_hash, data, batch_id, row_no, superseded_at)
     values ($1, $2, $3, $4, '2021', $5, $6, $7, now(), 'h', $8, $9, $10, $11)`,
    [
      over.subjectId,
      recordKey,
      version,
      over.catalog ?? 'administrative_penalty',
      over.sourceDept,
      `平市监罚〔2024〕${seq}号`,
      over.decisionDate ?? '2024-03-15',
      JSON.stringify({ CF_WSH: `平市监罚〔2024〕${seq}号` }),
      over.batchId,
      next(),
      over.superseded ? new Date() : null,
    ],
  );
  if (!over.superseded) {
    await sql.query(
      `insert into record_keys (record_key, subject_id, version, content_hash) values ($1, $2, $3, 'h')
       on conflict (record_key) do update set version = excluded.version`,
      [recordKey, over.subjectId, version],
    );
  }
  return recordKey;
}
