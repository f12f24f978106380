// Spreadsheets filled in on Chinese input methods often carry full-width digits, letters and
// the ideographic space (U+3000); every parser normalises through these helpers first.

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0; // U+FF01 - U+0021
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Converts full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
 * @example toHalfWidth('９１４１０４０２ＭＡ') // '91410402MA'
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END) out += String.fromCodePoint(cp - FULL_TO_HALF_OFFSET);
    else if (cp === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Normalises a code (统一社会信用代码, 证件号码…): trim, half-width, upper-case, no whitespace inside.
 * @example normalizeCode(' ９１４１ ０４０２ｍａ ') // '91410402MA'
 */
export function normalizeCode(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
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
