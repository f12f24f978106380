-- 006 publicity (issue #4): how long the law lets each negative record be public, and why a record
-- stopped being public. The periods are computed by the domain's publicity engine at import
-- (packages/domain/src/publicity) and kept on the record, so a change of rule is an explicit,
-- audited re-computation (regulations §3.7). What the public sees is decided in one place:
-- packages/db/src/public-records.repository.ts (PUBLIC_RECORD_CONDITION).

alter table records add column negative boolean not null default false;  -- 失信信息 (a negative catalogue)
alter table records add column regime text;                               -- e.g. ndrc-order-36
alter table records add column tier text check (tier in ('minor', 'general', 'serious'));
alter table records add column min_until date;      -- end of the minimum period: repair may be applied for after it
alter table records add column max_until date;      -- end of the maximum period (inclusive): publicity stops after it
alter table records add column simple_procedure boolean not null default false;  -- 简易程序 penalty
alter table records add column never_public boolean not null default false;      -- e.g. 简易程序 on a natural person (Henan Art.13)
alter table records add column publicity_ended_at timestamptz;
alter table records add column publicity_end_reason text
  check (publicity_end_reason in ('expired', 'repaired', 'withdrawn'));

-- The expiry job finds current records whose maximum period has passed.
create index records_publicity_expiry_idx on records (max_until)
  where superseded_at is null and publicity_end_reason is null and max_until is not null;

-- Tiers (轻微/一般/严重) set by the credit centre per department, catalogue and penalty type.
-- A row with source_dept or penalty_type null applies to every department or type; the most
-- specific matching row wins; without one the domain's documented default applies.
create table publicity_tier_rules (
  rule_id       uuid primary key,
  catalog       text not null,
  source_dept   text,           -- department USCC, or null for all
  penalty_type  text,           -- a 处罚类别 (行政处罚法 Art.9), or null for all
  tier          text not null check (tier in ('minor', 'general', 'serious')),
  basis         text not null,  -- the rule's source (文件名、条款)
  created_at    timestamptz not null default now()
);
create unique index publicity_tier_rules_key on publicity_tier_rules
  (catalog, coalesce(source_dept, ''), coalesce(penalty_type, ''));
