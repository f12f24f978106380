import { api } from './api-client';

/** How the audit trail is being written (GET /api/v1/health → audit; AuditHealthSchema). */
export interface AuditHealth {
  /** degraded: entries wait in the spool for the database, or some could not be kept at all. */
  status: 'ok' | 'degraded';
  /** Entries spooled on disk, to be written to the trail (补记) once the database accepts them. */
  pending: number;
  /** Entries since the server started that could be neither written nor spooled (in its error log). */
  lost: number;
  /** The last write to the trail failed: reads of non-public data answer 503 meanwhile. */
  refusing: boolean;
  /** The server's Chinese explanation when degraded. */
  message?: string;
}

/** Whether the working-day calendar reaches far enough (GET /api/v1/health → calendar; CalendarHealthSchema). */
export interface CalendarHealth {
  /** expiring: next year's official schedule is not loaded and the year ends within two months; missing: this year's is not. */
  status: 'ok' | 'expiring' | 'missing';
  coveredThrough: number | null;
  missingYear: number | null;
  /** The server's Chinese explanation and what to do, when not ok. */
  message?: string;
}

export interface Health {
  status: 'ok';
  version: string;
  time: string;
  audit: AuditHealth;
  calendar: CalendarHealth;
}

/** The public health check; the console reads its audit and calendar parts. */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return api.get<Health>('/health', { signal });
}
