import { openDatabase } from '@pubcredit/db';
import type pino from 'pino';
import type { Config } from './config';
import type { AppContext } from './context';
import { createDataKeys } from './crypto/data-keys';
import type { MasterKeySource } from './crypto/master-key';
import { loadKeyring } from './crypto/keyring';
import { createLogger } from './logger';
import { loadRetiredKeys, loadSigningKey } from './services/report/signing-key';

export interface OpenContextOptions {
  log?: pino.Logger;
}

/** Where the keyring comes from: env key, key file, or (embedded engine only) the data directory. */
export function keySource(config: Config): MasterKeySource {
  return { base64: config.dataKey, file: config.keyFile, dataDir: config.databaseUrl === undefined ? config.dataDir : undefined };
}

/**
 * Opens the database (migrations run inside openDatabase; the embedded engine takes the data-dir
 * lock in the name of `owner`) and the data keys. Shared by the server and the CLI.
 */
export async function openContext(config: Config, owner: string, opts: OpenContextOptions = {}): Promise<AppContext> {
  const log = opts.log ?? createLogger(config.logLevel);
  const embedded = config.databaseUrl === undefined;
  const db = await openDatabase(
    embedded ? { dataDir: config.dataDir, lock: true, owner } : { url: config.databaseUrl, owner },
  );
  try {
    const ring = loadKeyring(keySource(config));
    const keys = createDataKeys(ring);
    // The report-signing key: its file, else beside the embedded engine's keys, else from the root key.
    const signingKey = loadSigningKey({ file: config.signingKeyFile, dataDir: embedded ? config.dataDir : undefined, rootKey: ring.entries[0]?.key });
    const retiredKeys = loadRetiredKeys(config.signingRetiredKeysFile);
    return { db, keys, now: () => new Date(), log, reports: { publicUrl: config.publicUrl, signingKey, retiredKeys } };
  } catch (err) {
    await db.close();
    throw err;
  }
}
