-- Privileges of the application's role (pubcredit_app) in the schema pubcredit, which the owner
-- role (pubcredit_owner) owns. Run as pubcredit_owner after every `pubcredit migrate`; it is
-- idempotent. See database-roles.md. packages/db/test/audit-privileges.test.ts runs this file.

grant usage on schema pubcredit to pubcredit_app;
grant select, insert, update, delete on all tables in schema pubcredit to pubcredit_app;
grant usage, select on all sequences in schema pubcredit to pubcredit_app;
revoke truncate, references, trigger on all tables in schema pubcredit from pubcredit_app;

-- Migrations are the owner's business: the application only reads which ran.
revoke insert, update, delete on pubcredit.schema_migrations from pubcredit_app;

-- The audit trail: the application appends entries and reads them, never changes or removes one.
revoke update, delete on pubcredit.audit_log from pubcredit_app;
-- The head of the chain: read and advanced (a trigger lets it only move forward), never replaced.
revoke insert, delete on pubcredit.audit_head from pubcredit_app;
