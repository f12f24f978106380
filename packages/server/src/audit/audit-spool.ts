import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES } from '@pubcredit/db';
import type { NewAuditEntry } from '@pubcredit/db';
import type pino from 'pino';

// Invariant 5 and issue #3 §4: an entry of a change the database refused is not lost. It is
// appended, fsynced, to a JSON Lines file and replayed into the chain, in order and before any new
// entry, once the database accepts writes (audit-replay.ts). The entries are masked already
// (audit-mask.ts, toAuditEntry): the file holds nothing the trail itself would not.

/** The spool, in its directory (the data directory, or PUBCREDIT_AUDIT_SPOOL_DIR). */
export const AUDIT_SPOOL_FILE = 'audit-spool.jsonl';
/** Lines of the spool that could not be read back, kept for a person to look at. */
export const AUDIT_SPOOL_INVALID_FILE = 'audit-spool.invalid.jsonl';

const FORMAT = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEWLINE = 0x0a;

/** An entry waiting in the spool: the entry as queued (with its entryId) and when it was spooled. */
export interface SpooledEntry {
  entry: NewAuditEntry & { entryId: string };
  spooledAt: Date;
}

/** What the health check reports of the spool. */
export interface AuditSpoolState {
  /** Entries in the spool, not yet in the chain. */
  pending: number;
  /** Entries since start-up that could be neither written nor spooled (logged at error level). */
  lost: number;
  /** The last write to the trail failed (the database refuses): reads of non-public data are refused meanwhile. */
  refusing: boolean;
}

const nullableText = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** The spooled entry of a line, or why the line is not one. */
export function parseSpoolLine(line: string): SpooledEntry | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'not JSON (a write cut short?)';
  }
  const { v, spooledAt, entry } = (parsed ?? {}) as { v?: unknown; spooledAt?: unknown; entry?: Record<string, unknown> };
  if (v !== FORMAT) return `unknown format ${JSON.stringify(v)}`;
  if (typeof entry !== 'object' || entry === null) return 'no entry';
  const at = new Date(String(entry.at));
  const spooled = new Date(String(spooledAt));
  if (Number.isNaN(at.getTime()) || Number.isNaN(spooled.getTime())) return 'bad time';
  if (typeof entry.entryId !== 'string' || !UUID.test(entry.entryId)) return 'bad entryId';
  if (!(AUDIT_ACTOR_KINDS as readonly unknown[]).includes(entry.actorKind) || !(AUDIT_OUTCOMES as readonly unknown[]).includes(entry.outcome)) {
    return 'bad actorKind or outcome';
  }
  if (typeof entry.action !== 'string') return 'bad action';
  const texts = ['actorId', 'actorName', 'departmentUscc', 'target', 'purpose', 'clientIp', 'userAgent'] as const;
  if (!texts.every((k) => nullableText(entry[k]))) return 'bad text field';
  if (entry.status !== null && !Number.isInteger(entry.status)) return 'bad status';
  if (typeof entry.details !== 'object' || entry.details === null || Array.isArray(entry.details)) return 'bad details';
  return {
    spooledAt: spooled,
    entry: {
      at,
      entryId: entry.entryId,
      actorKind: entry.actorKind as NewAuditEntry['actorKind'],
      actorId: entry.actorId as string | null,
      actorName: entry.actorName as string | null,
      departmentUscc: entry.departmentUscc as string | null,
      action: entry.action,
      target: entry.target as string | null,
      purpose: entry.purpose as string | null,
      clientIp: entry.clientIp as string | null,
      userAgent: entry.userAgent as string | null,
      outcome: entry.outcome as NewAuditEntry['outcome'],
      status: entry.status as number | null,
      details: entry.details as Record<string, unknown>,
    },
  };
}

function lineOf(entry: NewAuditEntry & { entryId: string }, spooledAt: Date): string {
  return JSON.stringify({ v: FORMAT, spooledAt: spooledAt.toISOString(), entry });
}

