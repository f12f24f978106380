/** Stable error codes of the domain. The server maps each code to an HTTP status in one registry. */
export type DomainErrorCode =
  | 'CALENDAR_YEAR_UNKNOWN'
  | 'CALENDAR_BAD_SCHEDULE'
  | 'CATALOG_UNKNOWN'
  | 'HEADERS_REFUSED'
  | 'FILE_UNREADABLE'
  | 'DEPARTMENT_UNKNOWN'
  | 'DEPARTMENT_EXISTS'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND';

/** The one error class of the domain: a stable code, a Chinese message for users, and details. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}
