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
  /** How many matches are collected and ordered at most (default {@link SEARCH_CAP}). */
  cap?: number;
}

/**
 * Matches collected and ordered at most. 200 (10 pages of 20) keeps the index bitmap and the heap
 * pages read per search small: bench:portal measured a 2-character fragment in 1–5 % of 1M names
 * at 11 ms with a cap of 1000 and 7 ms with 200. Beyond it the portal asks for a longer fragment.
 */
export const SEARCH_CAP = 200;

/** Escapes LIKE's wildcards (escape character `\`). */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A bigram in at least this share of searchable names is "frequent" (see {@link isFrequent}). */
const FREQUENT_SHARE = 0.05;
const STATS_TTL_MS = 10 * 60_000;
const statsCache = new WeakMap<Sql, { at: number; shares: Map<string, number> }>();

/**
 * The share of searchable names each common bigram occurs in, from the planner statistics of the
 * bigram index (ANALYZE, `most_common_elems`); cached for ten minutes per database. Empty before
 * the first ANALYZE (then every search uses the index).
 */
async function bigramShares(sql: Sql): Promise<Map<string, number>> {
  const cached = statsCache.get(sql);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.shares;
  const { rows } = await sql.query<{ elems: string[] | null; freqs: number[] | null }>(
    `select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs
       from pg_stats where schemaname = current_schema() and tablename = 'subjects_name_bigrams_idx'`,
  );
  const shares = new Map<string, number>();
  const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
  elems?.forEach((e, i) => shares.set(e, freqs?.[i] ?? 0));
  statsCache.set(sql, { at: Date.now(), shares });
  return shares;
}

/** Every bigram of the fragment is frequent: a table scan finds cap + 1 matches quickly. */
async function isFrequent(sql: Sql, q: string): Promise<boolean> {
  const shares = await bigramShares(sql);
  if (shares.size === 0) return false;
  const chars = [...q];
  for (let i = 0; i + 1 < chars.length; i++) {
    if ((shares.get(`${chars[i]}${chars[i + 1]}`) ?? 0) < FREQUENT_SHARE) return false;
  }
  return true;
}

/**
 * A scan for a frequent fragment reads at most this many names: at a share of 5 % that is ~2,500
 * matches, more than the cap. A fragment made of frequent bigrams but itself rare finds fewer, and
 * the search falls back to the index.
 */
const SCAN_ROWS = 50_000;

/** Names starting with the fragment collected besides the matches, to rank first. */
const PREFIX_CANDIDATES = 100;

/**
 * pg_trgm splits words at punctuation, so `房（平` becomes one-character words that match a third of
 * all names (200–700 ms on 1M names); the bigram index keeps the bracket and answers in ~3 ms.
 * Letters-only fragments of 3+ characters stay with trigrams, which bench:portal found faster.
 */
const NON_WORD = /[^\p{L}\p{N}]/u;

const HIT_COLUMNS = 's.subject_id, s.kind, s.uscc, s.name, s.name_norm';

/**
 * The matches, at most cap + 1 of them (`hits`), plus some names starting with the fragment
 * (`firsts`) and the exact names (`exact`), so those rank first even when the fragment is very
 * common. A 2-character fragment is one bigram (GIN on `pubcredit_bigrams(name_norm)`); a longer
 * one is served by the trigram GIN through LIKE. The columns ride along (no second look-up).
 * When every bigram of the fragment is in a large share of names, reading the table until cap + 1
 * matches are found (`scan`, at most SCAN_ROWS names) is cheaper than building the index bitmap
 * of every match.
 * Parameters: $1 fragment, $2 prefix pattern, $3 cap, $4 contains pattern (longer fragments, no scan).
 */
