import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addKey, dataDirKeyringFile, keyIdOf, keyringTarget, loadKeyring, parseKeyring, removeKey, saveKeyring, serializeKeyring, singleKeyring } from './keyring';
import { loadMasterKey } from './master-key';

describe('keyring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pubcredit-keyring-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = new Date('2025-03-01T00:00:00Z');

  it('derives one id per key, 8 hex digits', () => {
    const key = randomBytes(32);
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyIdOf(Buffer.from(key))).toBe(keyIdOf(key));
    expect(keyIdOf(randomBytes(32))).not.toBe(keyIdOf(key));
  });

  it('round-trips through its file format, root first, new key current', () => {
    const root = randomBytes(32);
    const { ring, added } = addKey(singleKeyring(root), now);
    expect(ring.entries.map((e) => e.id)).toEqual([keyIdOf(root), added.id]);
    expect(ring.current).toBe(added.id);
    expect(parseKeyring(serializeKeyring(ring), 'x')).toEqual(ring);
  });

  it.each([
    ['not JSON', 'nope', /不是 JSON/],
    ['wrong format', '{"format":"x","current":"a","keys":[]}', /format/],
    ['short key', JSON.stringify({ format: 'pubcredit-keyring/1', current: 'a', keys: [{ id: 'a', key: 'c2hvcnQ=' }] }), /32 字节/],
    ['id not the key’s', JSON.stringify({ format: 'pubcredit-keyring/1', current: 'a', keys: [{ id: 'a', key: randomBytes(32).toString('base64') }] }), /id 应为/],
  ])('refuses a keyring file: %s', (_case, text, message) => {
    expect(() => parseKeyring(text, 'k.json')).toThrow(message);
  });

  it('loads PUBCREDIT_DATA_KEY, a single-key file, a keyring file, and the data directory’s keyring before master.key', () => {
    const key = randomBytes(32);
    expect(loadKeyring({ base64: key.toString('base64') })).toEqual(singleKeyring(key));
    const single = join(dir, 'single.key');
    writeFileSync(single, key);
    expect(loadKeyring({ file: single })).toEqual(singleKeyring(key));

    const dataDir = join(dir, 'data');
    const master = loadMasterKey({ dataDir });
    expect(loadKeyring({ dataDir })).toEqual(singleKeyring(master));
    const { ring } = addKey(loadKeyring({ dataDir }), now);
    const target = keyringTarget({ dataDir });
    expect(target).toBe(dataDirKeyringFile(dataDir));
    saveKeyring(target, ring);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(loadKeyring({ dataDir })).toEqual(ring);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ format: 'pubcredit-keyring/1', current: ring.current });
  });

  it('will not rewrite an environment variable, nor remove the root or the current key', () => {
    expect(() => keyringTarget({ base64: randomBytes(32).toString('base64') })).toThrow(/--key-file/);
    expect(keyringTarget({ base64: 'x' }, '/etc/k.json')).toBe('/etc/k.json');
    const root = singleKeyring(randomBytes(32));
    const { ring: two } = addKey(root, now);
    const { ring: three, added } = addKey(two, now);
    expect(() => removeKey(three, root.current)).toThrow(/根密钥/);
    expect(() => removeKey(three, added.id)).toThrow(/当前密钥/);
    expect(removeKey(three, two.current).entries.map((e) => e.id)).toEqual([root.current, added.id]);
  });
});
