/** Limits of a staff login name (用户名), shared by the API schema, the CLI and the console. */
export const USERNAME_MIN = 2;
export const USERNAME_MAX = 32;

// Letters of any script (staff may log in with a Chinese name), digits, dot, underscore, hyphen.
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/**
 * The canonical form of a login name: NFKC (full-width → half-width), trimmed, lower case.
 * @example normalizeUsername(' Ｚhang.San ') // 'zhang.san'
 */
export function normalizeUsername(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

/** Why a (normalised) login name is refused, in Chinese, or undefined when it is acceptable. */
export function usernameProblem(username: string): string | undefined {
  const length = [...username].length;
  if (length < USERNAME_MIN || length > USERNAME_MAX) return `用户名长度应为 ${USERNAME_MIN}–${USERNAME_MAX} 个字符`;
  if (!USERNAME.test(username)) return '用户名只能包含文字、数字和 . _ -，且以文字或数字开头';
  return undefined;
}
