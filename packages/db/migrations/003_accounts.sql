-- 003 staff accounts and sessions (issue #3). Passwords are argon2id hashes; the TOTP secret is
-- encrypted with the platform's data key; a session row holds only SHA-256 hashes of the cookie
-- token and of its CSRF token, so a copy of the table lets nobody act as a user.

create table users (
  id                    uuid primary key,
  username              text not null unique,   -- normalised: NFKC, trimmed, lower case
  display_name          text not null,
  role                  text not null check (role in ('platform_admin', 'credit_officer', 'dept_reporter', 'dept_reviewer', 'auditor')),
  department_uscc       text references departments (uscc),
  password_hash         text not null,          -- argon2id PHC string
  totp_secret_cipher    text,                   -- AES-256-GCM of the base32 secret (set up, maybe not yet confirmed)
  totp_enabled          boolean not null default false,
  totp_last_step        bigint,                 -- last accepted 30-second step: a code is never accepted twice
  failed_logins         integer not null default 0,
  locked_until          timestamptz,
  must_change_password  boolean not null default true,
  created_at            timestamptz not null default now(),
  last_login_at         timestamptz,
  disabled_at           timestamptz,
  -- 部门填报员 / 部门审核员 belong to exactly one department; the other roles to none.
  constraint users_department_role check ((role in ('dept_reporter', 'dept_reviewer')) = (department_uscc is not null)),
  constraint users_totp_secret check (not totp_enabled or totp_secret_cipher is not null)
);
create index users_department_idx on users (department_uscc) where department_uscc is not null;

create table sessions (
  token_hash       text primary key,            -- sha256 hex of the cookie token
  user_id          uuid not null references users (id) on delete cascade,
  csrf_token_hash  text not null,               -- sha256 hex of the CSRF token derived from the cookie token
  created_at       timestamptz not null,
  expires_at       timestamptz not null,        -- absolute end (8 h after login)
  last_seen_at     timestamptz not null,        -- idle end is last_seen_at + 30 min
  client_ip        text,
  user_agent       text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- API keys: who created a key, and a key holds for a department or a system, never both
-- (NOT VALID: keys created before this migration are not re-checked).
alter table api_keys add column created_by uuid references users (id) on delete set null;
alter table api_keys add constraint api_keys_one_holder check (department_uscc is null or system_name is null) not valid;
