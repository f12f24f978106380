-- 008 credit reports (issue #4 §4): every issued 信用报告 is recorded by its number with the hash
-- of its content and the platform's signature over that hash, not the PDF itself. Verification
-- (/verify/{reportNo}) checks the signature and rebuilds the content from the stored parameters to
-- tell whether the subject's public records have changed since (docs/decisions/0014).
-- A per-subject table: it carries subject_id. Look-ups are by report_no; on Citus it is
-- distributed by report_no (docs/operations/citus.md).

create table credit_reports (
  report_no     text primary key,            -- e.g. PDS-20261129-7K3M9QXA (random part unguessable)
  subject_id    uuid not null,
  kind          text not null check (kind in ('standard', 'special')),  -- 标准 / 专项信用报告
  params        jsonb not null,              -- { period: {from,to}|null, categories: [...] }
  content_hash  text not null,               -- SM3 hex of the canonical JSON of the content
  signature     text not null,               -- base64 Ed25519 signature over content_hash
  key_id        text not null,               -- id of the signing key (hash of its public key)
  issued_at     timestamptz not null,
  as_of         timestamptz not null         -- the moment the records were read
);
create index credit_reports_subject_idx on credit_reports (subject_id, issued_at);