function candidatesSql(q: string, scan: boolean): string {
  const contains = scan
    ? `strpos(s.name_norm, $1::text) > 0`
    : [...q].length === 2 || NON_WORD.test(q)
      ? `pubcredit_bigrams(s.name_norm) @> pubcredit_bigrams($1::text) and strpos(s.name_norm, $1::text) > 0`
      : `s.name_norm like $4::text escape '\\'`;
  const from = scan
    ? `(select ${HIT_COLUMNS} from subjects s where s.kind <> 'natural_person' limit ${SCAN_ROWS}) as s`
    : 'subjects s';
  return `hits as (
       select ${HIT_COLUMNS} from ${from}
        where s.kind <> 'natural_person' and ${contains}
        limit $3::int + 1
     ), firsts as (
       select ${HIT_COLUMNS} from subjects s
        where s.kind <> 'natural_person' and (s.name_norm collate "C") like $2::text escape '\\'
        limit ${PREFIX_CANDIDATES}
     ), exact as (
       select ${HIT_COLUMNS} from subjects s
        where s.kind <> 'natural_person' and (s.name_norm collate "C") = $1::text
        limit 100
     ), candidates as (select * from hits union select * from firsts union select * from exact)`;
}

const COUNTS = `(select count(*) from hits)::text || '/' || (select count(*) from candidates)::text`;

/**
 * Subjects (legal persons, 个体工商户) whose normalised name contains `q`: exact names first, then
 * names starting with `q`, then shorter names. At most `cap` matches are collected and ordered
 * (the rest are reported as `totalCapped`), so a very common fragment never sorts a million rows.
 */
export async function searchSubjectsByName(sql: Sql, query: SubjectSearchQuery): Promise<SubjectSearchResult> {
  const cap = query.cap ?? SEARCH_CAP;
  if (await isFrequent(sql, query.q)) {
    const scanned = await attempt(sql, query, cap, true);
    // More than cap matches among the first names read: the answer. Otherwise the scan may have
    // stopped short of some matches; the index finds them all.
    if (scanned.hits > cap) return result(scanned, cap);
  }
  return result(await attempt(sql, query, cap, false), cap);
}

interface Attempt {
  items: SubjectSearchHit[];
  hits: number;
  candidates: number;
}

function result(a: Attempt, cap: number): SubjectSearchResult {
  return { items: a.items, total: Math.min(a.candidates, cap), totalCapped: a.hits > cap || a.candidates > cap };
}

async function attempt(sql: Sql, query: SubjectSearchQuery, cap: number, scan: boolean): Promise<Attempt> {
  const { q } = query;
  const base: unknown[] = [q, `${likeEscape(q)}%`, cap];
  if ([...q].length !== 2 && !NON_WORD.test(q) && !scan) base.push(`%${likeEscape(q)}%`);
  const n = base.length;
  const { rows } = await sql.query<SubjectSearchRow & { matched: string }>(
    `with ${candidatesSql(q, scan)}
     select c.subject_id, c.kind, c.uscc, c.name, ${COUNTS} as matched
       from candidates c
      order by (c.name_norm = $1::text) desc, starts_with(c.name_norm, $1::text) desc,
               length(c.name), c.name, c.subject_id
      limit $${n + 1} offset $${n + 2}`,
    [...base, query.limit, query.offset],
  );
  let matched = rows[0]?.matched;
  if (matched === undefined && query.offset > 0) {
    // A page past the end has no row to carry the counts: ask for them alone.
    const counted = await sql.query<{ matched: string }>(`with ${candidatesSql(q, scan)} select ${COUNTS} as matched`, base);
    matched = counted.rows[0]?.matched;
  }
  const [hits = 0, candidates = 0] = (matched ?? '0/0').split('/').map(Number);
  return {
    items: rows.map((r) => ({ subjectId: r.subject_id, kind: r.kind, uscc: r.uscc, name: r.name })),
    hits,
    candidates,
  };
}

interface SubjectSearchRow {
  subject_id: string;
  kind: SubjectKindValue;
  uscc: string | null;
  name: string;
}
