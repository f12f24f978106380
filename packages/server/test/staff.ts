import { setPassword } from '@pubcredit/db';
import type { User } from '@pubcredit/db';
import type { Role } from '@pubcredit/domain';
import type { AppContext } from '../src/context';
import { hashPassword } from '../src/services/auth/password-hasher';
import { startSession } from '../src/services/auth/session.service';
import { createUser } from '../src/services/user.service';

/** The password every test account gets (passes the policy). */
export const STAFF_PASSWORD = 'Yingcheng-Test-2024';

let seq = 0;

/** An account of the role with {@link STAFF_PASSWORD}, already changed (no forced change pending). */
export async function addStaff(ctx: AppContext, role: Role, departmentUscc?: string, username?: string): Promise<User> {
  const { user } = await createUser(ctx, { username: username ?? `${role.replace('_', '')}${++seq}`, role, departmentUscc });
  await setPassword(ctx.db, user.id, await hashPassword(STAFF_PASSWORD), false);
  return { ...user, mustChangePassword: false };
}

export interface StaffCookie {
  token: string;
  csrfToken: string;
  /** Headers of a request in this session: the cookie and the CSRF token. */
  headers: Record<string, string>;
}

export function sessionHeaders(token: string, csrfToken?: string): Record<string, string> {
  return { cookie: `pubcredit_session=${token}`, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
}

/** A session opened directly (no password check: cheap for tests that need many). */
export async function sessionFor(ctx: AppContext, user: User): Promise<StaffCookie> {
  const { token, csrfToken } = await startSession(ctx, user, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { token, csrfToken, headers: sessionHeaders(token, csrfToken) };
}

/** The session token from a Set-Cookie header of a response. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const c of all) {
    const match = /^pubcredit_session=([^;]*)/.exec(c);
    if (match) return match[1];
  }
  return undefined;
}
