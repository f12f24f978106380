import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckChar } from './uscc';
import { STDNUM_VALID_USCC } from './uscc-stdnum.fixture';

const rulesOf = (code: string): string[] => checkUscc(code).issues.map((i) => i.rule);

describe('usccCheckChar (GB 32100-2015 §1.2)', () => {
  it.each([
    ['GB 32100 worked example → 3', '91350100M000100Y4', '3'],
    ['stdnum uscc.py doctest → L', '91110000600037341', 'L'],
    ['§1.6 A1 (军队事业单位) → K', 'A1110000600037341', 'K'],
    ['C18 = 31 → 0: synthetic 91410402MA9G12340K', '91410402MA9G12340', 'K'],
    ['forbidden letter I', '9111000060003IOZS', null],
    ['wrong length', '9111000060003', null],
  ])('%s', (_name, first17, expected) => {
    expect(usccCheckChar(first17)).toBe(expected);
  });
});

describe('checkUscc: §1.6 valid vectors', () => {
  it.each([
    ['stdnum uscc.py doctest', '91110000600037341L'],
    ['stdnum test_cn_uscc: 事业单位 12', '121200004013590816'],
    ['blog.csdn.net/ellasun_web', '91110000101623741K'],
    ['blog.csdn.net/ellasun_web', '911101066976941872'],
    ['stdnum list: Henan 411281 义马', '914112810713741814'],
    ['stdnum list: letter in org code', '91620105L015101280'],
    ['stdnum list: org check digit X', '91340600MA2PBM9HXD'],
    ['stdnum list: 个体工商户 92', '92340602MA2PBMEM24'],
    ['§1.6 synthetic Pingdingshan', '91410402MA9G12340K'],
    ['§1.6 synthetic Pingdingshan 事业单位', '124104000000000199'],
    ['§1.6 synthetic: GB 32100 worked example with correct check digit', '91350100M000100Y43'],
    ['§6.1 normalised: full-width and spaces', ' ９１４１０４０２ＭＡ９Ｇ１２３４０Ｋ '],
    ['normalised: lower case', '91410402ma9g12340k'],
  ])('%s: %s', (_name, code) => {
    expect(checkUscc(code)).toEqual({ valid: true, pilot: false, issues: [] });
  });

  it(`stdnum tests/test_cn_uscc.doctest: all ${STDNUM_VALID_USCC.length} real codes valid`, () => {
    const findings = STDNUM_VALID_USCC.map((code) => [code, checkUscc(code)] as const).filter(
      ([, result]) => !result.valid || result.issues.length > 0,
    );
    // 120224 宝坻县 became 120115 宝坻区 in 2001, before the first GB/T 2260 revision in the packages (2002-12):
    // a real historic registration area, so only a warning.
    expect(findings.map(([code, r]) => [code, r.valid, r.issues.map((i) => i.rule)])).toEqual([
      ['91120224064012553U', true, ['uscc.area_unknown']],
    ]);
  });
});

describe('checkUscc: §1.6 invalid vectors', () => {
  it.each([
    ['GB 32100 worked example (expected 3, not a pilot)', '91350100M000100Y4Z', ['uscc.check_digit'], '应为 3'],
    ['stdnum test: check digit (expected L)', '91110000600037341N', ['uscc.check_digit'], '应为 L'],
    ['stdnum test: forbidden letters', '9111000060003IOZSV', ['uscc.charset'], '：I、O、Z、S、V（'],
    ['forbidden letter at pos 18 only is a wrong check digit', '91110000600037341O', ['uscc.check_digit'], '应为 L'],
    ['stdnum test: length', '12345', ['uscc.length'], '实为5位'],
    ['§1.6 A1 allowed at pos 1–2, check digit (expected K)', 'A1110000600037341L', ['uscc.check_digit'], '应为 K'],
    ['§1.1 pos 3–8 digits only', '91A10000600037341L', ['uscc.area_digits', 'uscc.check_digit'], '第3–8位'],
  ])('%s: %s', (_name, code, rules, messagePart) => {
    const result = checkUscc(code);
    expect(result.valid).toBe(false);
    expect(result.pilot).toBe(false);
    expect(result.issues.map((i) => i.rule)).toEqual(rules);
    expect(result.issues[0]?.message).toContain(messagePart);
  });
});

describe('checkUscc: §1.5 pilot-era codes (flagged, not rejected)', () => {
  it.each([
    ['aarioai/id-rule (calc R); §1.6 lists it as failing the check digit', '91350211M0000XUF46', 'R'],
    ['aarioai/id-rule (calc 1)', '91350100M0001TGQXM', '1'],
    ['aarioai/id-rule (calc J)', '91350203M0001FUE2P', 'J'],
    ['02020/vite whitelist', '91350203M0001QAY9B', '9'],
  ])('%s: %s', (_name, code, expected) => {
    const result = checkUscc(code);
    expect(result).toMatchObject({ valid: true, pilot: true });
    expect(result.issues.map((i) => i.rule)).toEqual(['uscc.pilot_check_digit']);
    expect(result.issues[0]).toMatchObject({ severity: 'warning' });
    expect(result.issues[0]?.message).toContain(`应为 ${expected}`);
  });

  it('pilot shape outside Fujian (9141…) is not a pilot', () => {
    expect(checkUscc('91410402M0000XUF46')).toMatchObject({ valid: false, pilot: false });
  });
});

describe('checkUscc: warnings keep the code valid', () => {
  it.each([
    ['§1.3 unknown pair 99 (工商 has no 9)', '99410402MA9G1234', 'uscc.category_unknown'],
    ['§1.3 [U] pair G1', 'G1410402MA9G1234', 'uscc.category_unknown'],
    ['GB/T 2260 unknown area 990426', '91990426MA9G1234', 'uscc.area_unknown'],
    ['GB 11714 embedded org check mismatch', '91410402MA9G1235', 'uscc.orgcode_mismatch'],
  ])('%s', (_name, first16, rule) => {
    // Give the code a correct GB 32100 check digit so only the warning remains.
    const first17 = `${first16}0`;
    const code = first17 + (usccCheckChar(first17) ?? '');
    expect(checkUscc(code)).toMatchObject({ valid: true, pilot: false });
    expect(rulesOf(code)).toEqual([rule]);
  });

  it('GB 32100: national registration area 100000 is not unknown', () => {
    const first17 = '12100000MA9G12340';
    expect(rulesOf(first17 + (usccCheckChar(first17) ?? ''))).toEqual([]);
  });
});
