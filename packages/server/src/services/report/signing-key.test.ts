import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MasterKeyError } from '../../crypto/master-key';
import { canonicalJson, contentHashOf } from './canonical-json';
import { REPORT_NO_PATTERN, newReportNo } from './report-number';
import { dataDirSigningKeyFile, generateSigningKey, loadRetiredKeys, loadSigningKey, signHash, verifyHash } from './signing-key';

const dir = mkdtempSync(join(tmpdir(), 'pubcredit-signing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report signing key', () => {
  it('is generated once beside the embedded engine’s keys (mode 0600) and read back the same', () => {
    const first = loadSigningKey({ dataDir: dir });
    const file = dataDirSigningKeyFile(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    const again = loadSigningKey({ dataDir: dir });
    expect(again.keyId).toBe(first.keyId);
    expect(again.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('PUBCREDIT_SIGNING_KEY_FILE wins; a non-Ed25519 or unreadable file is refused in Chinese', () => {
    const key = generateSigningKey();
    const file = join(dir, 'signing.pem');
    writeFileSync(file, key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(loadSigningKey({ file, dataDir: dir }).keyId).toBe(key.keyId);
    const bad = join(dir, 'bad.pem');
    writeFileSync(bad, 'not a key');
    expect(() => loadSigningKey({ file: bad })).toThrow(MasterKeyError);
    expect(() => loadSigningKey({ file: join(dir, 'missing.pem') })).toThrow(/无法读取报告签名密钥文件/);
  });

  it('on the server engine without a file it is derived from the root key: the same for every process', () => {
    const root = randomBytes(32);
    expect(loadSigningKey({ rootKey: root }).keyId).toBe(loadSigningKey({ rootKey: Buffer.from(root) }).keyId);
    expect(loadSigningKey({ rootKey: randomBytes(32) }).keyId).not.toBe(loadSigningKey({ rootKey: root }).keyId);
    expect(() => loadSigningKey({})).toThrow(/PUBCREDIT_SIGNING_KEY_FILE/);
  });

  it('reads retired keys from public or private PEM blocks, keeps only the public halves, and verifies with them', () => {
    const [a, b] = [generateSigningKey(), generateSigningKey()];
    const file = join(dir, 'retired.pem');
    writeFileSync(file, `# retired 2026-11\n${a.publicKeyPem}\n${String(b.privateKey.export({ type: 'pkcs8', format: 'pem' }))}`);
    const retired = loadRetiredKeys(file);
    expect(retired.map((k) => k.keyId)).toEqual([a.keyId, b.keyId]);
    expect(retired.every((k) => !('privateKey' in k))).toBe(true);
    const hash = contentHashOf({ n: 1 });
    expect(verifyHash(retired[1]!, hash, signHash(b, hash))).toBe(true);
    expect(verifyHash(retired[0]!, hash, signHash(b, hash))).toBe(false);
    expect(loadRetiredKeys(undefined)).toEqual([]);
    writeFileSync(join(dir, 'empty.pem'), 'nothing here');
    expect(() => loadRetiredKeys(join(dir, 'empty.pem'))).toThrow(/没有 PEM 格式的密钥/);
    expect(() => loadRetiredKeys(join(dir, 'none.pem'))).toThrow(/无法读取已停用的报告签名密钥文件/);
    writeFileSync(join(dir, 'garbled.pem'), '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
    expect(() => loadRetiredKeys(join(dir, 'garbled.pem'))).toThrow(/第 1 个密钥无法解析/);
  });

  it('signs a content hash; another hash, key or a malformed signature does not verify', () => {
    const key = generateSigningKey();
    const hash = contentHashOf({ a: 1 });
    const sig = signHash(key, hash);
    expect(verifyHash(key, hash, sig)).toBe(true);
    expect(verifyHash(key, contentHashOf({ a: 2 }), sig)).toBe(false);
    expect(verifyHash(generateSigningKey(), hash, sig)).toBe(false);
    expect(verifyHash(key, hash, 'AAAA')).toBe(false);
  });
});

describe('canonical JSON and content hash', () => {
  it('sorts keys at every depth, drops undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: '平顶山' }, true], u: undefined })).toBe('{"a":[{"c":"平顶山","d":null},true],"b":1}');
    expect(contentHashOf({ x: 1, y: 2 })).toBe(contentHashOf({ y: 2, x: 1 }));
  });

  it('hashes with SM3 (GB/T 32905 test vector "abc")', async () => {
    const { createHash } = await import('node:crypto');
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(contentHashOf('abc')).toBe(createHash('sm3').update('"abc"').digest('hex'));
  });
});

describe('report numbers', () => {
  it('carry the Beijing issue date and 8 random Crockford base32 digits', () => {
    const no = newReportNo(new Date('2026-11-29T17:00:00Z'));
    expect(no).toMatch(REPORT_NO_PATTERN);
    expect(no.startsWith('PDS-20261130-')).toBe(true);
    const many = new Set(Array.from({ length: 1000 }, () => newReportNo(new Date())));
    expect(many.size).toBe(1000);
  });
});
