import type { Sql } from './database';
import type { Page } from './paging';
import { publicRecordCondition } from './public-records.repository';
import { RECORD_VERSION_COLUMNS, toRecordVersion } from './record-version.table';
import type { RecordVersion, RecordVersionRow } from './record-version.table';

// 双公示 browse: every subject's public records, newest decision first, filtered by catalogue,
// department and decision dates. Public by publicRecordCondition only (invariant 2).

export interface DisclosureFilter {
  /** Beijing date 'YYYY-MM-DD' the public view is computed for. */
  today: string;
  /** Catalogue codes; all when absent or empty. */
  catalogs?: readonly string[];
  /** Source department USCC. */
  department?: string;
  /** Decision dates, inclusive, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
}

export interface Disclosure extends RecordVersion {
  subjectName: string;
}

/** Where a keyset page starts: after this (decision date, record key), in browse order. */
export interface DisclosureCursor {
  decisionDate: string;
  recordKey: string;
}

const WHERE = `${publicRecordCondition('r', '$1')}
  and ($2::text[] is null or r.catalog = any($2::text[]))
  and ($3::text is null or r.source_dept = $3::text)
  and ($4::date is null or r.decision_date >= $4::date)
  and ($5::date is null or r.decision_date <= $5::date)`;

function filterParams(f: DisclosureFilter): unknown[] {
  return [f.today, f.catalogs && f.catalogs.length > 0 ? f.catalogs : null, f.department ?? null, f.from ?? null, f.to ?? null];
}

const COLUMNS = RECORD_VERSION_COLUMNS.replace(/(^|,\s*)([a-z_]+)/g, '$1r.$2');

function toDisclosure(row: RecordVersionRow & { subject_name: string }): Disclosure {
  return { ...toRecordVersion(row), subjectName: row.subject_name };
}

/** One page of public records, newest decision first (records_browse_date_idx / records_browse_idx). */
export async function listDisclosures(sql: Sql, filter: DisclosureFilter, page: Page): Promise<Disclosure[]> {
  const { rows } = await sql.query<RecordVersionRow & { subject_name: string }>(
    `select ${COLUMNS}, s.name as subject_name
       from records r join subjects s on s.subject_id = r.subject_id
      where ${WHERE}
      order by r.decision_date desc, r.record_key
      limit $6 offset $7`,
    [...filterParams(filter), page.limit, page.offset],
  );
  return rows.map(toDisclosure);
}

/** The next keyset page after `after` (or the first), for exports that read every row. */
export async function listDisclosuresAfter(
  sql: Sql,
  filter: DisclosureFilter,
  after: DisclosureCursor | null,
  limit: number,
): Promise<Disclosure[]> {
  const { rows } = await sql.query<RecordVersionRow & { subject_name: string }>(
    `select ${COLUMNS}, s.name as subject_name
       from records r join subjects s on s.subject_id = r.subject_id
      where ${WHERE}
        and ($6::date is null or (r.decision_date < $6::date or (r.decision_date = $6::date and r.record_key > $7::text)))
      order by r.decision_date desc, r.record_key
      limit $8`,
    [...filterParams(filter), after?.decisionDate ?? null, after?.recordKey ?? '', limit],
  );
  return rows.map(toDisclosure);
}

/** How many public records match, counting at most `cap` (then the browse shows "more than"). */
export async function countDisclosures(sql: Sql, filter: DisclosureFilter, cap: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from records r where ${WHERE} limit $6) as matched`,
    [...filterParams(filter), cap],
  );
  return rows[0]?.n ?? 0;
}
