/** Error codes raised by the server's own layers (auth, uploads); mapped to HTTP in error-registry.ts. */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'LOGIN_FAILED'
  | 'TOTP_REQUIRED'
  | 'TOTP_INVALID'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PASSWORD_INCORRECT'
  | 'PASSWORD_WEAK'
  | 'TOTP_ALREADY_ENABLED'
  | 'TOTP_NOT_SET_UP'
  | 'TOTP_CONFIRM_FAILED'
  | 'RATE_LIMITED'
  | 'UPLOAD_MISSING';

/** A server-side error with a stable code and a Chinese message; never an HTTP class. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
