import { maskIdNumber, maskPhone } from '@pubcredit/domain';

// Invariant 5: the audit trail records what was done to personal data, never the data itself. A
// full personal ID number or mobile number in anything an entry carries (a URL, a query, a body
// field) is masked before the entry is hashed, and credentials are never recorded at all.

/** 18-digit resident ID (last character may be X) or a 15-digit first-generation one, standing alone. */
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** A mainland mobile number standing alone. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Keys whose values are credentials: recorded as present, never by value. */
const SECRET_KEY = /pass(word)?|secret|token|totp|^otp$|cookie|authorization|api[-_]?key|^key$|cipher|credential|csrf/i;
/** Keys whose values are personal identifiers, whatever they look like. */
const PERSONAL_KEY = /id[-_]?(number|no|card)|证件号|身份证|zjhm|sfz/i;
const PHONE_KEY = /phone|mobile|手机|电话|lxdh/i;

/** What replaces a credential. */
export const REDACTED = '[已隐去]';

const MAX_TEXT = 1000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 5;

/**
 * Masks every ID number and mobile number standing alone in a text.
 * @example maskPersonalText('/subjects?q=410402199001011234') // '/subjects?q=4104**********1234'
 */
export function maskPersonalText(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE, (m) => maskPhone(m));
}

/** A text masked and cut to `max` characters (with an ellipsis). */
export function auditText(text: string | null | undefined, max = 500): string | null {
  if (text === null || text === undefined) return null;
  const masked = maskPersonalText(text);
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}

function scrubValue(key: string, value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_KEY.test(key)) return REDACTED;
  if (typeof value === 'string') {
    if (PERSONAL_KEY.test(key)) return maskIdNumber(value);
    if (PHONE_KEY.test(key)) return maskPhone(value);
    return auditText(value, MAX_TEXT);
  }
  if (typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return '[二进制数据]';
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => scrubValue(key, v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `…共 ${value.length} 项`] : items;
  }
  if (value instanceof Date) return value;
  return scrubObject(value as Record<string, unknown>, depth + 1);
}

function scrubObject(obj: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) out[maskPersonalText(key)] = scrubValue(key, value, depth);
  return out;
}

/**
 * Audit details safe to keep: credentials replaced by {@link REDACTED}, ID and phone numbers
 * masked (by key name and wherever they stand alone in a text), long texts and lists cut.
 * @example scrubDetails({ password: 'x', idNumber: '410402199001011234' }) // { password: '[已隐去]', idNumber: '4104**********1234' }
 */
export function scrubDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return details ? scrubObject(details, 0) : {};
}
