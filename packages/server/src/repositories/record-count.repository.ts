import type { Sql } from '@pubcredit/db';

// Kept beside the server until the db package offers a count next to listCurrentRecords.

/** Number of current record versions of a subject (optionally of one catalogue). */
export async function countCurrentRecords(sql: Sql, subjectId: string, catalog?: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `select count(*)::int as n from records
      where subject_id = $1 and superseded_at is null and ($2::text is null or catalog = $2)`,
    [subjectId, catalog ?? null],
  );
  return rows[0]?.n ?? 0;
}
