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
 * - not after the last day of its maximum period, even before the expiry job has run.
 *
 * @param alias the `records` alias in the query
 * @param todayParam the bind parameter holding today's Beijing date, e.g. `$2`
 */
export function publicRecordCondition(alias: string, todayParam: string): string {
  const r = alias;
  return `(${r}.superseded_at is null and not ${r}.never_public and ${r}.publicity_end_reason is null
    and (${r}.max_until is null or ${r}.max_until >= ${todayParam}::date))`;
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
