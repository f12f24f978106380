import { api } from './api-client';
import type { Session, SessionUser } from './types';

export interface LoginInput {
  username: string;
  password: string;
  /** 动态口令 (TOTP), when the account has a second factor. */
  totp?: string;
}

/** Signs in: the server sets the HttpOnly session cookie and returns the user and CSRF token. */
export function login(input: LoginInput): Promise<Session> {
  return api.post<Session>('/auth/login', input, { expectUnauthenticated: true });
}

/** The current session, or an ApiError with status 401 when there is none. */
export function fetchSession(): Promise<Session> {
  return api.get<Session>('/auth/session', { expectUnauthenticated: true });
}

export function logout(): Promise<unknown> {
  return api.post<unknown>('/auth/logout', undefined, { expectUnauthenticated: true });
}

/** Changes one's own password; every other session ends and this one is replaced (new cookie and CSRF token). */
export function changePassword(current: string, next: string): Promise<Session> {
  return api.post<Session>('/auth/password', { current, next });
}

/** A new, not yet active TOTP secret: the otpauth URI for the authenticator app and the secret to type. */
export interface TotpSetup {
  secret: string;
  uri: string;
}

/** Starts setting up the 动态口令; needs the password again (a borrowed session cannot do it). */
export function setUpTotp(password: string): Promise<TotpSetup> {
  return api.post<TotpSetup>('/auth/totp/setup', { password });
}

/** Turns the 动态口令 on with a code from the new secret. */
export function confirmTotp(code: string): Promise<SessionUser> {
  return api.post<SessionUser>('/auth/totp/confirm', { code });
}
