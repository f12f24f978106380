import { ApiError } from '../../api/api-client';

/** Error codes with which the login answers "the password is right, now the 动态口令". */
const TOTP_CHALLENGE_CODES = ['TOTP_REQUIRED'];

/** Whether a failed login asks for the second factor rather than refusing the password. */
export function isTotpChallenge(err: unknown): boolean {
  return err instanceof ApiError && TOTP_CHALLENGE_CODES.includes(err.code);
}

/** A TOTP code as typed (spaces and full-width digits allowed) → 6 ASCII digits, or null. */
export function normalizeTotp(input: string): string | null {
  const digits = input.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** A TOTP secret in groups of four, easier to type into an authenticator app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
