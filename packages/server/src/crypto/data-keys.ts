import { createCipheriv, createDecipheriv, createHmac, hash as oneShotHash, hkdfSync, randomBytes } from 'node:crypto';
import { singleKeyring } from './keyring';
import type { Keyring } from './keyring';

/** Encryption of personal fields at rest and keyed hashing for look-ups, from a keyring. */
export interface DataKeys {
  /**
   * AES-256-GCM under the current key, random 12-byte IV: `v1:<base64 iv|tag|ct>` when the current
   * key is the root, else `v2:<key id>:<base64 iv|tag|ct>`.
   */
  encrypt(plain: string): string;
  /** Reverses {@link DataKeys.encrypt} with whichever key of the ring made it; throws on a tampered or foreign cipher text. */
  decrypt(cipher: string): string;
  /** HMAC-SM3 (国密 SM3) hex of the value: stable for one root key, useless without it. */
  hash(value: string): string;
  /**
   * A keyed SHA-256 fingerprint for change detection (content hashes of rows that may hold personal
   * data): cheaper than an HMAC per row, and as useless as one to anyone without the root key.
   */
  fingerprint(value: string): string;
  /** Id of the key new cipher texts are made with. */
  readonly currentKeyId: string;
  /** Every cipher text made with the current key starts with this (`v1:` or `v2:<id>:`). */
  readonly currentPrefix: string;
  /** Ids of the keyring, the root first. */
  readonly keyIds: readonly string[];
  /** The id of the key a cipher text names; throws on an unknown format. */
  keyIdOf(cipher: string): string;
}

const V1 = 'v1:';
const V2 = /^v2:([0-9a-f]{8}):/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MASTER_KEY_BYTES = 32;
/** IVs are cut from a buffer of random bytes refilled this many at a time (one randomBytes call per value cost ≈ 4 µs). */
const IV_POOL_BYTES = IV_BYTES * 1024;

/** Fresh random IVs, drawn from the CSPRNG in bulk; each IV is used once. */
function ivSource(): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + IV_BYTES > pool.length) {
      pool = randomBytes(IV_POOL_BYTES);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_BYTES);
    offset += IV_BYTES;
    return iv;
  };
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

/**
 * Derives the encryption keys of every key of the ring, and the hashing key and fingerprint salt
 * of its root, with HKDF-SHA256. A single 32-byte master key is a ring of one.
 * @example createDataKeys(randomBytes(32)).decrypt(keys.encrypt('x')) // 'x'
 */
export function createDataKeys(source: Buffer | Keyring): DataKeys {
  const ring = Buffer.isBuffer(source) ? singleKeyring(checkLength(source)) : source;
  const root = ring.entries[0];
  if (!root) throw new Error('keyring has no key');
  // Separate keys per purpose so a leak of one use cannot be replayed against the other.
  const encKeys = new Map(ring.entries.map((e) => [e.id, derive(checkLength(e.key), 'pubcredit/v1/aes-256-gcm')]));
  const hashKey = derive(root.key, 'pubcredit/v1/hmac-sm3');
  const fingerprintSalt = derive(root.key, 'pubcredit/v1/fingerprint').toString('hex');
  const currentKey = encKeys.get(ring.current);
  if (!currentKey) throw new Error(`keyring has no current key ${ring.current}`);
  const currentIsRoot = ring.current === root.id;
  const currentPrefix = currentIsRoot ? V1 : `v2:${ring.current}:`;
  const currentAad = Buffer.from(currentPrefix);
  const nextIv = ivSource();

  function keyIdOf(text: string): string {
    if (text.startsWith(V1)) return root?.id ?? '';
    const match = V2.exec(text);
    if (!match?.[1]) throw new Error('unknown cipher text version');
    return match[1];
  }

  return {
    currentKeyId: ring.current,
    currentPrefix,
    keyIds: ring.entries.map((e) => e.id),
    keyIdOf,
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      // v2 binds the key id to the cipher text (AAD): relabelling it fails authentication.
      if (!currentIsRoot) cipher.setAAD(currentAad);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return currentPrefix + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    decrypt(text) {
      const id = keyIdOf(text);
      const key = encKeys.get(id);
      if (!key) throw new Error(`cipher text made with key ${id}, which is not in the keyring`);
      const prefix = text.startsWith(V1) ? V1 : `v2:${id}:`;
      const raw = Buffer.from(text.slice(prefix.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('cipher text too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      if (prefix !== V1) decipher.setAAD(Buffer.from(prefix));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    hash(value) {
      return createHmac('sm3', hashKey).update(value, 'utf8').digest('hex');
    },
    fingerprint(value) {
      // Prefix-keyed SHA-256: length extension is harmless for a value only ever compared.
      return oneShotHash('sha256', fingerprintSalt + value, 'hex');
    },
  };
}

function checkLength(master: Buffer): Buffer {
  if (master.length !== MASTER_KEY_BYTES) throw new Error(`master key must be ${MASTER_KEY_BYTES} bytes, got ${master.length}`);
  return master;
}
