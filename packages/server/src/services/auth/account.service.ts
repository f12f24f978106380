import { acceptTotpStep, getUserById, setPassword, setPendingTotpSecret } from '@pubcredit/db';
import type { User } from '@pubcredit/db';
import { DomainError, passwordProblems } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { activeLock, recordFailure } from './login.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { endSession, endUserSessions, startSession } from './session.service';
import type { ClientInfo, SessionTokens } from './session.service';
import { matchTotp, newTotpSecret } from './totp';

/** @throws AppError PASSWORD_WEAK listing every broken rule */
export function assertPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw new AppError('PASSWORD_WEAK', `密码不符合要求：${problems.join('；')}`, { problems });
}

async function loadUser(ctx: AppContext, userId: string): Promise<User> {
  const user = await getUserById(ctx.db, userId);
  if (!user) throw new DomainError('NOT_FOUND', '账号不存在');
  return user;
}

/**
 * Checks the current password of a signed-in user: a wrong one counts towards the lockout like a
 * failed login, so a stolen session cannot be used to guess it.
 * @throws AppError PASSWORD_INCORRECT, ACCOUNT_LOCKED
 */
async function assertCurrentPassword(ctx: AppContext, user: User, password: string): Promise<void> {
  const lock = activeLock(ctx, user);
  if (lock) throw lock;
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw await recordFailure(ctx, user, new AppError('PASSWORD_INCORRECT', '当前密码不正确'));
  }
}

export interface ChangePasswordInput {
  current: string;
  next: string;
}

/**
 * Changes one's own password (also the forced change of a one-time password). Every session of
 * the user ends; the caller gets a fresh one in place of the one it used.
 * @throws AppError PASSWORD_INCORRECT, PASSWORD_WEAK, ACCOUNT_LOCKED
 */
export async function changeOwnPassword(
  ctx: AppContext,
  userId: string,
  currentToken: string,
  input: ChangePasswordInput,
  client: ClientInfo,
): Promise<{ user: User; tokens: SessionTokens }> {
  const user = await loadUser(ctx, userId);
  await assertCurrentPassword(ctx, user, input.current);
  assertPasswordPolicy(input.next, user.username);
  if (input.next === input.current) throw new AppError('PASSWORD_WEAK', '新密码不能与当前密码相同', { problems: ['新密码不能与当前密码相同'] });
  await setPassword(ctx.db, user.id, await hashPassword(input.next), false);
  await endSession(ctx, currentToken);
  await endUserSessions(ctx, user.id);
  const updated = { ...user, mustChangePassword: false, failedLogins: 0, lockedUntil: null };
  return { user: updated, tokens: await startSession(ctx, updated, client) };
}

/**
 * Starts setting up TOTP: a new secret, stored encrypted and inactive until a code from it is
 * confirmed. Needs the password, so a borrowed session cannot tie the account to another phone.
 * @throws AppError PASSWORD_INCORRECT, TOTP_ALREADY_ENABLED
 */
export async function setUpTotp(ctx: AppContext, userId: string, password: string): Promise<{ secret: string; uri: string }> {
  const user = await loadUser(ctx, userId);
  if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', '动态口令已启用；更换手机请联系平台管理员重置');
  await assertCurrentPassword(ctx, user, password);
  const created = newTotpSecret(user.username);
  await setPendingTotpSecret(ctx.db, user.id, ctx.keys.encrypt(created.secret));
  return created;
}

/**
 * Turns TOTP on once a code from the new secret is shown; from then on login asks for a code.
 * @throws AppError TOTP_NOT_SET_UP, TOTP_ALREADY_ENABLED, TOTP_CONFIRM_FAILED
 */
export async function confirmTotp(ctx: AppContext, userId: string, code: string): Promise<User> {
  const user = await loadUser(ctx, userId);
  if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', '动态口令已启用');
  if (!user.totpSecretCipher) throw new AppError('TOTP_NOT_SET_UP', '请先获取动态口令密钥（POST /api/v1/auth/totp/setup）');
  const step = matchTotp(ctx.keys.decrypt(user.totpSecretCipher), user.username, code, ctx.now());
  if (step === null || !(await acceptTotpStep(ctx.db, user.id, step, true))) {
    throw new AppError('TOTP_CONFIRM_FAILED', '动态口令不正确：请核对手机时间，并输入身份验证器中最新的 6 位数字');
  }
  return { ...user, totpEnabled: true, totpLastStep: step };
}
