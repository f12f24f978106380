// Masking for public display (信用中国-style publicity must not expose a natural person's full
// identity number or phone). Masks keep the length so the kind of document stays recognisable.

const RESIDENT_ID = /^\d{17}[\dX]$/i;
const MOBILE = /^1\d{10}$/;

function maskChars(chars: readonly string[], keepStart: number, keepEnd: number): string {
  return chars.map((ch, i) => (i < keepStart || i >= chars.length - keepEnd ? ch : '*')).join('');
}

function keptEnds(length: number, wanted: number): number {
  // At least two characters stay masked: values of 3 characters or fewer are masked entirely.
  return Math.max(0, Math.min(wanted, Math.floor((length - 2) / 2)));
}

/**
 * Masks an identity document number: 居民身份证号码 keep the first 4 and last 4, others at most 1 and 1.
 * @example maskIdNumber('410402199001011234') // '4104**********1234'
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim());
  if (RESIDENT_ID.test(id.trim())) return maskChars(chars, 4, 4);
  const keep = keptEnds(chars.length, 1);
  return maskChars(chars, keep, keep);
}

/**
 * Masks a phone number: mobiles keep the first 3 and last 4 digits, separators and +86 stay as typed.
 * @example maskPhone('13812345678') // '138****5678'
 */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  const digitAt = chars.flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  let digits = digitAt.map((i) => chars[i]).join('');
  let skip = 0;
  if (digits.startsWith('86') && MOBILE.test(digits.slice(2))) {
    skip = 2; // country code of +86 / 0086 is not personal
    digits = digits.slice(2);
  } else if (digits.startsWith('0086') && MOBILE.test(digits.slice(4))) {
    skip = 4;
    digits = digits.slice(4);
  }
  const [keepStart, keepEnd] = digits.length >= 7 ? [3, 4] : [keptEnds(digits.length, 1), keptEnds(digits.length, 1)];
  const own = digitAt.slice(skip);
  const masked = new Set(own.filter((_, k) => k >= keepStart && k < own.length - keepEnd));
  return chars.map((ch, i) => (masked.has(i) ? '*' : ch)).join('');
}

// A 居民身份证号码 inside free text (a 违法事实 naming the person) as departments type it: ASCII or
// full-width digits, optionally split by single spaces or hyphens ("410402 19900101 1230"), with or
// without a correct check digit (a number with a typo still identifies the person), or a legacy
// 15-digit number (GB 11643-1989: area, YYMMDD, sequence). Matched by shape: area code starting 1–9,
// a plausible birth date.
const SEP = '[ \\u3000\\-]?';
const ANY = '[0-9\\uFF10-\\uFF19]';
const FIRST = '[1-9\\uFF11-\\uFF19]';
const digit = (ascii: string): string => `[${ascii}${[...ascii].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}]`;
const chars = (...parts: string[]): string => parts.join(SEP);
const MONTH = `(?:${chars(digit('0'), FIRST)}|${chars(digit('1'), digit('012'))})`;
const DAY = `(?:${chars(digit('0'), FIRST)}|${chars(digit('12'), ANY)}|${chars(digit('3'), digit('01'))})`;
const CENTURY = `(?:${chars(digit('1'), digit('89'))}|${chars(digit('2'), digit('0'))})`;
const CHECK = '[0-9Xx\\uFF10-\\uFF19\\uFF38\\uFF58]';
const AREA = chars(FIRST, ANY, ANY, ANY, ANY, ANY);
const ID18 = chars(AREA, CENTURY, ANY, ANY, MONTH, DAY, ANY, ANY, ANY, CHECK);
const ID15 = chars(AREA, ANY, ANY, MONTH, DAY, ANY, ANY, ANY);
const ALNUM = '0-9A-Za-z\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const EMBEDDED_ID = new RegExp(`(?<![${ALNUM}])(?:${ID18}|${ID15})(?![${ALNUM}])`, 'g');
const ID_CHAR = /[0-9Xx\uFF10-\uFF19\uFF38\uFF58]/;

/**
 * Masks every 居民身份证号码 standing in a text, whatever its width, spacing or check digit: the
 * digits but the first 4 and the last 4 (3 for a legacy 15-digit number) become '*', separators and
 * length stay. `keep` spares a match that is known not to be personal (a public code of the same shape).
 * @example maskIdNumbersInText('当事人（身份证号 410402 19900101 1230）') // '当事人（身份证号 4104** ******** 1230）'
 */
export function maskIdNumbersInText(text: string, keep: (id: string) => boolean = () => false): string {
  return text.replace(EMBEDDED_ID, (id) => {
    if (keep(id)) return id;
    const positions = [...id].flatMap((ch, i) => (ID_CHAR.test(ch) ? [i] : []));
    const keepEnd = positions.length === 18 ? 4 : 3;
    const hidden = new Set(positions.slice(4, positions.length - keepEnd));
    return [...id].map((ch, i) => (hidden.has(i) ? '*' : ch)).join('');
  });
}
