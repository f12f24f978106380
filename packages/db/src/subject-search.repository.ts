import type { Sql } from './database';
import type { Page } from './paging';
import type { SubjectKindValue } from './subject.table';

// Name search for the public portal (migration 007, docs/decisions/0013-bigram-name-search.md).
// Natural persons are never found by name: every query carries `kind <> 'natural_person'`, the
// predicate of the partial indexes it uses.

export interface SubjectSearchHit {
  subjectId: string;
  kind: SubjectKindValue;
  uscc: string | null;
  name: string;
}

export interface SubjectSearchResult {
  items: SubjectSearchHit[];
  /** Matches counted, at most `cap`. */
  total: number;
  /** More than `cap` names match: `total` is a floor. */
  totalCapped: boolean;
}

export interface SubjectSearchQuery extends Page {
  /** The fragment, already normalised as `pubcredit_name_norm` does (≥ 2 characters). */
  q: string;
  /** How many matches are collected and ordered at most (default 1000). */
  cap?: number;
}

export const SEARCH_CAP = 1000;

/** Escapes LIKE's wildcards (escape character `\`). */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The matches, at most cap + 1 of them (`hits`), plus up to cap names starting with the fragment in
 * index order (`firsts`, so prefix matches are ranked even when the fragment is very common).
 * A 2-character fragment is one bigram (GIN on `pubcredit_name_bigrams`); a longer one is served
 * by the trigram GIN through LIKE. Parameters: $1 fragment, $2 prefix pattern, $3 cap, $4 contains pattern.
 */
function candidatesSql(q: string): string {
  const contains =
    [...q].length === 2
      ? `pubcredit_name_bigrams(s.name) @> pubcredit_name_bigrams($1::text)`
      : `pubcredit_name_norm(s.name) like $4::text escape '\\'`;
  return `hits as (
       select s.subject_id from subjects s
        where s.kind <> 'natural_person' and ${contains}
          and strpos(pubcredit_name_norm(s.name), $1::text) > 0
        limit $3::int + 1
     ), firsts as (
       select s.subject_id from subjects s
        where s.kind <> 'natural_person' and pubcredit_name_norm(s.name) like $2::text escape '\\'
        order by pubcredit_name_norm(s.name)
        limit $3::int
     ), candidates as (select subject_id from hits union select subject_id from firsts)`;
}

const COUNTS = `(select count(*) from hits)::text || '/' || (select count(*) from candidates)::text`;

/**
 * Subjects (legal persons, 个体工商户) whose normalised name contains `q`: exact names first, then
 * names starting with `q`, then shorter names. At most `cap` matches are collected and ordered
 * (the rest are reported as `totalCapped`), so a very common fragment never sorts a million rows.
 */
export async function searchSubjectsByName(sql: Sql, query: SubjectSearchQuery): Promise<SubjectSearchResult> {
  const cap = query.cap ?? SEARCH_CAP;
  const { q } = query;
  const base: unknown[] = [q, `${likeEscape(q)}%`, cap];
  if ([...q].length !== 2) base.push(`%${likeEscape(q)}%`);
  const n = base.length;
  const { rows } = await sql.query<SubjectSearchRow & { matched: string }>(
    `with ${candidatesSql(q)}
     select s.subject_id, s.kind, s.uscc, s.name, ${COUNTS} as matched
       from candidates c join subjects s on s.subject_id = c.subject_id
      order by (pubcredit_name_norm(s.name) = $1::text) desc,
               (pubcredit_name_norm(s.name) like $2::text escape '\\') desc,
               length(s.name), s.name, s.subject_id
      limit $${n + 1} offset $${n + 2}`,
    [...base, query.limit, query.offset],
  );
  let matched = rows[0]?.matched;
  if (matched === undefined && query.offset > 0) {
    // A page past the end has no row to carry the counts: ask for them alone.
    const counted = await sql.query<{ matched: string }>(`with ${candidatesSql(q)} select ${COUNTS} as matched`, base);
    matched = counted.rows[0]?.matched;
  }
  const [hits = 0, candidates = 0] = (matched ?? '0/0').split('/').map(Number);
  return {
    items: rows.map((r) => ({ subjectId: r.subject_id, kind: r.kind, uscc: r.uscc, name: r.name })),
    total: Math.min(candidates, cap),
    totalCapped: hits > cap || candidates > cap,
  };
}

interface SubjectSearchRow {
  subject_id: string;
  kind: SubjectKindValue;
  uscc: string | null;
  name: string;
}
