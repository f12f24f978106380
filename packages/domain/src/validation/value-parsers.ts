// Parsers for values already trimmed and half-width: they return the canonical form or null.
// They run for every imported row, so the common spellings (2024-09-30, 0.2, 01;03) take char-code
// fast paths; the regular expressions handle everything else.

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DOTS = /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/; // 2024.9.30, as Chinese documents write dates
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
// Database exports often append a midnight time to dates; the time is dropped.
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isDigit = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;
/** Value of the two digits at `i` (callers have checked they are digits). */
const twoDigits = (s: string, i: number): number => (s.charCodeAt(i) - 0x30) * 10 + s.charCodeAt(i + 1) - 0x30;

/** Is (y, m, d) a real day of the Gregorian calendar? */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  return d <= days;
}

/** Is `s` exactly `\d{4}-\d{2}-\d{2}`? Such a string is already canonical when it is a real day. */
function isIsoShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Parses YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or YYYY年M月D日 to YYYY-MM-DD; null if malformed or impossible.
 * @example parseDateValue('2024年9月30日') // '2024-09-30'
 */
export function parseDateValue(s: string): string | null {
  if (isIsoShape(s)) {
    const y = twoDigits(s, 0) * 100 + twoDigits(s, 2);
    return isCalendarDate(y, twoDigits(s, 5), twoDigits(s, 8)) ? s : null;
  }
  const v = s.replace(TIME_SUFFIX, '');
  const m = ISO.exec(v) ?? SLASH.exec(v) ?? DOTS.exec(v) ?? COMPACT.exec(v) ?? CHINESE.exec(v);
  if (!m) return null;
  const [, ys = '', ms = '', ds = ''] = m;
  if (!isCalendarDate(Number(ys), Number(ms), Number(ds))) return null;
  return `${ys}-${ms.padStart(2, '0')}-${ds.padStart(2, '0')}`;
}

/** Result of {@link parseDecimalValue}. */
export type DecimalParse = { ok: true; value: string } | { ok: false; reason: 'invalid' | 'negative' };

/** Is `s` `\d+(\.\d*)?` (no sign, no leading dot)? Such a string is its own canonical form. */
function isPlainDecimal(s: string): boolean {
  if (s.length === 0 || !isDigit(s.charCodeAt(0))) return false;
  let dot = false;
  for (let i = 1; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    if (isDigit(cp)) continue;
    if (cp !== 0x2e || dot) return false;
    dot = true;
  }
  return true;
}

/**
 * Parses a non-negative decimal kept as a string (no float rounding of 万元 amounts).
 * @example parseDecimalValue('+0.20') // { ok: true, value: '0.20' }
 */
export function parseDecimalValue(s: string): DecimalParse {
  if (isPlainDecimal(s)) return { ok: true, value: s };
  if (!DECIMAL.test(s)) return { ok: false, reason: 'invalid' };
  if (s.startsWith('-') && /[1-9]/.test(s)) return { ok: false, reason: 'negative' };
  const unsigned = s.replace(/^[+-]/, '');
  return { ok: true, value: unsigned.startsWith('.') ? `0${unsigned}` : unsigned };
}

/** Separators of enum_list values: ; ； 、 , ， (full-width ones are half-width by now, kept for safety). */
const isListSeparator = (cp: number): boolean =>
  cp === 0x3b /* ; */ || cp === 0xff1b /* ； */ || cp === 0x3001 /* 、 */ || cp === 0x2c /* , */ || cp === 0xff0c; /* ， */

/**
 * Splits an enum_list value on ; ； 、 , ， and drops empty parts.
 * @example splitEnumList('警告、罚款；没收违法所得') // ['警告', '罚款', '没收违法所得']
 */
export function splitEnumList(s: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !isListSeparator(s.charCodeAt(i))) continue;
    const part = s.slice(start, i).trim();
    if (part !== '') parts.push(part);
    start = i + 1;
  }
  return parts;
}
