/** Error codes raised by the server's own layers (auth, uploads); mapped to HTTP in error-registry.ts. */
export type AppErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UPLOAD_MISSING';

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
