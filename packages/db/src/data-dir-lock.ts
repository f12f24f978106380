import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DbError } from './db-error';

// PGlite has no cross-process lock: two processes opening one data directory corrupt it.

export const LOCK_FILE_NAME = 'pubcredit.lock';

/** What the lock file holds, so a second process can say who is in the way. */
export interface LockInfo {
  pid: number;
  owner: string;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

function readLock(path: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      owner: String(parsed.owner ?? ''),
      host: String(parsed.host ?? ''),
      startedAt: String(parsed.startedAt ?? ''),
    };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A holder we cannot prove dead (other host, live pid, or this very process) keeps the lock. */
function holderMayBeAlive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true;
  return info.pid === process.pid || isAlive(info.pid);
}

/** An ISO instant as the clock on an office wall shows it: `2026-11-29 16:59:06（北京时间）`. */
function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')}（北京时间）`;
}

function lockedError(dir: string, info: LockInfo): DbError {
  const owner = info.owner ? `，${info.owner}` : '';
  return new DbError(
    'DATA_DIR_LOCKED',
    `数据目录 ${dir} 正被另一个 PubCredit 进程使用（pid ${info.pid}${owner}，启动于 ${beijingTime(info.startedAt)}）。` +
      '请先停止它，或用 DATABASE_URL 连接 PostgreSQL。',
    { dir, ...info },
  );
}

/**
 * Creates the lock file exclusively. The JSON is written to a private temp file (O_EXCL) and then
 * hard-linked into place: link(2) fails atomically if the lock exists, and a reader never sees a
 * half-written lock.
 */
function tryCreate(path: string, info: LockInfo): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`, { flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Takes `<dir>/pubcredit.lock` for this process, or throws DbError 'DATA_DIR_LOCKED' naming the
 * holder. A lock left by a dead process on this host is taken over. Released on release() or exit.
 */
export function acquireDataDirLock(dir: string, owner = `pid ${process.pid}`): DataDirLock {
  return acquireDirLock(dir, LOCK_FILE_NAME, owner, lockedError);
}

/**
 * Takes `<dir>/<fileName>` for this process like {@link acquireDataDirLock}, throwing what
 * `locked(dir, holder)` builds when a live process holds it (e.g. the audit spool directory of
 * the server engine).
 */
export function acquireDirLock(dir: string, fileName: string, owner: string, locked: (dir: string, held: LockInfo) => Error): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  const info: LockInfo = { pid: process.pid, owner, host: hostname(), startedAt: new Date().toISOString() };
  const mine = JSON.stringify(info);

  for (let attempt = 0; !tryCreate(path, info); attempt++) {
    const held = readLock(path);
    if (held && holderMayBeAlive(held)) throw locked(dir, held);
    if (attempt >= 3) throw locked(dir, held ?? { pid: 0, owner: '', host: '', startedAt: '' });
    // Stale (or unreadable) lock: remove it unless another process replaced it since we read it.
    const again = readLock(path);
    if (JSON.stringify(again) === JSON.stringify(held)) unlinkQuietly(path);
  }

  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Never remove a lock another process took over (e.g. after we were presumed dead).
    if (JSON.stringify(readLock(path)) === mine) unlinkQuietly(path);
  };
  process.on('exit', release);
  return { path, info, release };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
