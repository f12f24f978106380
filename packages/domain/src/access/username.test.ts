import { describe, expect, it } from 'vitest';
import { normalizeUsername, usernameProblem } from './username';

describe('usernames', () => {
  it('normalises width, spaces and case', () => {
    expect(normalizeUsername(' Ｚhang.San ')).toBe('zhang.san');
    expect(normalizeUsername('张三')).toBe('张三');
  });

  it.each([
    ['ascii', 'admin', undefined],
    ['Chinese', '张三', undefined],
    ['dots and digits', 'wang.li_02', undefined],
    ['too short', 'a', '用户名长度应为 2–32 个字符'],
    ['too long', 'a'.repeat(33), '用户名长度应为 2–32 个字符'],
    ['space inside', 'zhang san', '用户名只能包含文字、数字和 . _ -，且以文字或数字开头'],
    ['markup', '<b>x</b>', '用户名只能包含文字、数字和 . _ -，且以文字或数字开头'],
    ['leading dot', '.admin', '用户名只能包含文字、数字和 . _ -，且以文字或数字开头'],
  ])('%s', (_name, input, expected) => {
    expect(usernameProblem(input)).toBe(expected);
  });
});
