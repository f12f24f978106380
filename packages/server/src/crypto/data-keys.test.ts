import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataKeys } from './data-keys';
import { addKey, keyIdOf, singleKeyring } from './keyring';
import { loadMasterKey } from './master-key';

const keys = createDataKeys(randomBytes(32));

describe('data keys', () => {
  it('encrypts and decrypts a Chinese text (round trip)', () => {
    const cipher = keys.encrypt('410402199001011230 张三');
    expect(cipher).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(cipher).not.toContain('410402');
    expect(keys.decrypt(cipher)).toBe('410402199001011230 张三');
  });

  it('uses a fresh IV for each encryption', () => {
    expect(keys.encrypt('same')).not.toBe(keys.encrypt('same'));
  });

  it('refuses a tampered cipher text', () => {
    const raw = Buffer.from(keys.encrypt('secret').slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => keys.decrypt('v1:' + raw.toString('base64'))).toThrow();
  });

  it('refuses a cipher text of another master key', () => {
    const other = createDataKeys(randomBytes(32));
    expect(() => other.decrypt(keys.encrypt('secret'))).toThrow();
  });

  it('hashes stably (HMAC-SM3 hex) and depends on the key', () => {
    const h = keys.hash('410402199001011230');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.hash('410402199001011230')).toBe(h);
    expect(createDataKeys(randomBytes(32)).hash('410402199001011230')).not.toBe(h);
  });

  it('is deterministic for one master key', () => {
    const master = randomBytes(32);
    const a = createDataKeys(master);
    const b = createDataKeys(Buffer.from(master));
    expect(a.hash('x')).toBe(b.hash('x'));
    expect(b.decrypt(a.encrypt('x'))).toBe('x');
  });
});

describe('master key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pubcredit-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates <dataDir>/secrets/master.key with mode 0600 once, then reuses it', () => {
    const first = loadMasterKey({ dataDir: dir });
    const file = join(dir, 'secrets', 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadMasterKey({ dataDir: dir }).equals(first)).toBe(true);
  });

  it('prefers the env key and refuses a malformed one', () => {
    const key = randomBytes(32);
    expect(loadMasterKey({ base64: key.toString('base64'), dataDir: dir }).equals(key)).toBe(true);
    expect(() => loadMasterKey({ base64: 'c2hvcnQ=' })).toThrow(/32/);
  });

  it('requires a key when there is no data directory (server engine)', () => {
    expect(() => loadMasterKey({})).toThrow(/PUBCREDIT_DATA_KEY/);
  });
});

describe('data keys from a keyring (rotation)', () => {
  const root = randomBytes(32);
  const before = createDataKeys(root);
  const { ring } = addKey(singleKeyring(root), new Date('2025-01-01T00:00:00Z'));
  const after = createDataKeys(ring);

  it('encrypts under the current key, naming it, and still decrypts v1 with the root', () => {
    const old = before.encrypt('410402199001011234');
    const fresh = after.encrypt('410402199001011234');
    expect(fresh.startsWith(`v2:${ring.current}:`)).toBe(true);
    expect(after.currentPrefix).toBe(`v2:${ring.current}:`);
    expect(after.decrypt(old)).toBe('410402199001011234');
    expect(after.decrypt(fresh)).toBe('410402199001011234');
    expect(after.keyIdOf(old)).toBe(keyIdOf(root));
    expect(after.keyIdOf(fresh)).toBe(ring.current);
    // The old ring cannot read what the new key made: servers need the new keyring first.
    expect(() => before.decrypt(fresh)).toThrow(/not in the keyring/);
  });

  it('keeps hashes and fingerprints (derived from the root) unchanged', () => {
    expect(after.hash('410402199001011234')).toBe(before.hash('410402199001011234'));
    expect(after.fingerprint('row')).toBe(before.fingerprint('row'));
  });

  it('refuses a v2 cipher text relabelled with another key id', () => {
    const { ring: three } = addKey(ring, new Date());
    const keys = createDataKeys(three);
    const underSecond = after.encrypt('x');
    const relabelled = underSecond.replace(`v2:${ring.current}:`, `v2:${three.current}:`);
    expect(keys.decrypt(underSecond)).toBe('x');
    expect(() => keys.decrypt(relabelled)).toThrow();
  });
});
