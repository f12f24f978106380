import type { Sql } from './database';
import type { Page } from './paging';
import { RECORD_VERSION_COLUMNS, toRecordVersion } from './record-version.table';
import type { RecordVersion, RecordVersionRow } from './record-version.table';

/**
 * THE one place that decides whether a record is public (DESIGN invariant 2). Every public page,
 * API response, export and credit report reads records through this condition:
 * - only the current version;
 * - never a record the law keeps private (`never_public`: 简易程序 on a natural person);
 * - not once publicity has ended (repaired, withdrawn, or marked expired by the job);
 * - not after the last day of its maximum period, even before the expiry job has run. A list
 *   record's 移出日期 is already in that day (the importer ends its period the day before the
 *   removal, domain `listBoundedUntil`), so no catalogue needs a condition of its own here.
 *
 * @param alias the `records` alias in the query
 * @param todayParam the bind parameter holding today's Beijing date, e.g. `$2`
 */
export function publicRecordCondition(alias: string, todayParam: string): string {
  const r = alias;
  return `(${r}.superseded_at is null and not ${r}.never_public and ${r}.publicity_end_reason is null
    and (${r}.max_until is null or ${r}.max_until >= ${todayParam}::date))`;
}

/** Where a current record stands with the public, as {@link publicStateOf} says. */
export type PublicState = 'public' | 'never_public' | 'expired' | 'repaired' | 'withdrawn';
export const PUBLIC_STATES: readonly PublicState[] = ['public', 'never_public', 'expired', 'repaired', 'withdrawn'];

/**
 * The same decision as {@link publicRecordCondition}, told as a state for staff: `public` exactly
 * when the condition holds (for a current version); otherwise why not, in the order the law
 * applies (never public, then how its publicity ended, then past its maximum period though the
 * expiry job has not yet marked it). A superseded version is `superseded`.
 */
export function publicStateOf(alias: string, todayParam: string): string {
  const r = alias;
  return `(case when ${r}.superseded_at is not null then 'superseded'
    when ${r}.never_public then 'never_public'
    when ${r}.publicity_end_reason is not null then ${r}.publicity_end_reason
    when ${r}.max_until is not null and ${r}.max_until < ${todayParam}::date then 'expired'
    else 'public' end)`;
}

export interface PublicRecordsQuery extends Page {
  /** Beijing date 'YYYY-MM-DD' the public view is computed for. */
  today: string;
  catalogs?: readonly string[];
  /** Decision dates from/to, inclusive, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
}

/** A subject's public records, newest decision first. */
export async function listPublicRecords(sql: Sql, subjectId: string, q: PublicRecordsQuery): Promise<RecordVersion[]> {
  const { rows } = await sql.query<RecordVersionRow>(
    `select ${RECORD_VERSION_COLUMNS} from records r
      where r.subject_id = $1 and ${publicRecordCondition('r', '$2')}
        and ($3::text[] is null or r.catalog = any($3::text[]))
        and ($4::date is null or r.decision_date >= $4::date)
        and ($5::date is null or r.decision_date <= $5::date)
      order by r.decision_date desc, r.record_key
      limit $6 offset $7`,
    [subjectId, q.today, q.catalogs ?? null, q.from ?? null, q.to ?? null, q.limit, q.offset],
  );
  return rows.map(toRecordVersion);
}

/** How many public records a subject has per catalogue. */
export async function countPublicRecordsByCatalog(sql: Sql, subjectId: string, today: string): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ catalog: string; n: string }>(
    `select r.catalog, count(*) as n from records r
      where r.subject_id = $1 and ${publicRecordCondition('r', '$2')}
      group by r.catalog`,
    [subjectId, today],
  );
  return Object.fromEntries(rows.map((row) => [row.catalog, Number(row.n)]));
}

/** Why a record stopped being public, and when (the current version's). */
export interface RecordPublicityEnd {
  recordKey: string;
  subjectId: string;
  publicityEndReason: 'expired' | 'repaired' | 'withdrawn';
  publicityEndedAt: Date;
}

/**
 * Ends the publicity of a record's current version (信用修复 'repaired', 撤销 'withdrawn'); the
 * record stays stored and visible to staff. Undefined when there is no such record; a record whose
 * publicity has already ended keeps its first reason (returned as it is).
 */
export async function endPublicity(
  sql: Sql,
  recordKey: string,
  reason: 'repaired' | 'withdrawn',
  at: Date,
): Promise<(RecordPublicityEnd & { changed: boolean }) | undefined> {
  const { rows } = await sql.query<{ record_key: string; subject_id: string; reason: RecordPublicityEnd['publicityEndReason']; ended_at: Date; changed: boolean }>(
    `with current as (
       select r.subject_id, r.record_key, r.version from records r
        where r.record_key = $1 and r.superseded_at is null
          and r.subject_id = (select subject_id from record_keys where record_key = $1)
     ), ended as (
       update records r set publicity_end_reason = $2, publicity_ended_at = $3
         from current c
        where r.subject_id = c.subject_id and r.record_key = c.record_key and r.version = c.version
          and r.publicity_end_reason is null
        returning r.subject_id, r.record_key, r.publicity_end_reason as reason, r.publicity_ended_at as ended_at, true as changed
     )
     select * from ended
     union all
     select r.subject_id, r.record_key, r.publicity_end_reason, r.publicity_ended_at, false
       from records r join current c on r.subject_id = c.subject_id and r.record_key = c.record_key and r.version = c.version
      where not exists (select 1 from ended) and r.publicity_end_reason is not null`,
    [recordKey, reason, at],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { recordKey: row.record_key, subjectId: row.subject_id, publicityEndReason: row.reason, publicityEndedAt: row.ended_at, changed: row.changed };
}

/** The subject and source department of a record (its latest version), or undefined when there is none. */
export async function findRecordOwner(sql: Sql, recordKey: string): Promise<{ subjectId: string; sourceDept: string } | undefined> {
  const { rows } = await sql.query<{ subject_id: string; source_dept: string }>(
    `select r.subject_id, r.source_dept from records r
      where r.record_key = $1 and r.subject_id = (select subject_id from record_keys where record_key = $1)
      order by r.version desc limit 1`,
    [recordKey],
  );
  return rows[0] && { subjectId: rows[0].subject_id, sourceDept: rows[0].source_dept };
}

/**
 * Marks current records past the last day of their maximum period as `expired` (the scheduled
 * job; publicRecordCondition already hides them from the day after maxUntil). Returns how many.
 */
export async function expirePublicity(sql: Sql, today: string, at: Date): Promise<number> {
  const { rowCount } = await sql.query(
    `update records set publicity_end_reason = 'expired', publicity_ended_at = $2
      where superseded_at is null and publicity_end_reason is null and max_until is not null
        and max_until < $1::date`,
    [today, at],
  );
  return rowCount;
}
