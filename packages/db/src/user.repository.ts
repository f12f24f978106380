import type { Role } from '@pubcredit/domain';
import type { Sql } from './database';
import { DbError } from './db-error';
import { USER_COLUMNS, toUser } from './user.table';
import type { User, UserRow } from './user.table';

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentUscc: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: Date;
}

/** Creates an account; a taken username → DbError 'USER_EXISTS'. */
export async function insertUser(sql: Sql, user: NewUser): Promise<User> {
  // ON CONFLICT instead of catching 23505: a failed INSERT would abort the caller's transaction.
  const { rows } = await sql.query<UserRow>(
    `insert into users (id, username, display_name, role, department_uscc, password_hash, must_change_password, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (username) do nothing
     returning ${USER_COLUMNS}`,
    [user.id, user.username, user.displayName, user.role, user.departmentUscc, user.passwordHash, user.mustChangePassword, user.createdAt],
  );
  const row = rows[0];
  if (!row) throw new DbError('USER_EXISTS', `用户名 ${user.username} 已被使用`, { username: user.username });
  return toUser(row);
}

export async function getUserById(sql: Sql, id: string): Promise<User | undefined> {
  const { rows } = await sql.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  return rows[0] && toUser(rows[0]);
}

export async function getUserByUsername(sql: Sql, username: string): Promise<User | undefined> {
  const { rows } = await sql.query<UserRow>(`select ${USER_COLUMNS} from users where username = $1`, [username]);
  return rows[0] && toUser(rows[0]);
}

/** All accounts by username (a city has hundreds of staff at most: no paging). */
export async function listUsers(sql: Sql): Promise<User[]> {
  const { rows } = await sql.query<UserRow>(`select ${USER_COLUMNS} from users order by username`);
  return rows.map(toUser);
}

export async function countUsers(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('select count(*)::int as n from users');
  return rows[0]?.n ?? 0;
}

/** Counts one more consecutive failed login and returns the new count (atomic under concurrency). */
export async function incrementFailedLogins(sql: Sql, id: string): Promise<number> {
  const { rows } = await sql.query<{ failed_logins: number }>(
    'update users set failed_logins = failed_logins + 1 where id = $1 returning failed_logins',
    [id],
  );
  return rows[0]?.failed_logins ?? 0;
}

export async function setLockedUntil(sql: Sql, id: string, until: Date | null): Promise<void> {
  await sql.query('update users set locked_until = $2 where id = $1', [id, until]);
}

/** A successful login: the failure count and any lock are cleared. */
export async function recordLoginSuccess(sql: Sql, id: string, at: Date): Promise<void> {
  await sql.query('update users set failed_logins = 0, locked_until = null, last_login_at = $2 where id = $1', [id, at]);
}

export async function setPassword(sql: Sql, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await sql.query(
    'update users set password_hash = $2, must_change_password = $3, failed_logins = 0, locked_until = null where id = $1',
    [id, passwordHash, mustChange],
  );
}

/** Replaces the hash of the same password (parameters upgraded at login); nothing else changes. */
export async function setPasswordHash(sql: Sql, id: string, passwordHash: string): Promise<void> {
  await sql.query('update users set password_hash = $2 where id = $1', [id, passwordHash]);
}

/** Stores a new, not yet confirmed TOTP secret (encrypted); the second factor stays off until confirmed. */
export async function setPendingTotpSecret(sql: Sql, id: string, secretCipher: string): Promise<void> {
  await sql.query(
    'update users set totp_secret_cipher = $2, totp_enabled = false, totp_last_step = null where id = $1 and not totp_enabled',
    [id, secretCipher],
  );
}

/**
 * Records the TOTP step a code was accepted for, and turns the second factor on when `enable`.
 * Returns false when that step (or a later one) was already used: the code is a replay.
 */
export async function acceptTotpStep(sql: Sql, id: string, step: number, enable: boolean): Promise<boolean> {
  const { rowCount } = await sql.query(
    `update users set totp_last_step = $2, totp_enabled = totp_enabled or $3
     where id = $1 and totp_secret_cipher is not null and (totp_last_step is null or totp_last_step < $2)`,
    [id, step, enable],
  );
  return rowCount > 0;
}

/** Removes the second factor (an administrator's reset after a lost device). */
export async function clearTotp(sql: Sql, id: string): Promise<void> {
  await sql.query('update users set totp_secret_cipher = null, totp_enabled = false, totp_last_step = null where id = $1', [id]);
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  departmentUscc?: string | null;
  /** A date disables the account, null enables it again. */
  disabledAt?: Date | null;
}

/** Applies the given changes; returns the account as it now is, or undefined when there is none. */
export async function updateUser(sql: Sql, id: string, changes: UserChanges): Promise<User | undefined> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (column: string, value: unknown): void => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (changes.displayName !== undefined) set('display_name', changes.displayName);
  if (changes.role !== undefined) set('role', changes.role);
  if (changes.departmentUscc !== undefined) set('department_uscc', changes.departmentUscc);
  if (changes.disabledAt !== undefined) set('disabled_at', changes.disabledAt);
  if (sets.length === 0) return getUserById(sql, id);
  const { rows } = await sql.query<UserRow>(`update users set ${sets.join(', ')} where id = $1 returning ${USER_COLUMNS}`, params);
  return rows[0] && toUser(rows[0]);
}
