import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy';

describe('password policy (min 12 characters, 3 of 4 kinds, not the username)', () => {
  it.each([
    ['upper, lower, digit', 'Pingdingshan2024', []],
    ['lower, digit, symbol', 'yingcheng#2024', []],
    ['all four kinds', 'Ying-Cheng-2024', []],
    ['Chinese counts as "other"', '鹰城信用平台abc12345', []],
    ['too short', 'Ab1!Ab1!', ['密码至少需要 12 个字符']],
    ['two kinds only', 'pingdingshan2024', ['密码需包含大写字母、小写字母、数字、其他符号中的至少 3 类（现有 2 类）']],
    ['contains the username, any case', 'XX-Zhangsan-2024', ['密码不能包含用户名']],
  ])('%s', (_name, password, expected) => {
    expect(passwordProblems(password, 'zhangsan')).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('zhangsan', 'zhangsan')).toEqual([
      '密码至少需要 12 个字符',
      '密码需包含大写字母、小写字母、数字、其他符号中的至少 3 类（现有 1 类）',
      '密码不能包含用户名',
    ]);
  });

  it('refuses absurdly long input before it is hashed', () => {
    expect(passwordProblems(`Aa1${'x'.repeat(200)}`, 'admin')).toEqual(['密码不能超过 128 个字符']);
  });
});
