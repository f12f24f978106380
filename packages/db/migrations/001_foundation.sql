-- 001 foundation: departments, subjects, records (versioned), batches, quarantine, calendar years.
-- Valid on PostgreSQL 15 and PGlite. Every per-subject table carries subject_id, its Citus
-- distribution column (docs/operations/citus.md); subject_id is derived from the subject's
-- identity key, so the importer resolves subjects without a lookup.

-- In public, not the first schema on search_path: with a schema per test file (or deployment)
-- the extension would otherwise land in, and be dropped with, whichever schema migrated first.
create extension if not exists pg_trgm with schema public;

create table departments (
  uscc        text primary key,
  name        text not null,
  created_at  timestamptz not null default now()
);

-- One row per subject. subject_id = uuid derived from 'uscc:<code>' or the keyed hash of an ID number.
create table subjects (
  subject_id     uuid primary key,
  kind           text not null check (kind in ('legal_person', 'individual_business', 'natural_person')),
  uscc           text,
  id_type        text,
  id_hash        text,            -- keyed hash (HMAC-SM3) of the ID number, for look-ups
  id_cipher      text,            -- encrypted ID number (AES-256-GCM), never logged
  id_masked      text,            -- e.g. 4104**********1234
  name           text not null,
  name_conflict  boolean not null default false,  -- 重码: one USCC, different names across sources
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index subjects_uscc_idx on subjects (uscc) where uscc is not null;
create index subjects_id_hash_idx on subjects (id_hash) where id_hash is not null;

-- Name history (曾用名) per source department.
create table subject_names (
  subject_id     uuid not null,
  name           text not null,
  source_dept    text not null,
  first_seen_at  timestamptz not null,
  last_seen_at   timestamptz not null,
  primary key (subject_id, name, source_dept)
);

create table batches (
  batch_id     uuid primary key,
  catalog      text not null,
  edition      text not null,
  source_dept  text not null references departments (uscc),
  file_name    text not null,
  format       text not null,     -- csv | xlsx | jsonl
  encoding     text,              -- utf-8 | gb18030 for CSV
  file_sha256  text not null,
  total        integer not null,
  accepted     integer not null,
  rejected     integer not null,
  created      integer not null,
  updated      integer not null,
  unchanged    integer not null,
  warnings     integer not null,
  received_at  timestamptz not null,
  finished_at  timestamptz not null
);
create index batches_source_idx on batches (source_dept, received_at desc);

-- Natural key index: one row per (catalog, source department, 文书号), pointing at the current version.
create table record_keys (
  record_key    text primary key,  -- sha256 hex of catalog|source|doc_no
  subject_id    uuid not null,
  version       integer not null,
  content_hash  text not null
);

-- Every version of every record. The current version has superseded_at null.
create table records (
  subject_id           uuid not null,
  record_key           text not null,
  version              integer not null,
  catalog              text not null,
  edition              text not null,
  source_dept          text not null,
  doc_no               text not null,
  decision_date        date not null,
  received_at          timestamptz not null,
  report_working_days  integer,      -- working days from decision to receipt; null if a year's calendar is unknown
  content_hash         text not null,
  data                 jsonb not null, -- normalised fields by national code; personal fields masked
  pii_cipher           text,           -- encrypted JSON of the personal fields
  batch_id             uuid not null,
  row_no               integer not null,
  superseded_at        timestamptz,
  primary key (subject_id, record_key, version)
);
create index records_subject_current_idx on records (subject_id, catalog, decision_date desc) where superseded_at is null;

-- Rows that failed validation, with their reasons, for download and resubmission.
create table quarantine (
  batch_id  uuid not null,
  row_no    integer not null,
  raw       jsonb not null,    -- the row as given, by header
  reasons   jsonb not null,    -- RowIssue[]
  primary key (batch_id, row_no)
);

-- Issues (errors and warnings) of every batch, for the per-row report.
create table batch_issues (
  batch_id  uuid not null,
  row_no    integer not null,
  field     text not null,
  severity  text not null,
  rule      text not null,
  message   text not null
);
create index batch_issues_batch_idx on batch_issues (batch_id, row_no);

-- Official holiday schedules loaded by an administrator for years the calendar package lacks.
create table calendar_years (
  year       integer primary key,
  holidays   date[] not null,  -- days off that would otherwise be working days
  workdays   date[] not null,  -- 调休 make-up working days on weekends
  source     text not null,
  loaded_at  timestamptz not null default now()
);
