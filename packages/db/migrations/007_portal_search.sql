-- 007 portal search (issue #4): name search by 2-character pieces (bigrams), which serve the
-- 2-character queries a trigram index cannot (DESIGN.md; docs/decisions/0013-bigram-name-search.md),
-- pg_trgm for longer fragments, a prefix/exact index for ordering, and an index for browsing
-- current records (双公示) by catalogue, department and decision date. Valid on PostgreSQL 15 and PGlite.

-- A name as searched: trimmed, full-width ASCII (and the ideographic space) to half-width, lower case.
-- The server normalises the query the same way (services/search.service.ts normalizeQuery).
create function pubcredit_name_norm(name text) returns text
  language sql immutable strict parallel safe
  return lower(btrim(translate(name,
    '　！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～',
    ' !"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~')));

-- The normalised name, computed once at write: evaluating translate() per row at query time costs
-- ~15 µs a name, too much for a fragment matching ten thousand names.
alter table subjects add column name_norm text generated always as (pubcredit_name_norm(name)) stored;

-- The distinct 2-character pieces of an (already normalised) text: 鹰城建材 → {鹰城,城建,建材}.
create function pubcredit_bigrams(t text) returns text[]
  language sql immutable strict parallel safe
  return array(select distinct substr(t, i, 2) from generate_series(1, length(t) - 1) as i);

-- Natural persons are never searched by name (only legal persons and 个体工商户): partial indexes.
-- 2-character fragments: GIN over the name's bigrams (a trigram index cannot serve them).
create index subjects_name_bigrams_idx on subjects using gin (pubcredit_bigrams(name_norm))
  where kind <> 'natural_person';
-- Longer fragments: pg_trgm through LIKE '%…%' (Chinese is indexed in a UTF-8 ctype database).
create index subjects_name_trgm_idx on subjects using gin (name_norm public.gin_trgm_ops)
  where kind <> 'natural_person';
-- Exact names and prefixes, ranked first in results, found by a range scan ("C" order makes
-- LIKE 'q%' a range whatever the database collation).
create index subjects_name_norm_idx on subjects ((name_norm collate "C"))
  where kind <> 'natural_person';

-- 双公示 browse: records that may be public (publicRecordCondition implies the predicate; records
-- whose publicity ended, e.g. expired by the job, drop out of these indexes), newest decision first:
-- by catalogue and department …
create index records_browse_idx on records (catalog, source_dept, decision_date desc, record_key)
  where superseded_at is null and not never_public and publicity_end_reason is null;
-- … across all catalogues (the default view; a catalogue alone walks this one too: ten catalogues,
-- each a large share of the records) …
create index records_browse_date_idx on records (decision_date desc, record_key)
  where superseded_at is null and not never_public and publicity_end_reason is null;
-- … and by department alone.
create index records_browse_dept_idx on records (source_dept, decision_date desc, record_key)
  where superseded_at is null and not never_public and publicity_end_reason is null;