/** Appends text to a file and fsyncs it (and its directory when the file is new). */
async function appendDurably(dir: string, file: string, text: string): Promise<void> {
  // Private to the service account, like the logs (a directory that exists keeps its mode).
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const fh = await open(file, 'a+', 0o600);
  let created = false;
  try {
    const { size } = await fh.stat();
    created = size === 0;
    let prefix = '';
    if (size > 0) {
      // A line cut short by a crash must not swallow the next one.
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== NEWLINE) prefix = '\n';
    }
    await fh.writeFile(prefix + text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (created) await syncDir(dir);
}

/** Makes a file's creation or removal durable (Linux; elsewhere directories cannot be opened). */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
  } catch (err) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) return;
    throw err;
  }
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

const linesOf = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/**
 * The audit spool of one process: `<dir>/audit-spool.jsonl`, one entry a line, appended and fsynced
 * before the answer of the change goes out. Used by one process at a time: the embedded engine's
 * data-directory lock, or the server engine's `audit-spool.lock` (bootstrap.ts), sees to that; in
 * the process the AuditQueue's drain loop is its only writer.
 */
export class AuditSpool {
  readonly file: string;
  private pendingCount: number;
  private lostCount = 0;
  private refusing = false;
  /** Unreadable lines of the last {@link read}. */
  private invalid: string[] = [];

  private constructor(
    readonly dir: string,
    pending: number,
    private readonly log: pino.Logger,
  ) {
    this.file = join(dir, AUDIT_SPOOL_FILE);
    this.pendingCount = pending;
  }

  /** The spool of `dir`, counting the entries a previous run left there. */
  static async open(dir: string, log: pino.Logger): Promise<AuditSpool> {
    return new AuditSpool(dir, linesOf(await readText(join(dir, AUDIT_SPOOL_FILE))).length, log);
  }

  get pending(): number {
    return this.pendingCount;
  }

  state(): AuditSpoolState {
    return { pending: this.pendingCount, lost: this.lostCount, refusing: this.refusing };
  }

  /** Records how the last write to the trail went (the queue calls it after every attempt). */
  noteWrite(ok: boolean): void {
    this.refusing = !ok;
  }

  /** Counts entries that could not be spooled either (reported by the health check). */
  noteLost(count: number): void {
    this.lostCount += count;
  }

  /** Appends entries at the end of the spool, durably (fsync), stamped as spooled at `at`. */
  async append(entries: readonly (NewAuditEntry & { entryId: string })[], at: Date): Promise<void> {
    if (entries.length === 0) return;
    await appendDurably(this.dir, this.file, entries.map((e) => `${lineOf(e, at)}\n`).join(''));
    this.pendingCount += entries.length;
  }

  /**
   * The spooled entries in order. A line that cannot be read back (cut short by a crash or a full
   * disk, or edited) is logged and not replayed; {@link clear} moves it to
   * audit-spool.invalid.jsonl for a person to look at rather than deleting it.
   */
  async read(): Promise<SpooledEntry[]> {
    const lines = linesOf(await readText(this.file));
    const entries: SpooledEntry[] = [];
    this.invalid = [];
    lines.forEach((line, i) => {
      const parsed = parseSpoolLine(line);
      if (typeof parsed !== 'string') entries.push(parsed);
      else {
        this.log.error({ file: this.file, line: i + 1, reason: parsed }, 'audit spool line unreadable: not replayed, kept in audit-spool.invalid.jsonl');
        this.invalid.push(line);
      }
    });
    return entries;
  }

  /**
   * Keeps a read entry that the database refuses for its content aside: {@link clear} writes it to
   * audit-spool.invalid.jsonl with the reason, instead of deleting it. Logged at error level.
   */
  putAside(spooled: SpooledEntry, reason: string): void {
    const { entry, spooledAt } = spooled;
    this.log.error(
      { entryId: entry.entryId, action: entry.action, reason, file: this.file },
      'audit spool entry refused by the database: kept in audit-spool.invalid.jsonl, recorded in the chain as audit.spool.rejected',
    );
    this.invalid.push(JSON.stringify({ v: FORMAT, spooledAt: spooledAt.toISOString(), entry, putAside: { reason } }));
  }

  /** Empties the spool once the entries {@link read} gave are in the chain. */
  async clear(): Promise<void> {
    if (this.invalid.length) {
      await appendDurably(this.dir, join(this.dir, AUDIT_SPOOL_INVALID_FILE), this.invalid.map((l) => `${l}\n`).join(''));
      this.invalid = [];
    }
    await rm(this.file, { force: true });
    await syncDir(this.dir);
    this.pendingCount = 0;
  }
}
