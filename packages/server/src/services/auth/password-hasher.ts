import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH } from '@pubcredit/domain';

// argon2id (the library's default algorithm) with the OWASP minimum: 19 MiB, 2 passes, 1 lane —
// about 30–60 ms on one core here. Parameters are in each PHC string, so raising them later keeps
// old hashes verifiable and they are upgraded at the next login (docs/decisions/0009-argon2-node-rs.md).
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id PHC string of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

const CURRENT_PREFIX = `$argon2id$v=19$m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}$`;

/** Whether a stored hash was made with other parameters (or algorithm) than today's: rehash it at the next login. */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(CURRENT_PREFIX);
}

/** Whether the password matches the PHC string; a malformed hash or an over-long password is a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if ([...password].length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so that answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('PubCredit-unknown-user-0');
  await verifyPassword(await dummyHash, password.slice(0, PASSWORD_MAX_LENGTH));
}

// No look-alikes (0/O, 1/l/I) in a password that is read off a screen and typed once.
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '-_.!@#%+='];

/**
 * A one-time initial password: 16 characters with every kind of character, so it passes the
 * policy whatever the username (a 4-character run of a username is astronomically unlikely and
 * checked by the caller).
 */
export function generatePassword(length = 16): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)] ?? '');
  const all = ALPHABETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)] ?? '');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
