import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from './personal-text';

describe('maskPersonalNumbers', () => {
  it.each([
    ['a valid ID number in a sentence', '当事人（身份证号410402198503121232）在经营中违法', '当事人（身份证号4104**********1232）在经营中违法'],
    ['an ID number whose check digit is wrong is still a person’s', '法定代表人张三（身份证410402198503121233）', '法定代表人张三（身份证4104**********1233）'],
    ['lower-case x', '证件号44011320141005001x。', '证件号4401**********001x。'],
    ['a 15-digit first-generation number', '旧证号410402850312123', '旧证号4104********123'],
    ['a mobile number', '联系电话13812345678，', '联系电话138****5678，'],
    ['a full-width mobile number', '电话１３８１２３４５６７８', '电话１３８****５６７８'],
    ['an ID number split by spaces', '身份证号 410402 19850312 1232 ', '身份证号 4104** ******** 1232 '],
    ['several at once', '410402198503121232/13812345678', '4104**********1232/138****5678'],
  ])('%s', (_name, input, expected) => {
    expect(maskPersonalNumbers(input)).toBe(expected);
  });

  it.each([
    ['a 统一社会信用代码 of digits only', '当事人（统一社会信用代码914104021000000088）'],
    ['a code with letters', '91410402MAA0M6D717'],
    ['a 15-digit 工商注册号 with no birth date in it', '注册号410400000012345'],
    ['a longer number', '账号6222021234567890123'],
    ['a document number', '平市监罚〔2026〕100号，罚款8000元'],
    ['an 11-digit number inside a longer one', '编号113812345678'],
  ])('leaves %s alone', (_name, input) => {
    expect(maskPersonalNumbers(input)).toBe(input);
  });
});
