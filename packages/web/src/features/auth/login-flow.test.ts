import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-client';
import { groupSecret, isTotpChallenge, normalizeTotp } from './login-flow';

describe('login second factor', () => {
  it('recognises the TOTP challenge among login errors', () => {
    expect(isTotpChallenge(new ApiError(401, 'TOTP_REQUIRED', '请输入动态口令'))).toBe(true);
    expect(isTotpChallenge(new ApiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误'))).toBe(false);
    expect(isTotpChallenge(new Error('x'))).toBe(false);
  });

  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['１２３４５６', '123456'],
    ['12345', null],
    ['12345a', null],
  ])('normalizes %j → %j', (input, out) => {
    expect(normalizeTotp(input)).toBe(out);
  });

  it('groups the secret by four for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});
