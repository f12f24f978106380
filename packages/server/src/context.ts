import type { Database } from '@pubcredit/db';
import type pino from 'pino';
import type { AuditSpool } from './audit/audit-spool';
import type { DataKeys } from './crypto/data-keys';
import type { ReportSettings } from './services/report/report-settings';

/** What every service receives: the database, the data keys, the clock and the logger. */
export interface AppContext {
  db: Database;
  keys: DataKeys;
  now: () => Date;
  log: pino.Logger;
  /** Credit reports: public base URL and signing key (set by openContext; absent in bare test contexts: a throwaway key). */
  reports?: ReportSettings;
  /**
   * Where entries of changes go when the database refuses them, until they can be replayed
   * (openContext: the data directory on the embedded engine, the server's spool directory on the
   * server engine; absent for the server engine's CLI and in bare test contexts).
   */
  auditSpool?: AuditSpool;
}
