import type { Sql } from './database';
import { USER_COLUMNS, toUser } from './user.table';
import type { User, UserRow } from './user.table';

export interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_token_hash: string;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  client_ip: string | null;
  user_agent: string | null;
}

/** A staff login session; the table holds hashes of its tokens only. */
export interface Session {
  tokenHash: string;
  userId: string;
  csrfTokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  clientIp: string | null;
  userAgent: string | null;
}

function toSession(row: SessionRow): Session {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    csrfTokenHash: row.csrf_token_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
  };
}

const SESSION_COLUMNS = 'token_hash, user_id, csrf_token_hash, created_at, expires_at, last_seen_at, client_ip, user_agent';

export type NewSession = Session;

export async function insertSession(sql: Sql, s: NewSession): Promise<void> {
  await sql.query(
    `insert into sessions (${SESSION_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.tokenHash, s.userId, s.csrfTokenHash, s.createdAt, s.expiresAt, s.lastSeenAt, s.clientIp, s.userAgent],
  );
}

// The join names user columns u_<column> so they cannot collide with the session's.
const JOINED_COLUMNS = [
  ...SESSION_COLUMNS.split(', ').map((c) => `s.${c}`),
  ...USER_COLUMNS.split(', ').map((c) => `u.${c} as u_${c}`),
].join(', ');

/** A session with its account, in one round trip (every cookie-authenticated request). */
export async function findSessionWithUser(sql: Sql, tokenHash: string): Promise<{ session: Session; user: User } | undefined> {
  const { rows } = await sql.query<Record<string, unknown>>(
    `select ${JOINED_COLUMNS} from sessions s join users u on u.id = s.user_id where s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const userRow: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith('u_')) userRow[key.slice(2)] = value;
  return { session: toSession(row as unknown as SessionRow), user: toUser(userRow as unknown as UserRow) };
}

export async function touchSession(sql: Sql, tokenHash: string, at: Date): Promise<void> {
  await sql.query('update sessions set last_seen_at = $2 where token_hash = $1', [tokenHash, at]);
}

export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('delete from sessions where token_hash = $1', [tokenHash]);
}

/** Ends every session of a user (password change or reset, disabling), optionally keeping one. */
export async function deleteUserSessions(sql: Sql, userId: string, exceptTokenHash?: string): Promise<number> {
  const { rowCount } = await sql.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, exceptTokenHash ?? '']);
  return rowCount;
}

/** Deletes sessions past their absolute end or idle since before `idleSince`. */
export async function deleteStaleSessions(sql: Sql, now: Date, idleSince: Date): Promise<number> {
  const { rowCount } = await sql.query('delete from sessions where expires_at <= $1 or last_seen_at <= $2', [now, idleSince]);
  return rowCount;
}
