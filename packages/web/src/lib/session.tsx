import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/api-client';
import { fetchSession, logout as apiLogout } from '../api/auth.api';
import type { Session, SessionUser } from '../api/types';

type Status = 'loading' | 'anonymous' | 'authenticated' | 'unavailable';

export interface SessionValue {
  status: Status;
  user: SessionUser | null;
  /** Set when the session probe failed for another reason than 401 (server down). */
  error: string | null;
  /** The session ended under the user (idle timeout, logout elsewhere, password reset). */
  expired: boolean;
  /** After a successful login (or password change answering a fresh session). */
  signIn: (session: Session) => void;
  signOut: () => Promise<void>;
  /** Re-reads the session from the server (after a password change). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds the signed-in user for the console; the cookie itself is HttpOnly and never read here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setError(null);
    setExpired(false);
    setStatus('authenticated');
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus('anonymous');
  }, []);

  const refresh = useCallback(async () => {
    try {
      signIn(await fetchSession());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return clear();
      setError(err instanceof ApiError ? err.message : '无法读取登录状态');
      setStatus('unavailable');
    }
  }, [signIn, clear]);

  /** Ends the session on the server; the console forgets it either way, and rethrows other failures than 401. */
  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    } finally {
      clear();
    }
  }, [clear]);

  useEffect(() => {
    // A 401 on an ordinary call: the session ran out or was ended elsewhere.
    setUnauthenticatedHandler(() => {
      setExpired(true);
      clear();
    });
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [clear, refresh]);

  const value = useMemo(
    () => ({ status, user, error, expired, signIn, signOut, refresh }),
    [status, user, error, expired, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind RequireSession. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
