import { describe, expect, it } from 'vitest';
import { checkOrgCode, orgCodeCheckChar } from './org-code';

describe('orgCodeCheckChar (GB 11714-1997, regulations §1.4)', () => {
  it.each([
    ['GB 11714: org part of 91340600MA2PBM9HXD → X (C9 = 10)', 'MA2PBM9H', 'X'],
    ['GB 11714: org part of 91110000600037341L', '60003734', '1'],
    ['GB 11714: letter in body, org part of 91620105L015101280', 'L0151012', '8'],
    ['GB 11714: org part of 91410402MA9G12340K (synthetic)', 'MA9G1234', '0'],
    ['GB 11714: org part of 91350211M0000XUF46 (Fujian pilot)', 'M0000XUF', '4'],
    ['malformed body (7 chars)', 'MA2PBM9', null],
    ['malformed body (lower case)', 'ma2pbm9h', null],
  ])('%s', (_name, body, expected) => {
    expect(orgCodeCheckChar(body)).toBe(expected);
  });
});

describe('checkOrgCode (GB 11714-1997)', () => {
  it.each([
    ['GB 11714: display form with X check', 'MA2PBM9H-X', true, []],
    ['GB 11714: machine form with X check', 'MA2PBM9HX', true, []],
    ['GB 11714: digits only', '600037341', true, []],
    ['GB 11714: wrong check digit', '600037342', false, ['orgcode.check_digit']],
    ['GB 11714: too short', '6000373', false, ['orgcode.format']],
    ['GB 11714: check char must be 0-9 or X', '60003734A', false, ['orgcode.format']],
  ])('%s', (_name, code, valid, rules) => {
    const result = checkOrgCode(code);
    expect(result.valid).toBe(valid);
    expect(result.issues.map((i) => i.rule)).toEqual(rules);
  });

  it('GB 11714: message names the expected check character', () => {
    expect(checkOrgCode('MA2PBM9H-1').issues[0]?.message).toContain('应为 X');
  });
});
