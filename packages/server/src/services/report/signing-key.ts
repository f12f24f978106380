import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MasterKeyError } from '../../crypto/master-key';

// The Ed25519 key that signs credit reports (docs/decisions/0014-signed-credit-reports.md). Only
// its public half leaves the platform (GET /reports/signing-key), so a bank can verify offline.

/** The platform's report-signing key pair. */
export interface SigningKey {
  /** 16 hex digits of the SHA-256 of the public key (SPKI DER): one key, one id, wherever it is configured. */
  keyId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A key that verifies reports only: a retired signing key's public half. */
export type VerifyKey = Pick<SigningKey, 'keyId' | 'publicKeyPem' | 'publicKey'>;

function verifyKeyOf(publicKey: KeyObject, origin: string): VerifyKey {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new MasterKeyError(`${origin} 含有非 Ed25519 的公钥（retired report keys must be Ed25519）`);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKey,
  };
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * The retired report-signing keys (PUBCREDIT_SIGNING_RETIRED_KEYS): a file of PEM blocks, public
 * (SPKI) or private (PKCS#8) halves of keys that signed reports before a rotation, so the reports
 * they signed still verify. Only public halves are kept.
 */
export function loadRetiredKeys(file: string | undefined): VerifyKey[] {
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new MasterKeyError(`无法读取已停用的报告签名密钥文件 ${file}（cannot read PUBCREDIT_SIGNING_RETIRED_KEYS）`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new MasterKeyError(`已停用的报告签名密钥文件 ${file} 中没有 PEM 格式的密钥`);
  return blocks.map((pem, i) => {
    try {
      return verifyKeyOf(createPublicKey(pem), file);
    } catch (err) {
      if (err instanceof MasterKeyError) throw err;
      throw new MasterKeyError(`已停用的报告签名密钥文件 ${file} 的第 ${i + 1} 个密钥无法解析`);
    }
  });
}

/** Where the signing key comes from; see {@link loadSigningKey}. */
export interface SigningKeySource {
  /** PEM (PKCS#8) of an Ed25519 private key (env PUBCREDIT_SIGNING_KEY_FILE). */
  file?: string;
  /** Embedded engine: `<dataDir>/secrets/report-signing.pem`, created on first use. */
  dataDir?: string;
  /** Server engine without a file: the keyring's root key, the seed is derived from it (HKDF). */
  rootKey?: Buffer;
}

// PKCS#8 DER header of an Ed25519 private key (RFC 8410), followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function fromPrivateKey(privateKey: KeyObject, origin: string): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new MasterKeyError(`${origin} 不是 Ed25519 私钥（the report signing key must be Ed25519）`);
  }
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey,
    publicKey,
  };
}

function readPem(file: string): SigningKey {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new MasterKeyError(`无法读取报告签名密钥文件 ${file}（cannot read the report signing key file）`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new MasterKeyError(`报告签名密钥文件 ${file} 不是 PEM 格式的私钥（PKCS#8）`);
  }
  return fromPrivateKey(key, file);
}

/** A key from a 32-byte seed (deterministic). */
export function signingKeyFromSeed(seed: Buffer): SigningKey {
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return fromPrivateKey(key, 'seed');
}

/** A fresh random key (tests, contexts built without configuration). */
export function generateSigningKey(): SigningKey {
  return fromPrivateKey(generateKeyPairSync('ed25519').privateKey, 'generated');
}

/** `<dataDir>/secrets/report-signing.pem`, beside the embedded engine's master key. */
export function dataDirSigningKeyFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'report-signing.pem');
}

/**
 * The report-signing key: PUBCREDIT_SIGNING_KEY_FILE, else on the embedded engine
 * `<dataDir>/secrets/report-signing.pem` (created with mode 0600 on first use, like master.key),
 * else derived from the keyring's root key, so every server process of a deployment signs with the
 * same key without another secret to distribute.
 */
export function loadSigningKey(source: SigningKeySource): SigningKey {
  if (source.file) return readPem(source.file);
  if (source.dataDir) {
    const file = dataDirSigningKeyFile(source.dataDir);
    if (existsSync(file)) return readPem(file);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const generated = generateSigningKey();
    try {
      // 'wx': never overwrite a key another process created meanwhile.
      writeFileSync(file, generated.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readPem(file);
      throw err;
    }
    return generated;
  }
  if (source.rootKey) return signingKeyFromSeed(Buffer.from(hkdfSync('sha256', source.rootKey, Buffer.alloc(0), 'pubcredit/v1/report-signing-ed25519', 32)));
  throw new MasterKeyError('没有报告签名密钥：请设置 PUBCREDIT_SIGNING_KEY_FILE（no report signing key configured）');
}

/** base64 Ed25519 signature over the UTF-8 of the content hash (hex). */
export function signHash(key: SigningKey, contentHash: string): string {
  return sign(null, Buffer.from(contentHash, 'utf8'), key.privateKey).toString('base64');
}

/** Whether the signature (base64) is the key's over the content hash; false on any malformed input. */
export function verifyHash(key: VerifyKey, contentHash: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(contentHash, 'utf8'), key.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
