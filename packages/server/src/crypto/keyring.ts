import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MasterKeyError, loadMasterKey } from './master-key';
import type { MasterKeySource } from './master-key';

// A keyring holds every master key cipher texts may still be under: the first (the root) and the
// ones rotation added. New cipher texts use the current one. Keyed hashes and fingerprints always
// derive from the root: natural persons' subject ids are made from the hash (ADR 0002), so a new
// hash key would re-key every per-subject table (docs/decisions/0011-keyring-rotation.md).

export const KEYRING_FORMAT = 'pubcredit-keyring/1';
const KEY_BYTES = 32;

export interface KeyringEntry {
  /** 8 hex digits derived from the key itself, so one key has one id wherever it is configured. */
  id: string;
  key: Buffer;
  /** When `keys add` made it (null for the root taken from a single-key configuration). */
  addedAt: string | null;
}

export interface Keyring {
  /** The root first (hashing, fingerprints, `v1:` cipher texts), then the keys added by rotation. */
  entries: KeyringEntry[];
  /** Id of the key new cipher texts are made with. */
  current: string;
}

/** The file layout of a keyring (JSON, mode 0600). */
interface KeyringFile {
  format: typeof KEYRING_FORMAT;
  current: string;
  keys: { id: string; key: string; addedAt: string | null }[];
}

/**
 * The id of a master key: HKDF-derived, reveals nothing of the key.
 * @example keyIdOf(randomBytes(32)) // 'a1b2c3d4'
 */
export function keyIdOf(key: Buffer): string {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'pubcredit/key-id', 4)).toString('hex');
}

/** A keyring of one key (PUBCREDIT_DATA_KEY, a single-key file, the generated master.key). */
export function singleKeyring(key: Buffer): Keyring {
  const id = keyIdOf(key);
  return { entries: [{ id, key, addedAt: null }], current: id };
}

/** Parses the JSON of a keyring file; throws MasterKeyError naming what is wrong. */
export function parseKeyring(text: string, origin: string): Keyring {
  const bad = (why: string): MasterKeyError => new MasterKeyError(`密钥环文件 ${origin} 无效：${why}（invalid keyring file）`);
  let json: Partial<KeyringFile>;
  try {
    json = JSON.parse(text) as Partial<KeyringFile>;
  } catch {
    throw bad('不是 JSON');
  }
  if (json.format !== KEYRING_FORMAT) throw bad(`format 应为 ${KEYRING_FORMAT}`);
  if (!Array.isArray(json.keys) || json.keys.length === 0) throw bad('keys 应为非空数组');
  const entries = json.keys.map((k, i): KeyringEntry => {
    const key = Buffer.from(typeof k?.key === 'string' ? k.key : '', 'base64');
    if (key.length !== KEY_BYTES) throw bad(`第 ${i + 1} 个密钥不是 32 字节密钥的 base64 编码`);
    const id = keyIdOf(key);
    if (k.id !== id) throw bad(`第 ${i + 1} 个密钥的 id 应为 ${id}（与密钥不符）`);
    return { id, key, addedAt: typeof k.addedAt === 'string' ? k.addedAt : null };
  });
  if (new Set(entries.map((e) => e.id)).size !== entries.length) throw bad('有重复的密钥');
  if (!entries.some((e) => e.id === json.current)) throw bad(`current（${String(json.current)}）不在 keys 中`);
  return { entries, current: json.current ?? '' };
}

export function serializeKeyring(ring: Keyring): string {
  const file: KeyringFile = {
    format: KEYRING_FORMAT,
    current: ring.current,
    keys: ring.entries.map((e) => ({ id: e.id, key: e.key.toString('base64'), addedAt: e.addedAt })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The keyring with a new random key added and made current. */
export function addKey(ring: Keyring, now: Date, key: Buffer = randomBytes(KEY_BYTES)): { ring: Keyring; added: KeyringEntry } {
  const added = { id: keyIdOf(key), key, addedAt: now.toISOString() };
  return { ring: { entries: [...ring.entries, added], current: added.id }, added };
}

/** The keyring without a key that is neither the root nor the current one. */
export function removeKey(ring: Keyring, id: string): Keyring {
  const [root] = ring.entries;
  if (!ring.entries.some((e) => e.id === id)) throw new MasterKeyError(`密钥环中没有密钥 ${id}`);
  if (id === root?.id) throw new MasterKeyError(`密钥 ${id} 是根密钥（检索哈希由它派生），不能移除`);
  if (id === ring.current) throw new MasterKeyError(`密钥 ${id} 是当前密钥，不能移除`);
  return { entries: ring.entries.filter((e) => e.id !== id), current: ring.current };
}

function readKeyringFile(file: string): Keyring {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    throw new MasterKeyError(`无法读取主密钥文件 ${file}（cannot read master key file）`);
  }
  if (raw.length !== KEY_BYTES && raw.toString('utf8').trimStart().startsWith('{')) return parseKeyring(raw.toString('utf8'), file);
  return singleKeyring(loadMasterKey({ file }));
}

/** `<dataDir>/secrets/keyring.json`: the embedded engine's keyring once a key was added. */
export function dataDirKeyringFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'keyring.json');
}

/**
 * The keyring: PUBCREDIT_DATA_KEY (one key), else PUBCREDIT_KEY_FILE (a keyring JSON, or one key
 * as base64 or 32 raw bytes), else on the embedded engine `<dataDir>/secrets/keyring.json`, else
 * `<dataDir>/secrets/master.key` (created on first start).
 */
export function loadKeyring(source: MasterKeySource): Keyring {
  if (source.base64) return singleKeyring(loadMasterKey({ base64: source.base64 }));
  if (source.file) return readKeyringFile(source.file);
  if (source.dataDir && existsSync(dataDirKeyringFile(source.dataDir))) return readKeyringFile(dataDirKeyringFile(source.dataDir));
  return singleKeyring(loadMasterKey(source));
}

/**
 * Where `keys add` writes the keyring: the given file, PUBCREDIT_KEY_FILE, or on the embedded
 * engine `<dataDir>/secrets/keyring.json`. An environment variable cannot be rewritten.
 */
export function keyringTarget(source: MasterKeySource, override?: string): string {
  if (override) return override;
  if (source.base64) {
    throw new MasterKeyError(
      'PUBCREDIT_DATA_KEY 只能容纳一个密钥：请加 --key-file <路径> 把现有密钥和新密钥写入密钥环文件，再改用 PUBCREDIT_KEY_FILE=<路径>（and unset PUBCREDIT_DATA_KEY）',
    );
  }
  if (source.file) return source.file;
  if (source.dataDir) return dataDirKeyringFile(source.dataDir);
  throw new MasterKeyError('没有可写入的密钥环位置：请设置 PUBCREDIT_KEY_FILE 或加 --key-file <路径>');
}

/**
 * Writes the keyring atomically with mode 0600: a temp file beside it, then rename, so a crash
 * leaves the old keyring or the new one, never half of one. Adding a key keeps every earlier one,
 * so nothing is lost; back the file up after every change (docs/operations/key-rotation.md).
 */
export function saveKeyring(file: string, ring: Keyring): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, serializeKeyring(ring), { mode: 0o600, flag: 'wx' });
  try {
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
