import { normalizeCode } from '../text/normalize';
import { USCC_CHARS, USCC_WEIGHTS, usccCheckChar, usccValueAt } from './check-chars';
import { isKnownDivision } from './division';
import { hasNoErrors } from './id-issue';
import type { IdIssue } from './id-issue';
import { orgCodeCheckCharAt } from './org-code';
import { USCC_CATEGORIES, USCC_NATIONAL_AREA, USCC_PILOT_PATTERNS } from './uscc-rules';

export { usccCheckChar } from './check-chars';

/** 18 characters of the GB 32100 set: such a code skips the length and character-set checks. */
const WELL_FORMED = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** Result of {@link checkUscc}: `pilot` marks a pilot-era code kept despite its check digit. */
export interface UsccCheck {
  valid: boolean;
  pilot: boolean;
  issues: IdIssue[];
}

const error = (rule: string, message: string): IdIssue => ({ rule, severity: 'error', message });
const warning = (rule: string, message: string): IdIssue => ({ rule, severity: 'warning', message });

function digitsOnly(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const cp = s.charCodeAt(i);
    if (cp < 0x30 || cp > 0x39) return false;
  }
  return true;
}

/** Reports the length and character-set failures of a code; true when its character set fails. */
function shapeIssues(c: string, issues: IdIssue[]): boolean {
  const bad = [...new Set([...c].filter((ch) => !USCC_CHARS.includes(ch)))];
  // A bad character only at pos 18 is reported as a wrong check digit (GB 32100 worked example '…Y4Z').
  const badBody = [...c.slice(0, 17)].some((ch) => !USCC_CHARS.includes(ch));
  const charsetFails = c.length !== 18 ? bad.length > 0 : badBody;
  if (c.length !== 18) issues.push(error('uscc.length', `统一社会信用代码应为18位，实为${c.length}位`));
  if (charsetFails) {
    issues.push(error('uscc.charset', `统一社会信用代码含有不允许的字符：${bad.join('、')}（只可使用数字和除 I、O、Z、S、V 外的大写字母）`));
  }
  return charsetFails;
}

/**
 * True when `c`, as given, passes every check of {@link checkUscc} (it is then already normalised): one
 * pass without regular expressions for the common case. Anything else goes the long way to name its issues.
 */
function passesEveryCheck(c: string): boolean {
  if (c.length !== 18 || !digitsOnly(c, 2, 8)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccValueAt(c, i);
    if (value < 0) return false;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  if (c[17] !== USCC_CHARS[(31 - (sum % 31)) % 31] || c[16] !== orgCodeCheckCharAt(c, 8)) return false;
  if (!USCC_CATEGORIES[c[0] ?? '']?.includes(c[1] ?? '')) return false;
  const area = c.slice(2, 8);
  return area === USCC_NATIONAL_AREA || isKnownDivision(area);
}

/**
 * Checks a 统一社会信用代码 (normalised first: half-width, upper-case, no spaces) against GB 32100.
 * @example checkUscc('91410402MA9G12340K') // { valid: true, pilot: false, issues: [] }
 */
export function checkUscc(code: string): UsccCheck {
  if (passesEveryCheck(code)) return { valid: true, pilot: false, issues: [] };
  const wellFormed = WELL_FORMED.test(code); // already normalised
  const c = wellFormed ? code : normalizeCode(code);
  const issues: IdIssue[] = [];
  const charsetFails = wellFormed || WELL_FORMED.test(c) ? false : shapeIssues(c, issues);
  if (c.length !== 18) return { valid: false, pilot: false, issues };

  const areaIsDigits = digitsOnly(c, 2, 8);
  if (!areaIsDigits) issues.push(error('uscc.area_digits', `统一社会信用代码第3–8位（登记管理机关行政区划码）应为数字，实为 ${c.slice(2, 8)}`));

  const pos1 = c[0] ?? '';
  const pos2 = c[1] ?? '';
  if (!USCC_CATEGORIES[pos1]?.includes(pos2)) {
    issues.push(warning('uscc.category_unknown', `统一社会信用代码前两位 ${pos1}${pos2}（登记管理部门和机构类别）不在已公布的组合中，请核实`));
  }
  const area = c.slice(2, 8);
  if (areaIsDigits && area !== USCC_NATIONAL_AREA && !isKnownDivision(area)) {
    issues.push(warning('uscc.area_unknown', `统一社会信用代码第3–8位 ${area} 不是已知的行政区划代码（GB/T 2260），请核实`));
  }
  if (charsetFails) return { valid: false, pilot: false, issues };

  // From here the first 17 characters are in the GB 32100 set, so pos 9–16 are a well-formed org-code body.
  const orgExpected = orgCodeCheckCharAt(c, 8);
  const orgConsistent = orgExpected === c[16];
  if (!orgConsistent) {
    issues.push(warning('uscc.orgcode_mismatch', `统一社会信用代码第9–17位所含组织机构代码校验码不符，按 GB 11714 第17位应为 ${orgExpected ?? '?'}`));
  }

  const expected = usccCheckChar(c.slice(0, 17)) ?? '?';
  if (expected !== c[17]) {
    const onlyCheckDigitFails = hasNoErrors(issues);
    const pilot = onlyCheckDigitFails && orgConsistent && USCC_PILOT_PATTERNS.some((p) => p.test(c));
    if (pilot) {
      issues.push(warning('uscc.pilot_check_digit', `试点期赋码：校验码按 GB 32100 应为 ${expected}，实为 ${c[17] ?? ''}；按试点代码保留，请核实`));
      return { valid: true, pilot: true, issues };
    }
    issues.push(error('uscc.check_digit', `统一社会信用代码校验码错误，应为 ${expected}`));
  }
  return { valid: hasNoErrors(issues), pilot: false, issues };
}
