-- 004 audit trail (issue #3 item 4, invariant 5): every change and every read of non-public data,
-- append-only and chained with SM3 so that changing, deleting or reordering a past entry is evident
-- (`pubcredit audit verify`). See docs/decisions/0008-audit-chain.md and
-- docs/operations/database-roles.md (the application role gets INSERT and SELECT only).
--
-- seq is 1, 2, 3 … without gaps: an appender takes the one row of audit_head FOR UPDATE, numbers
-- its entries after head.seq, chains them from head.hash and advances the head in the same
-- transaction. An identity column would leave gaps when a transaction rolls back, and then a gap
-- could not tell a deleted entry from a rolled-back one.

create table audit_log (
  seq              bigint primary key,
  at               timestamptz not null,
  actor_kind       text not null check (actor_kind in ('user', 'key', 'anonymous', 'cli')),
  actor_id         text,            -- user id, API key id, OS user of the CLI
  actor_name       text,            -- username, calling system, department key, user@host
  department_uscc  text,            -- the actor's 信源部门 (no foreign key: the trail accepts anything)
  action           text not null,   -- e.g. 'batch.upload', 'user.create', 'GET /api/v1/batches/:id'
  target           text,
  purpose          text,            -- X-Purpose header or the route's declared purpose
  client_ip        text,
  user_agent       text,
  outcome          text not null check (outcome in ('success', 'denied', 'error')),
  status           integer,         -- HTTP status, or the CLI's exit code
  details          jsonb not null default '{}',  -- personal ID numbers masked before they get here
  prev_hash        text not null,   -- hash of entry seq - 1; 64 zeros for the first
  hash             text not null    -- SM3 hex of the canonical serialisation (db/src/audit-hash.ts)
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_action_idx on audit_log (action, seq);
create index audit_log_actor_idx on audit_log (actor_id, seq);

-- The end of the chain: the serialisation point of appenders, and the witness of the last entry
-- (deleting the newest entries leaves the head pointing past the end).
create table audit_head (
  id    integer primary key default 1 check (id = 1),
  seq   bigint not null,
  hash  text not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- Defence in depth beside the privileges: even the table owner cannot change or delete an entry
-- without first disabling this trigger (which the application role cannot do).
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op;
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- The head only moves forward, and only onto an entry that exists with that hash.
create function audit_head_advance_only() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'audit_head: % refused', tg_op;
  end if;
  if new.id <> old.id or new.seq <= old.seq
     or not exists (select 1 from audit_log where seq = new.seq and hash = new.hash) then
    raise exception 'audit_head may only advance to an existing audit_log entry';
  end if;
  return new;
end
$$;
create trigger audit_head_guard before update or delete on audit_head
  for each row execute function audit_head_advance_only();
create trigger audit_head_no_truncate before truncate on audit_head
  for each statement execute function audit_head_advance_only();
