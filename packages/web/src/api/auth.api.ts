import { api } from './api-client';
import type { Session } from './types';

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

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout', undefined, { expectUnauthenticated: true });
}

export function changePassword(current: string, next: string): Promise<unknown> {
  return api.post<unknown>('/auth/password', { current, next });
}
