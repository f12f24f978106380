import type { Sql } from './database';
import type { Page } from './paging';
import { PUBLIC_STATES, publicStateOf } from './public-records.repository';
import type { PublicState } from './public-records.repository';
import { RECORD_VERSION_COLUMNS, toRecordVersion } from './record-version.table';
import type { RecordVersion, RecordVersionRow } from './record-version.table';

// A subject's whole archive as staff see it (信用档案核查): every current record, public or not,
// with where it stands (publicStateOf, the public condition told as a state).

export interface ArchiveRecordsQuery extends Page {
  /** Beijing date 'YYYY-MM-DD' the states are computed for. */
  today: string;
  catalog?: string;
  state?: PublicState;
  /** A department's staff see only the records it reported. */
  sourceDept?: string;
}

export type ArchiveRecord = RecordVersion & { publicState: PublicState };

export interface ArchiveRecordsPage {
  records: ArchiveRecord[];
  /** Records matching the whole query (catalogue and state). */
  total: number;
  /** Records per state over every catalogue (of the viewer's department, when given). */
  states: Record<PublicState, number>;
}

const FILTER = `r.subject_id = $1 and r.superseded_at is null and ($3::text is null or r.source_dept = $3)`;

/** One page of a subject's current records, newest decision first, with their states and counts. */
export async function listArchiveRecords(sql: Sql, subjectId: string, q: ArchiveRecordsQuery): Promise<ArchiveRecordsPage> {
  const state = publicStateOf('r', '$2');
  const [list, counts] = await Promise.all([
    sql.query<RecordVersionRow & { public_state: PublicState }>(
      `select ${RECORD_VERSION_COLUMNS}, ${state} as public_state from records r
        where ${FILTER} and ($4::text is null or r.catalog = $4) and ($5::text is null or ${state} = $5)
        order by r.decision_date desc, r.record_key
        limit $6 offset $7`,
      [subjectId, q.today, q.sourceDept ?? null, q.catalog ?? null, q.state ?? null, q.limit, q.offset],
    ),
    sql.query<{ catalog: string; public_state: PublicState; n: string }>(
      `select r.catalog, ${state} as public_state, count(*) as n from records r where ${FILTER} group by 1, 2`,
      [subjectId, q.today, q.sourceDept ?? null],
    ),
  ]);
  const states = Object.fromEntries(PUBLIC_STATES.map((s) => [s, 0])) as Record<PublicState, number>;
  let total = 0;
  for (const row of counts.rows) {
    const n = Number(row.n);
    states[row.public_state] += n;
    if ((!q.catalog || row.catalog === q.catalog) && (!q.state || row.public_state === q.state)) total += n;
  }
  return { records: list.rows.map((row) => ({ ...toRecordVersion(row), publicState: row.public_state })), total, states };
}

/** Whether a department reported any record of the subject (current or not). */
export async function hasRecordsFrom(sql: Sql, subjectId: string, sourceDept: string): Promise<boolean> {
  const { rows } = await sql.query('select 1 from records where subject_id = $1 and source_dept = $2 limit 1', [subjectId, sourceDept]);
  return rows.length > 0;
}
