import { createCipheriv, createDecipheriv, createHmac, hash as oneShotHash, hkdfSync, randomBytes } from 'node:crypto';

/** Encryption of personal fields at rest and keyed hashing for look-ups, from one master key. */
export interface DataKeys {
  /** AES-256-GCM, random 12-byte IV; returns `v1:<base64 iv|tag|ct>`. */
  encrypt(plain: string): string;
  /** Reverses {@link DataKeys.encrypt}; throws on a tampered or foreign cipher text. */
  decrypt(cipher: string): string;
  /** HMAC-SM3 (国密 SM3) hex of the value: stable for one master key, useless without it. */
  hash(value: string): string;
  /**
   * A keyed SHA-256 fingerprint for change detection (content hashes of rows that may hold personal
   * data): cheaper than an HMAC per row, and as useless as one to anyone without the master key.
   */
  fingerprint(value: string): string;
}

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MASTER_KEY_BYTES = 32;

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

/**
 * Derives the encryption and hashing keys from a 32-byte master key with HKDF-SHA256.
 * @example createDataKeys(randomBytes(32)).decrypt(keys.encrypt('x')) // 'x'
 */
export function createDataKeys(master: Buffer): DataKeys {
  if (master.length !== MASTER_KEY_BYTES) {
    throw new Error(`master key must be ${MASTER_KEY_BYTES} bytes, got ${master.length}`);
  }
  // Separate keys per purpose so a leak of one use cannot be replayed against the other.
  const encKey = derive(master, 'pubcredit/v1/aes-256-gcm');
  const hashKey = derive(master, 'pubcredit/v1/hmac-sm3');
  const fingerprintSalt = derive(master, 'pubcredit/v1/fingerprint').toString('hex');

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    decrypt(text) {
      if (!text.startsWith(PREFIX)) throw new Error('unknown cipher text version');
      const raw = Buffer.from(text.slice(PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('cipher text too short');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
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
