-- 009 audit entry ids (issue #3 §4): an entry of the HTTP API that the database refused is spooled
-- to a file and appended later (docs/decisions/0010-audit-chain.md, "Spool"). Each such entry
-- carries a random id from the moment it is queued, so a replay interrupted after its insert and
-- before the spool file was emptied (a crash), or a write whose COMMIT succeeded although the
-- client saw an error, does not append it twice: the replay skips ids already in the chain.
--
-- The id is not part of the SM3 hash (the hash format of migration 004 is unchanged); it only
-- de-duplicates. Entries written before this migration, and the CLI's, have none (null).

alter table audit_log add column entry_id uuid;
create unique index audit_log_entry_id_idx on audit_log (entry_id) where entry_id is not null;
