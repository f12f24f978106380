import type { Database } from '@pubcredit/db';
import type pino from 'pino';
import type { DataKeys } from './crypto/data-keys';

/** What every service receives: the database, the data keys, the clock and the logger. */
export interface AppContext {
  db: Database;
  keys: DataKeys;
  now: () => Date;
  log: pino.Logger;
}
