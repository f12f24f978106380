import { acquireDirLock, DbError, openDatabase } from '@pubcredit/db';
import type { Database, LockInfo } from '@pubcredit/db';
import { beijingDateTime } from '@pubcredit/domain';
import type pino from 'pino';
import { replayAuditSpool } from './audit/audit-replay';
import { AuditSpool } from './audit/audit-spool';
import type { Config } from './config';
import type { AppContext } from './context';
import { createDataKeys } from './crypto/data-keys';
import type { MasterKeySource } from './crypto/master-key';
import { loadKeyring } from './crypto/keyring';
import { createLogger } from './logger';
import { loadRetiredKeys, loadSigningKey } from './services/report/signing-key';

export interface OpenContextOptions {
  log?: pino.Logger;
  /**
   * The HTTP server: on the server engine it owns the audit spool directory (locked, one server
   * process per directory). The embedded engine's spool is the data directory's, whoever opens it.
   */
  server?: boolean;
}

/** The lock of a server engine's audit spool directory. */
export const AUDIT_SPOOL_LOCK = 'audit-spool.lock';

function spoolLocked(dir: string, held: LockInfo): DbError {
  const owner = held.owner ? `，${held.owner}` : '';
  return new DbError(
    'DATA_DIR_LOCKED',
    `审计暂存目录 ${dir} 正被另一个 PubCredit 服务器进程使用（pid ${held.pid}${owner}，启动于 ${beijingDateTime(held.startedAt)}）。` +
      '每个服务器进程需要自己的暂存目录：请用 PUBCREDIT_AUDIT_SPOOL_DIR 为本进程另指一个目录。',
    { dir, ...held },
  );
}

/**
 * The audit spool of this process, with what an earlier run left in it replayed (before any new
 * entry). A replay the database refuses is logged; its entries stay pending (health: degraded).
 * On the server engine only the server has one, and it locks the directory (release() unlocks).
 */
export async function openAuditSpool(
  config: Config,
  db: Database,
  owner: string,
  opts: OpenContextOptions,
  log: pino.Logger,
): Promise<{ spool?: AuditSpool; release: () => void }> {
  const embedded = config.databaseUrl === undefined;
  if (!embedded && !opts.server) return { release: () => {} };
  const dir = embedded ? config.dataDir : config.auditSpoolDir;
  // The embedded engine's data-dir lock covers its spool; a server engine's spool needs its own.
  const lock = embedded ? undefined : acquireDirLock(dir, AUDIT_SPOOL_LOCK, owner, spoolLocked);
  try {
    const spool = await AuditSpool.open(dir, log);
    if (spool.pending > 0) {
      try {
        const report = await replayAuditSpool({ db, now: () => new Date() }, spool);
        log.warn({ ...report, file: spool.file }, 'audit spool replayed: entries written late');
      } catch (err) {
        log.error({ err, pending: spool.pending, file: spool.file }, 'audit spool not replayed at start-up: its entries stay pending');
      }
    }
    return { spool, release: () => lock?.release() };
  } catch (err) {
    lock?.release();
    throw err;
  }
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
  let spool: Awaited<ReturnType<typeof openAuditSpool>> | undefined;
  try {
    spool = await openAuditSpool(config, db, owner, opts, log);
    const ring = loadKeyring(keySource(config));
    const keys = createDataKeys(ring);
    // The report-signing key: its file, else beside the embedded engine's keys, else from the root key.
    const signingKey = loadSigningKey({ file: config.signingKeyFile, dataDir: embedded ? config.dataDir : undefined, rootKey: ring.entries[0]?.key });
    const retiredKeys = loadRetiredKeys(config.signingRetiredKeysFile);
    // Closing the database ends this process's hold on its spool directory too.
    const release = spool.release;
    const closeDb = async (): Promise<void> => {
      try {
        await db.close();
      } finally {
        release();
      }
    };
    return {
      db: { ...db, close: closeDb },
      keys,
      now: () => new Date(),
      log,
      reports: { publicUrl: config.publicUrl, signingKey, retiredKeys },
      auditSpool: spool.spool,
    };
  } catch (err) {
    spool?.release();
    await db.close();
    throw err;
  }
}
