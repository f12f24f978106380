import type { IdIssue } from './id-issue';

// GB 11714-1997 组织机构代码: 8-char 本体代码 + 1 校验码, displayed `XXXXXXXX-C`.
// Body charset 0-9 → 0–9, A-Z → 10–35; C9 = 11 − (Σ Ci·Wi mod 11), 10 → 'X', 11 → '0'.
// (regulations §1.4)
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_FORMAT = /^([0-9A-Z]{8})-?([0-9X])$/;

/** Result of {@link checkOrgCode}. */
export interface OrgCodeCheck {
  valid: boolean;
  issues: IdIssue[];
}

/** Value of a body character (0–9 → 0–9, A–Z → 10–35), or −1 outside [0-9A-Z]. */
function charValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp >= 0x41 && cp <= 0x5a) return cp - 0x41 + 10;
  return -1;
}

/**
 * Computes the GB 11714 check character of an 8-character body, or null if the body is malformed.
 * @example orgCodeCheckChar('MA2PBM9H') // 'X'
 */
export function orgCodeCheckChar(body8: string): string | null {
  return body8.length === 8 ? orgCodeCheckCharAt(body8, 0) : null;
}

/**
 * {@link orgCodeCheckChar} of the 8 characters of `s` from `from` (no substring: a USCC embeds one at 9–16).
 * @example orgCodeCheckCharAt('91340600MA2PBM9HXD', 8) // 'X'
 */
export function orgCodeCheckCharAt(s: string, from: number): string | null {
  if (s.length < from + 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = charValue(s.charCodeAt(from + i));
    if (value < 0) return null;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const c9 = 11 - (sum % 11);
  if (c9 === 10) return 'X';
  if (c9 === 11) return '0';
  return String(c9);
}

/**
 * Checks a 组织机构代码 in machine (`XXXXXXXXC`) or display (`XXXXXXXX-C`) form.
 * @example checkOrgCode('MA2PBM9H-X').valid // true
 */
export function checkOrgCode(code: string): OrgCodeCheck {
  const match = ORG_FORMAT.exec(code.trim().toUpperCase());
  if (!match) {
    return {
      valid: false,
      issues: [
        {
          rule: 'orgcode.format',
          severity: 'error',
          message: '组织机构代码格式错误：应为8位数字或大写字母加1位校验码（0–9或X），如 XXXXXXXX-C',
        },
      ],
    };
  }
  const [, body = '', check = ''] = match;
  const expected = orgCodeCheckChar(body);
  if (expected !== check) {
    return {
      valid: false,
      issues: [
        { rule: 'orgcode.check_digit', severity: 'error', message: `组织机构代码校验码错误，应为 ${expected ?? '?'}` },
      ],
    };
  }
  return { valid: true, issues: [] };
}
