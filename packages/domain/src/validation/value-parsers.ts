// Parsers for values already trimmed and half-width: they return the canonical form or null.

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
// Database exports often append a midnight time to dates; the time is dropped.
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Separators of enum_list values: ; ； 、 , ， (full-width ones are half-width by now, kept for safety). */
const LIST_SEPARATORS = /[;；、,，]/;

/** Is (y, m, d) a real day of the Gregorian calendar? */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/**
 * Parses YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or YYYY年M月D日 to YYYY-MM-DD; null if malformed or impossible.
 * @example parseDateValue('2024年9月30日') // '2024-09-30'
 */
export function parseDateValue(s: string): string | null {
  const v = s.replace(TIME_SUFFIX, '');
  const m = ISO.exec(v) ?? SLASH.exec(v) ?? COMPACT.exec(v) ?? CHINESE.exec(v);
  if (!m) return null;
  const [, ys = '', ms = '', ds = ''] = m;
  if (!isCalendarDate(Number(ys), Number(ms), Number(ds))) return null;
  return `${ys}-${ms.padStart(2, '0')}-${ds.padStart(2, '0')}`;
}

/** Result of {@link parseDecimalValue}. */
export type DecimalParse = { ok: true; value: string } | { ok: false; reason: 'invalid' | 'negative' };

/**
 * Parses a non-negative decimal kept as a string (no float rounding of 万元 amounts).
 * @example parseDecimalValue('+0.20') // { ok: true, value: '0.20' }
 */
export function parseDecimalValue(s: string): DecimalParse {
  if (!DECIMAL.test(s)) return { ok: false, reason: 'invalid' };
  if (s.startsWith('-') && /[1-9]/.test(s)) return { ok: false, reason: 'negative' };
  const unsigned = s.replace(/^[+-]/, '');
  return { ok: true, value: unsigned.startsWith('.') ? `0${unsigned}` : unsigned };
}

/**
 * Splits an enum_list value on ; ； 、 , ， and drops empty parts.
 * @example splitEnumList('警告、罚款；没收违法所得') // ['警告', '罚款', '没收违法所得']
 */
export function splitEnumList(s: string): string[] {
  return s
    .split(LIST_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
