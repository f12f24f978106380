import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the master key comes from; see {@link loadMasterKey}. */
export interface MasterKeySource {
  /** base64 of 32 bytes (env PUBCREDIT_DATA_KEY) */
  base64?: string;
  /** a file holding the base64 key or 32 raw bytes (env PUBCREDIT_KEY_FILE) */
  file?: string;
  /** embedded engine only: `<dataDir>/secrets/master.key`, created on first start */
  dataDir?: string;
}

/** A command that prints a new master key with nothing but Node (what the README asks for). */
export const GENERATE_KEY = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
}

function decode(text: string, origin: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new MasterKeyError(`${origin} 不是 32 字节密钥的 base64 编码（${origin} must be base64 of 32 bytes）`);
  }
  return key;
}

function readKeyFile(file: string): Buffer {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    throw new MasterKeyError(`无法读取主密钥文件 ${file}（cannot read master key file）`);
  }
  return raw.length === 32 ? raw : decode(raw.toString('utf8'), file);
}

/**
 * Returns the 32-byte master key: env base64, else the key file, else (embedded engine)
 * `<dataDir>/secrets/master.key`, created with mode 0600 on first start.
 */
export function loadMasterKey(source: MasterKeySource): Buffer {
  if (source.base64) return decode(source.base64, 'PUBCREDIT_DATA_KEY');
  if (source.file) return readKeyFile(source.file);
  if (!source.dataDir) {
    throw new MasterKeyError(
      '使用 DATABASE_URL 时必须设置 PUBCREDIT_DATA_KEY 或 PUBCREDIT_KEY_FILE（a master key is required with DATABASE_URL）。' +
        `首次部署可这样生成：${GENERATE_KEY}，并妥善备份：丢失后已加密的身份证号无法解密`,
    );
  }
  const file = join(source.dataDir, 'secrets', 'master.key');
  if (existsSync(file)) return readKeyFile(file);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    // 'wx': never overwrite a key another process created meanwhile.
    writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file);
    throw err;
  }
  return key;
}
