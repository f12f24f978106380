/** Stable error codes raised by the db package; the server maps them to HTTP statuses. */
export type DbErrorCode =
  | 'DB_NOT_UTF8'
  | 'DB_UNAVAILABLE'
  | 'DATA_DIR_LOCKED'
  | 'DEPARTMENT_EXISTS'
  | 'USER_EXISTS'
  | 'MIGRATION_INVALID'
  | 'INVALID_ARGUMENT';

/** The one error class of the db package: a stable code, a Chinese message for users, and details. */
export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DbErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.details = details;
  }
}

/** SQLSTATE of a driver error (pg and PGlite both expose it as `code`). */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
