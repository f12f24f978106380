import type { Sql } from './database';
import type { Page } from './paging';
import { publicStateOf } from './public-records.repository';
import type { PublicState } from './public-records.repository';
import {
  RECORD_VERSION_COLUMNS,
  toRecordVersion,
  type RecordVersion,
  type RecordVersionRow,
} from './record-version.table';
import {
  SUBJECT_COLUMNS,
  toSubject,
  toSubjectName,
  type Subject,
  type SubjectName,
  type SubjectNameRow,
  type SubjectRow,
} from './subject.table';

async function findOne(sql: Sql, where: string, value: string): Promise<Subject | undefined> {
  // subject_id is derived from the identity key, so at most one row matches; the order only makes
  // a corrupt duplicate deterministic.
  const { rows } = await sql.query<SubjectRow>(
    `select ${SUBJECT_COLUMNS} from subjects where ${where} = $1 order by created_at, subject_id limit 1`,
    [value],
  );
  return rows[0] && toSubject(rows[0]);
}

export function findSubjectByUscc(sql: Sql, uscc: string): Promise<Subject | undefined> {
  return findOne(sql, 'uscc', uscc);
}

/** Look-up by the keyed hash of an ID number; the caller hashes, the number itself never reaches SQL. */
export function findSubjectByIdHash(sql: Sql, idHash: string): Promise<Subject | undefined> {
  return findOne(sql, 'id_hash', idHash);
}

export function getSubject(sql: Sql, subjectId: string): Promise<Subject | undefined> {
  return findOne(sql, 'subject_id', subjectId);
}

/** 曾用名 history, oldest first. */
export async function listSubjectNames(sql: Sql, subjectId: string): Promise<SubjectName[]> {
  const { rows } = await sql.query<SubjectNameRow>(
    `select subject_id, name, source_dept, first_seen_at, last_seen_at
       from subject_names where subject_id = $1
      order by first_seen_at, name, source_dept`,
    [subjectId],
  );
  return rows.map(toSubjectName);
}

export interface CurrentRecordsQuery extends Page {
  catalog?: string;
}

/** Current versions of a subject's records, newest decision first (served by records_subject_current_idx). */
export async function listCurrentRecords(
  sql: Sql,
  subjectId: string,
  query: CurrentRecordsQuery,
): Promise<RecordVersion[]> {
  const { rows } = await sql.query<RecordVersionRow>(
    `select ${RECORD_VERSION_COLUMNS} from records
      where subject_id = $1 and superseded_at is null and ($2::text is null or catalog = $2)
      order by decision_date desc, record_key
      limit $3 offset $4`,
    [subjectId, query.catalog ?? null, query.limit, query.offset],
  );
  return rows.map(toRecordVersion);
}

/**
 * Every version of one record, oldest first, each with where it stands with the public on `today`
 * (Beijing 'YYYY-MM-DD'; `superseded` for older versions). The subject comes from record_keys so the
 * query uses the records primary key (and routes to one shard on Citus) instead of scanning by record_key.
 */
export async function listRecordVersions(sql: Sql, recordKey: string, today: string): Promise<VersionWithState[]> {
  const { rows } = await sql.query<RecordVersionRow & { public_state: VersionWithState['publicState'] }>(
    `select ${RECORD_VERSION_COLUMNS}, ${publicStateOf('r', '$2')} as public_state from records r
      where record_key = $1
        and subject_id = (select subject_id from record_keys where record_key = $1)
      order by version`,
    [recordKey, today],
  );
  return rows.map((row) => ({ ...toRecordVersion(row), publicState: row.public_state }));
}

export type VersionWithState = RecordVersion & { publicState: PublicState | 'superseded' };
