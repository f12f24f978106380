import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, classifyArchiveQuery } from './archive-query';

// The demo's synthetic numbers (packages/server/demo): they pass GB 11643 / GB 32100 and identify nobody.
const ID_NUMBER = '410402197805121532';
const ID_NUMBER_X = '41040219681102518X';
const USCC = '91410402MA2YUMA33Y';
/** An all-digit 统一社会信用代码 (its GB 32100 check digit holds, the GB 11643 one does not). */
const DIGIT_USCC = '124104000000000072';

describe('classifyArchiveQuery', () => {
  it('opens a 统一社会信用代码 however typed (lower case, full width, spaces)', () => {
    expect(classifyArchiveQuery(USCC)).toEqual({ kind: 'code', code: USCC });
    expect(classifyArchiveQuery(' 91410402ma2yuma33y ')).toEqual({ kind: 'code', code: USCC });
    expect(classifyArchiveQuery('９１４１０４０２ＭＡ２ＹＵＭＡ３３Ｙ')).toEqual({ kind: 'code', code: USCC });
    expect(classifyArchiveQuery(DIGIT_USCC)).toEqual({ kind: 'code', code: DIGIT_USCC });
  });

  it('leaves a code of the right alphabet with a wrong check digit to the server (pilot-era codes are valid)', () => {
    expect(classifyArchiveQuery('91350211M0000XUF46')).toEqual({ kind: 'code', code: '91350211M0000XUF46' });
  });

  it('opens a subjectId, in lower case', () => {
    const id = '0B5E5C52-3C1A-4F43-9F55-2D2F8C6A1B7E';
    expect(classifyArchiveQuery(id)).toEqual({ kind: 'code', code: id.toLowerCase() });
  });

  it('looks a 居民身份证号码 up (a lower-case x too) instead of opening it', () => {
    expect(classifyArchiveQuery(ID_NUMBER)).toEqual({ kind: 'idNumber', idNumber: ID_NUMBER });
    expect(classifyArchiveQuery(ID_NUMBER_X.toLowerCase())).toEqual({ kind: 'idNumber', idNumber: ID_NUMBER_X });
  });

  it('refuses an ID-shaped number whose check digits both fail, and 15–17 digits, so they never reach a URL', () => {
    for (const q of ['410402197805121533', ID_NUMBER.slice(0, 17), ID_NUMBER.slice(0, 15)]) {
      const result = classifyArchiveQuery(q);
      expect(result.kind).toBe('invalid');
      expect(JSON.stringify(result)).not.toContain(q);
    }
  });

  it('searches a name fragment of 2 characters or more', () => {
    expect(classifyArchiveQuery(' 恒达 ')).toEqual({ kind: 'name', q: '恒达' });
    expect(classifyArchiveQuery('恒')).toEqual({ kind: 'invalid', message: '名称请至少输入 2 个字' });
    expect(classifyArchiveQuery('  ')).toEqual({ kind: 'invalid', message: EMPTY_QUERY });
  });
});
