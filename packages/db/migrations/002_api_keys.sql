-- 002 API keys: departments (信源部门) submit batches and systems (政务服务 / 公共资源交易) call the
-- credit-check API with a bearer key. Only the SHA-256 hex of a key is stored; the key itself is
-- shown once when created. A key belongs to a department or names a calling system.

create table api_keys (
  id               uuid primary key,
  key_hash         text not null unique,         -- sha256 hex of the full key ('pck_…')
  department_uscc  text references departments (uscc),
  system_name      text,
  scopes           text[] not null default '{}',
  created_at       timestamptz not null default now(),
  revoked_at       timestamptz,
  check (department_uscc is not null or system_name is not null)
);
create index api_keys_department_idx on api_keys (department_uscc) where department_uscc is not null;
