import { normalizeCode } from '../text/normalize';
import { isCalendarDate } from '../validation/value-parsers';
import { DIVISION_REVISIONS } from './division-data';
import { divisionExistedAt, divisionName, isKnownDivision } from './division';
import { residentIdCheckChar } from './check-chars';
import { hasNoErrors } from './id-issue';
import type { IdIssue } from './id-issue';

export { residentIdCheckChar } from './check-chars';

const FIRST_REVISION_DAY = `${DIVISION_REVISIONS[0]?.asOf ?? '2002-12'}-01`;

/** Result of {@link checkResidentId}; birth date, sex and area are given once the format is right. */
export interface ResidentIdCheck {
  valid: boolean;
  issues: IdIssue[];
  /** `YYYY-MM-DD`, only when it is a real calendar date. */
  birthDate?: string;
  sex?: 'M' | 'F';
  areaCode?: string;
}

/** Options of {@link checkResidentId}: `onDate` (`YYYY-MM-DD`, usually today) bounds the birth date. */
export interface ResidentIdOptions {
  onDate?: string;
}

// Validation runs once per imported row: the shape checks below use char codes, not regular expressions.
function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const cp = s.charCodeAt(i);
    if (cp < 0x30 || cp > 0x39) return false;
  }
  return true;
}

/** `/^\d{17}[\dX]$/`. */
function isResidentIdShape(n: string): boolean {
  if (n.length !== 18 || !isDigits(n, 0, 17)) return false;
  const last = n.charCodeAt(17);
  return (last >= 0x30 && last <= 0x39) || last === 0x58; // digit or 'X'
}

/** Value of the `count` digits of `s` from `from` (callers have checked they are digits). */
function digitsValue(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
  return n;
}

/** The birth date (digits 7–14) as YYYY-MM-DD when it is a real day; years 0–99 never are (as with Date.UTC). */
function birthDateOf(n: string): string | undefined {
  const y = digitsValue(n, 6, 4);
  const real = y >= 100 && isCalendarDate(y, digitsValue(n, 10, 2), digitsValue(n, 12, 2));
  return real ? `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}` : undefined;
}

const error = (rule: string, message: string): IdIssue => ({ rule, severity: 'error', message });

/**
 * Checks a 居民身份证号码 (normalised first, lower-case x → X) against GB 11643 and GB/T 2260.
 * @example checkResidentId('410402199001011230').sex // 'M'
 */
export function checkResidentId(id: string, opts: ResidentIdOptions = {}): ResidentIdCheck {
  const n = isResidentIdShape(id) ? id : normalizeCode(id); // digits and X are already normalised
  if (!isResidentIdShape(n)) {
    const message = /^\d{15}$/.test(n)
      ? '居民身份证号码为15位旧号码，不再接受，请填写18位号码'
      : '居民身份证号码格式错误：应为18位，前17位为数字，最后一位为数字或X';
    return { valid: false, issues: [error('ric.format', message)] };
  }
  const issues: IdIssue[] = [];
  const areaCode = n.slice(0, 6);
  const sex = (n.charCodeAt(16) - 0x30) % 2 === 1 ? 'M' : 'F';
  const birthDate = birthDateOf(n);
  if (!birthDate) issues.push(error('ric.birth_date', `居民身份证号码中的出生日期 ${n.slice(6, 14)} 不是有效日期`));
  else if (opts.onDate && birthDate > opts.onDate) {
    issues.push(error('ric.birth_date', `居民身份证号码中的出生日期 ${birthDate} 晚于 ${opts.onDate}`));
  }

  const expected = residentIdCheckChar(n.slice(0, 17)) ?? '?';
  if (expected !== n[17]) issues.push(error('ric.check_digit', `居民身份证号码校验码错误，应为 ${expected}`));

  if (!isKnownDivision(areaCode)) {
    // Codes abolished before 2002-12 (e.g. 410412 舞钢区 1982–1990, regulations §6.1) are absent from the
    // packages yet legitimate in old IDs: reject only when the province is unknown or the data covers the birth.
    const provinceKnown = isKnownDivision(`${areaCode.slice(0, 2)}0000`);
    if (provinceKnown && birthDate && birthDate < FIRST_REVISION_DAY) {
      issues.push({
        rule: 'ric.area_unverified',
        severity: 'warning',
        message: `居民身份证号码地址码 ${areaCode} 不在2002年以来的行政区划代码中，可能是已撤销的旧代码，请核实`,
      });
    } else issues.push(error('ric.area_unknown', `居民身份证号码地址码 ${areaCode} 不是有效的行政区划代码`));
  } else if (birthDate && divisionExistedAt(areaCode, birthDate) === 'no') {
    issues.push(
      error('ric.area_not_at_birth', `居民身份证号码地址码 ${areaCode}（${divisionName(areaCode) ?? ''}）在出生日期 ${birthDate} 时不存在`),
    );
  }
  const valid = hasNoErrors(issues);
  return birthDate ? { valid, issues, birthDate, sex, areaCode } : { valid, issues, sex, areaCode };
}
