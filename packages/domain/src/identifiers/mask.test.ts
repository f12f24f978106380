import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskIdNumbersInText, maskPhone } from './mask';

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

describe('maskIdNumbersInText (invariant 5: no full ID number in a public text)', () => {
  it.each([
    ['valid number inside a sentence', '当事人张三（身份证号410402199001011230）无照经营', '当事人张三（身份证号4104**********1230）无照经营'],
    ['wrong check digit still identifies the person', '身份证号410402199001011231。', '身份证号4104**********1231。'],
    ['lower-case x', '证件44011320141005001x', '证件4401**********001x'],
    ['full-width digits', '身份证号４１０４０２１９９００１０１１２３０', '身份证号４１０４**********１２３０'],
    ['split by spaces', '身份证号 410402 19900101 1230 无照经营', '身份证号 4104** ******** 1230 无照经营'],
    ['split by hyphens', '410402-19900101-1230', '4104**-********-1230'],
    ['legacy 15-digit number', '旧身份证号410402900101123无照经营', '旧身份证号4104********123无照经营'],
    ['two numbers', '410402199001011230、410482200002290021', '4104**********1230、4104**********0021'],
    ['a USCC is not an ID number', '91410402MAA0M6D717', '91410402MAA0M6D717'],
    ['17-digit licence number left alone', '许可编号41040020260627020', '许可编号41040020260627020'],
    ['15 digits without a birth date left alone (工商注册号)', '注册号410400000012345', '注册号410400000012345'],
    ['part of a longer digit run left alone', '4104021990010112301', '4104021990010112301'],
    ['a mobile and an amount left alone', '电话13812345678，罚款10000元', '电话13812345678，罚款10000元'],
  ])('%s', (_name, input, expected) => {
    expect(maskIdNumbersInText(input)).toBe(expected);
    expect(maskIdNumbersInText(input).length).toBe(input.length);
  });
});
