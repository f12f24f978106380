import { Secret, TOTP } from 'otpauth';

// RFC 6238: SHA-1, 6 digits, 30-second steps — what every authenticator app reads from the URI.
const PERIOD_S = 30;
/** Steps either side of now that are still accepted: phone clocks drift. */
const WINDOW = 1;
const ISSUER = 'PubCredit';

function totpFor(secretBase32: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit secret (base32) and the otpauth:// URI an authenticator app scans as a QR code. */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, username).toString() };
}

/**
 * The 30-second step the code belongs to (within ±1 step of `now`), or null when it matches none.
 * The caller stores the step so the same code is never accepted twice.
 */
export function matchTotp(secretBase32: string, username: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totpFor(secretBase32, username).validate({ token, timestamp, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(timestamp / 1000 / PERIOD_S) + delta;
}

/** The code of a secret at a time (tests and the CLI's self-check). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: at.getTime() });
}
