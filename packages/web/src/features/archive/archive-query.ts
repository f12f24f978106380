/**
 * What the 信用档案核查 search box was given (unit-tested in archive-query.test.ts): a code that
 * opens the archive, a 居民身份证号码 that must be looked up (never put in a URL), or a name fragment.
 * The server checks everything again; the checks here only decide where the query goes.
 */
import { residentIdCheckChar, usccCheckChar } from '@pubcredit/domain/check-chars';
import { USCC_PATTERN } from '../../lib/format';

export type ArchiveQuery =
  /** 统一社会信用代码 or subjectId: /console/archive/{code}. */
  | { kind: 'code'; code: string }
  /** 居民身份证号码: POST /archive/subjects/lookup, then the subjectId. */
  | { kind: 'idNumber'; idNumber: string }
  /** Part of a name: the public search. */
  | { kind: 'name'; q: string }
  | { kind: 'invalid'; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_SHAPE = /^\d{17}[\dX]$/;
/** 15 to 17 digits (an old 15-digit number, or one typed short): never sent as a name. */
const ID_LIKE = /^\d{15,17}X?$/;

/** GB 11643 check character of an 18-character number (17 digits + digit or X). */
const residentIdChecks = (id: string): boolean => residentIdCheckChar(id.slice(0, 17)) === id[17];
/** GB 32100 check character of an 18-character code of the USCC alphabet. */
const usccChecks = (code: string): boolean => usccCheckChar(code.slice(0, 17)) === code[17];

export const EMPTY_QUERY = '请输入统一社会信用代码、主体标识、名称或身份证号码';

/**
 * Sorts the query. 18 digits (or 17 and X) are a 居民身份证号码 when its check digit holds, else a
 * 统一社会信用代码 when that check digit holds, else refused: such a number never goes into a URL.
 * @example classifyArchiveQuery('恒达') // { kind: 'name', q: '恒达' }
 */
export function classifyArchiveQuery(raw: string): ArchiveQuery {
  const text = raw.normalize('NFKC').trim();
  if (!text) return { kind: 'invalid', message: EMPTY_QUERY };
  if (UUID.test(text)) return { kind: 'code', code: text.toLowerCase() };
  const code = text.replace(/\s+/g, '').toUpperCase();
  if (ID_SHAPE.test(code)) {
    if (residentIdChecks(code)) return { kind: 'idNumber', idNumber: code };
    if (usccChecks(code)) return { kind: 'code', code };
    return { kind: 'invalid', message: '身份证号码（或统一社会信用代码）校验不通过，请核对后重新输入' };
  }
  if (ID_LIKE.test(code)) return { kind: 'invalid', message: '居民身份证号码应为 18 位，请核对后重新输入' };
  // Pilot-era codes fail the GB 32100 check digit yet are valid: a code of the right alphabet goes to the server.
  if (USCC_PATTERN.test(code)) return { kind: 'code', code };
  if ([...text].length < 2) return { kind: 'invalid', message: '名称请至少输入 2 个字' };
  return { kind: 'name', q: text };
}
