import { describe, expect, it } from 'vitest';
import { parseDateValue, parseDecimalValue, splitEnumList } from './value-parsers';

describe('parseDateValue (catalog.types FieldType date formats)', () => {
  it.each([
    ['ISO', '2024-09-30', '2024-09-30'],
    ['ISO without zero padding', '2024-9-3', '2024-09-03'],
    ['slashes', '2024/09/30', '2024-09-30'],
    ['compact', '20240930', '2024-09-30'],
    ['dots, as Chinese documents write dates', '2024.9.30', '2024-09-30'],
    ['dots, impossible day', '2023.2.29', null],
    ['dots, two-digit year', '24.9.30', null],
    ['Chinese', '2024年9月30日', '2024-09-30'],
    ['leap day 2024', '2024-02-29', '2024-02-29'],
    ['no leap day 2023', '2023-02-29', null],
    ['impossible 2023-02-30', '2023-02-30', null],
    ['month 13', '2024-13-01', null],
    ['1900 is not a leap year', '1900-02-29', null],
    ['2000 is a leap year', '2000-02-29', '2000-02-29'],
    ['two-digit year', '24-09-30', null],
    ['Excel serial number', '45565', null],
    ['ISO day 0 of a month', '2024-09-00', null],
    ['ISO 31 April', '2024-04-31', null],
    ['ISO with a trailing letter', '2024-09-3X', null],
    ['ISO with a time', '2024-09-30T08:15:00.5', '2024-09-30'],
  ])('%s: %s', (_case, input, expected) => {
    expect(parseDateValue(input)).toBe(expected);
  });
});

describe('parseDecimalValue (regulations §2.4 万元 amounts)', () => {
  it.each([
    ['integer', '12', { ok: true, value: '12' }],
    ['leading dot', '.5', { ok: true, value: '0.5' }],
    ['explicit plus', '+0.2', { ok: true, value: '0.2' }],
    ['minus zero is zero', '-0', { ok: true, value: '0' }],
    ['negative', '-0.2', { ok: false, reason: 'negative' }],
    ['exponent', '1E3', { ok: false, reason: 'invalid' }],
    ['unit typed in', '0.2万元', { ok: false, reason: 'invalid' }],
    ['leading zeros kept', '007', { ok: true, value: '007' }],
    ['trailing dot kept', '12.', { ok: true, value: '12.' }],
    ['two dots', '1.2.3', { ok: false, reason: 'invalid' }],
    ['minus zero with decimals', '-0.00', { ok: true, value: '0.00' }],
  ])('%s: %s', (_case, input, expected) => {
    expect(parseDecimalValue(input)).toEqual(expected);
  });
});

describe('splitEnumList', () => {
  it('splits on every separator and drops empty parts', () => {
    expect(splitEnumList('警告;罚款；没收违法所得、责令关闭,行政拘留，其他;;')).toEqual([
      '警告', '罚款', '没收违法所得', '责令关闭', '行政拘留', '其他',
    ]);
  });

  it('trims the parts; separators alone give nothing', () => {
    expect(splitEnumList(' 01 ; 03 ,')).toEqual(['01', '03']);
    expect(splitEnumList('；、, ')).toEqual([]);
    expect(splitEnumList('')).toEqual([]);
  });
});
