// Spreadsheets filled in on Chinese input methods often carry full-width digits, letters and
// the ideographic space (U+3000); every parser normalises through these helpers first.

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0; // U+FF01 - U+0021
const IDEOGRAPHIC_SPACE = 0x3000;

const HAS_WIDE = /[\u3000\uff01-\uff5e]/;
const PLAIN_CODE = /^[0-9A-Z]*$/;

/**
 * Converts full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
 * @example toHalfWidth('９１４１０４０２ＭＡ') // '91410402MA'
 */
export function toHalfWidth(s: string): string {
  if (!HAS_WIDE.test(s)) return s; // the common case: nothing to convert
  let out = '';
  let copied = 0; // s[0, copied) is in `out`
  for (let i = 0; i < s.length; i++) {
    // UTF-16 units suffice: both ranges are in the BMP, and surrogates are copied through untouched.
    const cp = s.charCodeAt(i);
    const half = cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END ? cp - FULL_TO_HALF_OFFSET : cp === IDEOGRAPHIC_SPACE ? 0x20 : -1;
    if (half < 0) continue;
    out += s.slice(copied, i) + String.fromCharCode(half);
    copied = i + 1;
  }
  return out + s.slice(copied);
}

/**
 * Normalises a code (统一社会信用代码, 证件号码…): trim, half-width, upper-case, no whitespace inside.
 * @example normalizeCode(' ９１４１ ０４０２ｍａ ') // '91410402MA'
 */
export function normalizeCode(s: string): string {
  if (PLAIN_CODE.test(s)) return s;
  return (s.length <= 64 ? asciiCode(s) : undefined) ?? toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
}

/**
 * {@link normalizeCode} in one pass for a code typed in ASCII or full-width ASCII (the usual case with a
 * Chinese input method); undefined when any other character needs the general Unicode rules.
 */
function asciiCode(s: string): string | undefined {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END) cp -= FULL_TO_HALF_OFFSET;
    else if (cp === IDEOGRAPHIC_SPACE) continue; // a space once half-width: dropped
    else if (cp > 0x7f) return undefined;
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) continue; // the ASCII part of \s
    out.push(cp >= 0x61 && cp <= 0x7a ? cp - 0x20 : cp);
  }
  return String.fromCharCode(...out);
}

/**
 * Normalises free text (names, reasons): trims the ends and keeps the content exactly.
 * @example normalizeText('  平顶山市　某某公司 ') // '平顶山市　某某公司'
 */
export function normalizeText(s: string): string {
  // String.prototype.trim also strips U+3000 and other Unicode spaces at the ends.
  return s.trim();
}

/**
 * Normalises a number as typed: trim, half-width, thousands separators removed.
 * @example normalizeNumber('１２，３４５．６') // '12345.6'
 */
export function normalizeNumber(s: string): string {
  return toHalfWidth(s).trim().replace(/,/g, '');
}

/**
 * Normalises a column header for matching: trim, half-width, no spaces inside, ASCII upper-cased.
 * @example normalizeHeader(' 行政相对人代码＿1 （ｕｓｃｃ）') // '行政相对人代码_1(USCC)'
 */
export function normalizeHeader(s: string): string {
  // toUpperCase only changes cased letters; CJK characters are uncased and stay as they are.
  return toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
}

/**
 * True when `s` is printable ASCII without spaces or lower-case letters: half-width conversion,
 * trimming and upper-casing all leave it unchanged (the fast path of per-row normalisation).
 * @example isNormalAscii('2024-09-30') // true
 */
export function isNormalAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    if (cp <= 0x20 || cp >= 0x7f || (cp >= 0x61 && cp <= 0x7a)) return false;
  }
  return true;
}

/**
 * Counts characters as `[...s].length` does (a surrogate pair is one character), without the array.
 * @example countChars('𠀀号') // 2
 */
export function countChars(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
