import { describe, expect, it } from 'vitest';
import { countChars, isNormalAscii, normalizeCode, normalizeHeader, normalizeNumber, normalizeText, toHalfWidth } from './normalize';

describe('toHalfWidth', () => {
  it.each([
    ['full-width USCC', '９１４１０４０２ＭＡ９Ｇ１２３４０Ｋ', '91410402MA9G12340K'],
    ['ideographic space U+3000 → space', 'Ａ　Ｂ', 'A B'],
    ['range ends ！ and ～', '！～', '!~'],
    ['CJK text untouched', '平顶山市新华区', '平顶山市新华区'],
    ['full-width brackets and underscore', '（＿）', '(_)'],
    ['mixed, surrogate pairs kept', '𠀀Ａ１𠀀　ｚ', '𠀀A1𠀀 z'],
    ['U+FF5F is past the range', '｟', '｟'],
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
    // The one-pass ASCII path and the general path must agree.
    ['full-width lower case and ideographic space', 'ｍａ９ｇ　１２\u000b３', 'MA9G123'],
    ['ASCII punctuation kept', 'mb-0000_019h', 'MB-0000_019H'],
    ['non-ASCII letters take Unicode upper-casing', 'ßx ñ', 'SSXÑ'],
    ['no-break space is whitespace too', '12\u00a034', '1234'],
    ['long values', `${'ａ'.repeat(70)} b`, `${'A'.repeat(70)}B`],
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

describe('isNormalAscii (normalisation would change nothing)', () => {
  it.each([
    ['date', '2024-09-30', true],
    ['upper-case code', '91410402MA9G12340K', true],
    ['lower case', '91410402ma9g12340k', false],
    ['inner space', '2024-09-30 00:00', false],
    ['full-width', '２０２４', false],
    ['CJK', '罚款', false],
    ['empty', '', true],
  ])('%s', (_name, input, expected) => {
    expect(isNormalAscii(input)).toBe(expected);
  });
});

describe('countChars (as [...s].length)', () => {
  it.each([
    ['BMP', '平顶山', 3],
    ['surrogate pairs count once', '𠀀𠀀号', 3],
    ['lone surrogates count once each', '\ud840号\udc00', 3],
    ['reversed pair is two', '\udc00\ud840', 2],
    ['empty', '', 0],
  ])('%s', (_name, input, expected) => {
    expect(countChars(input)).toBe(expected);
    expect(countChars(input)).toBe([...input].length);
  });
});
