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
