-- 005 personal data in quarantined rows (issue #3 item 5). A rejected row is kept as given so its
-- department can download, fix and resubmit it; a natural person's 证件号码 (or any ID or mobile
-- number in it) is now kept encrypted: raw holds the masked value, pii_cipher the given values of
-- those cells (AES-256-GCM JSON {header: value}), decrypted only for the department's own download.
--
-- Rows written before this migration hold them in clear: pii_sealed is false for them (and true by
-- default for every row written since), and `pubcredit keys reencrypt` seals them.

alter table quarantine add column pii_cipher text;
alter table quarantine add column pii_sealed boolean not null default false;
alter table quarantine alter column pii_sealed set default true;
create index quarantine_unsealed_idx on quarantine (batch_id, row_no) where not pii_sealed;
