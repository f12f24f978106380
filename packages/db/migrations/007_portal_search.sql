-- 007 portal search (issue #4): name search by 2-character pieces (bigrams), which serve the
-- 2-character queries a trigram index cannot (DESIGN.md; docs/decisions/0013-bigram-name-search.md),
-- pg_trgm for longer fragments, a prefix/exact index for ordering, and an index for browsing
-- current records (双公示) by catalogue, department and decision date. Valid on PostgreSQL 15 and PGlite.

-- A name as searched: trimmed, full-width ASCII (and the ideographic space) to half-width, lower case.
-- The server normalises the query the same way (services/search.service.ts normalizeQuery) and
-- passes it through this function too, so both sides always agree.
create function pubcredit_name_norm(name text) returns text
  language sql immutable strict parallel safe
  return lower(btrim(translate(name,
    '　！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～',
    ' !"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~')));

-- The distinct 2-character pieces of a normalised name: 鹰城建材 → {鹰城,城建,建材}.
create function pubcredit_name_bigrams(name text) returns text[]
  language sql immutable strict parallel safe
  return array(
    select distinct substr(pubcredit_name_norm(name), i, 2)
      from generate_series(1, length(pubcredit_name_norm(name)) - 1) as i
  );

-- Natural persons are never searched by name (only legal persons and 个体工商户): partial indexes.
create index subjects_name_bigrams_idx on subjects using gin (pubcredit_name_bigrams(name))
  where kind <> 'natural_person';
create index subjects_name_trgm_idx on subjects using gin (pubcredit_name_norm(name) public.gin_trgm_ops)
  where kind <> 'natural_person';
-- Exact-name and prefix matches come first in results: found by a range scan, not by sorting every hit.
create index subjects_name_norm_idx on subjects (pubcredit_name_norm(name) text_pattern_ops)
  where kind <> 'natural_person';

-- 双公示 browse: current records by catalogue and department, newest decision first.
create index records_browse_idx on records (catalog, source_dept, decision_date desc, record_key)
  where superseded_at is null;
-- … and across all catalogues (the default view), newest decision first.
create index records_browse_date_idx on records (decision_date desc, record_key)
  where superseded_at is null;
