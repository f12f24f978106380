import { DIVISION_REVISIONS, divisionIndex } from './division-data';
import type { DivisionNameSpan } from './division-data';

export type { DivisionNameSpan } from './division-data';

/** Answer of {@link divisionExistedAt}. */
export type Existence = 'yes' | 'no' | 'unknown';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Returns the latest known name of a GB/T 2260 code (any revision 2002 → current), or undefined.
 * @example divisionName('410482') // '汝州市'
 */
export function divisionName(code: string): string | undefined {
  return divisionIndex().get(code)?.names.at(-1)?.name;
}

/**
 * Returns every name a code carried, oldest first, with the revisions it spans.
 * @example divisionHistory('410411') // [{ name: '湛河区', firstRevision: '200212', lastRevision: 'current' }]
 */
export function divisionHistory(code: string): readonly DivisionNameSpan[] {
  return divisionIndex().get(code)?.names ?? [];
}

/**
 * True if the code is in at least one revision (2002-12 … 2016-07 or current).
 * @example isKnownDivision('990426') // false
 */
export function isKnownDivision(code: string): boolean {
  const n = sixDigitValue(code);
  if (n < 0) return divisionIndex().has(code);
  known ??= knownBitmap();
  return ((known[n >> 3] ?? 0) & (1 << (n & 7))) !== 0;
}

// Every USCC and resident ID checked looks its area code up: a bitmap over 000000–999999 (125 KB,
// built on first use) answers without hashing a fresh substring.
let known: Uint8Array | undefined;

function knownBitmap(): Uint8Array {
  const bits = new Uint8Array(1_000_000 / 8);
  for (const code of divisionIndex().keys()) {
    const n = sixDigitValue(code);
    if (n >= 0) bits[n >> 3] = (bits[n >> 3] ?? 0) | (1 << (n & 7));
  }
  return bits;
}

/** The number a 6-digit ASCII string spells, or −1 for anything else. */
function sixDigitValue(code: string): number {
  if (code.length !== 6) return -1;
  let n = 0;
  for (let i = 0; i < 6; i++) {
    const digit = code.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Is revision `i` (bit i of a record's mask) one the code is in? */
function inRevision(mask: number, i: number): boolean {
  return i >= 0 && (mask & (1 << i)) !== 0;
}

/** Index of the latest revision as of `YYYY-MM` (−1 before the first); revisions are in chronological order. */
function revisionAt(month: string): number {
  let at = -1;
  while (at + 1 < DIVISION_REVISIONS.length && (DIVISION_REVISIONS[at + 1]?.asOf ?? '') <= month) at++;
  return at;
}

/**
 * Tells whether a code was in force on an ISO date (`YYYY-MM-DD`), judged by the latest revision ≤ that month.
 * @example divisionExistedAt('410482', '2000-02-29') // 'yes'
 */
export function divisionExistedAt(code: string, isoDate: string): Existence {
  if (!ISO_DATE.test(isoDate)) return 'unknown';
  const record = divisionIndex().get(code);
  if (!record) return 'no';
  const at = revisionAt(isoDate.slice(0, 7));
  const { mask } = record;
  if (at < 0) {
    // Documented limitation: the packages hold no table before 2002-12. A code in 200212 is taken as
    // existing on earlier dates too, so e.g. 110111 房山区 (created 1986) on a 1980 birth date is not
    // detected; a code that only appears later did not exist yet → 'no'.
    return inRevision(mask, 0) ? 'yes' : 'no';
  }
  if (inRevision(mask, at)) return 'yes';
  // Absent at the revision before the date but present at the next one: created somewhere in between
  // (up to seven years for 2016-07 → 2023-06), so the date alone cannot decide.
  if (inRevision(mask, at + 1)) return 'unknown';
  return 'no';
}
