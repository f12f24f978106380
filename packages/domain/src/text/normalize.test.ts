import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizeHeader, normalizeNumber, normalizeText, toHalfWidth } from './normalize';

describe('toHalfWidth', () => {
  it.each([
    ['full-width USCC', '９１４１０４０２ＭＡ９Ｇ１２３４０Ｋ', '91410402MA9G12340K'],
    ['ideographic space U+3000 → space', 'Ａ　Ｂ', 'A B'],
    ['range ends ！ and ～', '！～', '!~'],
    ['CJK text untouched', '平顶山市新华区', '平顶山市新华区'],
    ['full-width brackets and underscore', '（＿）', '(_)'],
  ])('%s', (_name, input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('normalizeCode', () => {
  it.each([
    ['full-width USCC', '９１４１０４０２ＭＡ９Ｇ１２３４０Ｋ', '91410402MA9G12340K'],
    ['trims and drops inner spaces incl. U+3000', ' 9141 0402　MA9G 12340K\t', '91410402MA9G12340K'],
    ['upper-cases (GB 11643 lower-case x)', '44011320141005001x', '44011320141005001X'],
    ['empty', '   ', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it.each([
    ['trims ASCII and ideographic spaces at the ends', '　 平顶山市某某公司 　', '平顶山市某某公司'],
    ['keeps inner full-width content exactly', ' 某某（平顶山）有限公司 ', '某某（平顶山）有限公司'],
    ['keeps inner spaces', 'A  B', 'A  B'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalizeNumber', () => {
  it.each([
    ['thousands separators', '1,234,567.89', '1234567.89'],
    ['full-width digits and comma', '１２，３４５．６', '12345.6'],
    ['trims', ' 42 ', '42'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeNumber(input)).toBe(expected);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['spaces inside removed', ' 行政相对人 名称 ', '行政相对人名称'],
    ['full-width ASCII and case', '行政相对人代码＿１（ｕｓｃｃ）', '行政相对人代码_1(USCC)'],
    ['ASCII field code', 'xk_xdr_mc', 'XK_XDR_MC'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});
