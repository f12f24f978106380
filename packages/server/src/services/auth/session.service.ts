import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deleteSession, deleteStaleSessions, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from '@pubcredit/db';
import type { Session, User } from '@pubcredit/db';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';

/** A session ends 8 hours after login whatever happens (absolute timeout). */
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** … and after 30 minutes without a request (idle timeout). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** last_seen_at is written at most this often: not one UPDATE per request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** What a client holds: the cookie token (HttpOnly) and the CSRF token the page sends back as a header. */
export interface SessionTokens {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The table keeps SHA-256 of each token: a leaked copy of it opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session, derived from the cookie token (HMAC), so the server can hand it out
 * again (GET /auth/session) without storing it; a page on another site can read neither.
 */
export function csrfTokenFor(token: string): string {
  return createHmac('sha256', token).update('pubcredit csrf v1').digest('base64url');
}

/** Opens a session for a user who has just proved who they are. */
export async function startSession(ctx: AppContext, user: User, client: ClientInfo): Promise<SessionTokens> {
  const now = ctx.now();
  // Housekeeping on login rather than on a timer: stale rows only cost space.
  await deleteStaleSessions(ctx.db, now, new Date(now.getTime() - SESSION_IDLE_MS));
  const token = randomBytes(32).toString('base64url');
  const csrfToken = csrfTokenFor(token);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await insertSession(ctx.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfTokenHash: hashToken(csrfToken),
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
    clientIp: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  session: Session;
  user: User;
}

/**
 * The live session of a cookie token, its idle clock reset.
 * @throws AppError UNAUTHENTICATED (unknown token, disabled account), SESSION_EXPIRED (absolute or idle timeout)
 */
export async function resumeSession(ctx: AppContext, token: string): Promise<ActiveSession> {
  const found = await findSessionWithUser(ctx.db, hashToken(token));
  if (!found) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  const { session, user } = found;
  const now = ctx.now();
  if (now >= session.expiresAt) {
    await deleteSession(ctx.db, session.tokenHash);
    throw new AppError('SESSION_EXPIRED', '登录已满 8 小时，请重新登录');
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    await deleteSession(ctx.db, session.tokenHash);
    throw new AppError('SESSION_EXPIRED', '已连续 30 分钟无操作，请重新登录');
  }
  if (user.disabledAt) {
    await deleteUserSessions(ctx.db, user.id);
    throw new AppError('UNAUTHENTICATED', '账号已停用，请联系平台管理员');
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(ctx.db, session.tokenHash, now);
  }
  return found;
}

/** Whether a CSRF header matches the session (constant time). */
export function csrfMatches(session: Session, header: string | undefined): boolean {
  if (!header) return false;
  const given = Buffer.from(hashToken(header), 'hex');
  const expected = Buffer.from(session.csrfTokenHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Ends one session (logout). */
export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, hashToken(token));
}

/** Ends every session of a user but, optionally, the one given (password change, reset, disabling). */
export async function endUserSessions(ctx: AppContext, userId: string, keepToken?: string): Promise<void> {
  await deleteUserSessions(ctx.db, userId, keepToken === undefined ? undefined : hashToken(keepToken));
}
