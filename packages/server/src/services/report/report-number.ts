import { randomBytes } from 'node:crypto';
import { beijingToday } from '../publicity/today';

// Crockford base32 without I, L, O, U: readable aloud and over the phone, no 0/O or 1/I confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Report numbers: PDS (平顶山) - issue date (Beijing) - 8 random base32 digits (40 bits). */
export const REPORT_NO_PATTERN = /^PDS-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A new report number: readable, and unguessable (40 random bits), so numbers cannot be enumerated
 * to learn who asked for reports.
 * @example newReportNo(new Date('2026-11-29T02:00:00Z')) // 'PDS-20261129-7K3M9QXA'
 */
export function newReportNo(now: Date): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let random = '';
  for (let i = 0; i < 8; i++) random = ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)] + random;
  return `PDS-${beijingToday(now).replaceAll('-', '')}-${random}`;
}
