import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask';

describe('maskIdNumber', () => {
  it.each([
    ['GB 11643 居民身份证号码: 4 + 10 stars + 4', '410402199001011230', '4104**********1230'],
    ['GB 11643 check X kept', '44011320141005001X', '4401**********001X'],
    ['trimmed first', ' 410482200002290021 ', '4104**********0021'],
    ['passport: first and last kept', 'E12345678', 'E*******8'],
    ['15-digit legacy number is another document', '410402900101123', '4*************3'],
    ['short value keeps less', 'AB1', '***'],
    ['4 chars: first and last', 'AB12', 'A**2'],
    ['two chars fully masked', 'AB', '**'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
    expect(maskIdNumber(input).length).toBe(input.trim().length);
  });
});

describe('maskPhone', () => {
  it.each([
    ['mobile', '13812345678', '138****5678'],
    ['mobile with +86', '+86 138 1234 5678', '+86 138 **** 5678'],
    ['mobile with 0086', '0086-13812345678', '0086-138****5678'],
    ['平顶山 landline with area code', '0375-2345678', '037*-***5678'],
    ['short service number', '12345', '1***5'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});
