import { describe, expect, it } from 'vitest';
import { divisionExistedAt, divisionHistory, divisionName, isKnownDivision } from './division';
import { DIVISION_REVISIONS } from './division-data';

describe('divisionName (GB/T 2260, regulations §6.1)', () => {
  it.each([
    ['§6.1 平顶山市', '410400', '平顶山市'],
    ['§6.1 新华区', '410402', '新华区'],
    ['§6.1 汝州市 (省直管县, code stays 4104xx)', '410482', '汝州市'],
    ['§6.1 湛河区', '410411', '湛河区'],
    ['§6.1 NBS statistical code 平顶山高新技术产业开发区', '410471', '平顶山高新技术产业开发区'],
    ['§1.7 东丽区 (stdnum test_cn_ric)', '120110', '东丽区'],
    ['§1.7 unknown region 990426', '990426', undefined],
    ['§1.1 national 100000 is not a division', '100000', undefined],
  ])('%s', (_name, code, expected) => {
    expect(divisionName(code)).toBe(expected);
  });
});

describe('isKnownDivision', () => {
  it.each([
    ['410402 新华区', '410402', true],
    ['410411 湛河区', '410411', true],
    ['990426 (stdnum test_cn_ric unknown region)', '990426', false],
    ['not six digits', '4104', false],
    ['seven digits', '4104020', false],
    ['full-width digits are not a code', '４１０４０２', false],
    ['empty', '', false],
  ])('%s', (_name, code, expected) => {
    expect(isKnownDivision(code)).toBe(expected);
  });
});

describe('divisionHistory', () => {
  it('§6.1 410411 湛河区 spans 2002-12 to current under one name', () => {
    expect(divisionHistory('410411')).toEqual([{ name: '湛河区', firstRevision: '200212', lastRevision: 'current' }]);
  });

  it('unknown code has no history', () => {
    expect(divisionHistory('990426')).toEqual([]);
  });
});

describe('divisionExistedAt (GB/T 2260 at a date)', () => {
  it.each([
    ['§6.1 新华区 in 1990 (before 2002: taken from 200212)', '410402', '1990-01-01', 'yes'],
    ['§6.1 汝州市 on 2000-02-29', '410482', '2000-02-29', 'yes'],
    ['§6.1 湛河区 in 2010', '410411', '2010-06-30', 'yes'],
    ['§6.1 湛河区 today', '410411', '2025-01-01', 'yes'],
    ['§1.7 东丽区 1980 (before 2002: limitation)', '120110', '1980-12-01', 'yes'],
    ['§1.7 990426 never existed', '990426', '1991-12-01', 'no'],
    ['419001 济源市 is not in 2002-12 → did not exist in 1990', '419001', '1990-01-01', 'no'],
    ['§6.1 statistical 410471 only in current → 2010 is no', '410471', '2010-01-01', 'no'],
    ['§6.1 statistical 410471 only in current → 2020 is unknown (2016-07 … 2023-06 gap)', '410471', '2020-01-01', 'unknown'],
    ['§6.1 statistical 410471 in current → 2024', '410471', '2024-01-01', 'yes'],
    ['419001 济源市 first in 2008-12 → 2008-06 is unknown (between revisions)', '419001', '2008-06-01', 'unknown'],
    ['110103 崇文区 (merged 2010) in 2005', '110103', '2005-05-05', 'yes'],
    ['110103 崇文区 (merged 2010) in 2015', '110103', '2015-05-05', 'no'],
    ['malformed date', '410402', '1990-1-1', 'unknown'],
  ])('%s', (_name, code, date, expected) => {
    expect(divisionExistedAt(code, date)).toBe(expected);
  });
});

describe('DIVISION_REVISIONS', () => {
  it('is in chronological order (divisionExistedAt scans it from the oldest)', () => {
    const months = DIVISION_REVISIONS.map((r) => r.asOf);
    expect(months).toEqual([...months].sort());
  });
});
