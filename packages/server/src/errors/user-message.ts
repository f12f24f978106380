import { DbError } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import { ConfigError } from '../config';
import { MasterKeyError } from '../crypto/master-key';
import { AppError } from './app-error';

/**
 * The one-line Chinese message of an error a person can act on (bad config, locked data dir,
 * unknown catalogue…), or undefined for a fault whose details belong in a log only.
 */
export function userMessage(err: unknown): string | undefined {
  const known =
    err instanceof DomainError ||
    err instanceof DbError ||
    err instanceof AppError ||
    err instanceof ConfigError ||
    err instanceof MasterKeyError;
  return known ? err.message.replace(/\s*\n\s*/g, ' ') : undefined;
}

/** Stable code of a known error, for logs and scripts. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
