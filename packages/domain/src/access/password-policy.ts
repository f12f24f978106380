/** Password policy (口令策略) for staff accounts, shared by the server, the CLI and the console. */
export const PASSWORD_MIN_LENGTH = 12;
/** Longer input is refused before hashing (argon2 on megabytes would be a denial of service). */
export const PASSWORD_MAX_LENGTH = 128;
/** Of upper case, lower case, digits and other characters, at least this many kinds. */
export const PASSWORD_MIN_CLASSES = 3;

const CLASSES: readonly RegExp[] = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * The reasons a password breaks the policy (Chinese, for the user), empty when it is acceptable:
 * at least 12 characters, 3 of the 4 kinds of character, not containing the username.
 * @example passwordProblems('short', 'admin') // ['密码至少需要 12 个字符', …]
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  const classes = CLASSES.filter((c) => c.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) {
    problems.push(`密码需包含大写字母、小写字母、数字、其他符号中的至少 ${PASSWORD_MIN_CLASSES} 类（现有 ${classes} 类）`);
  }
  const name = username.trim().toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name)) problems.push('密码不能包含用户名');
  return problems;
}
