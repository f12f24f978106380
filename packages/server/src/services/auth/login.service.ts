import { acceptTotpStep, getUserByUsername, incrementFailedLogins, recordLoginSuccess, setLockedUntil, setPasswordHash } from '@pubcredit/db';
import type { User } from '@pubcredit/db';
import { lockedUntil, normalizeUsername } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hasher';
import { startSession } from './session.service';
import type { ClientInfo, SessionTokens } from './session.service';
import { matchTotp } from './totp';
import { unknownLogins } from './unknown-logins';

export interface LoginInput {
  username: string;
  password: string;
  /** 动态口令, required once the account has set up TOTP. */
  totp?: string;
}

/** Beijing wall-clock time for messages, e.g. 2024-05-01 10:31:05 (China keeps no daylight saving). */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The refusal while locked; `retryAfter` (seconds) becomes the answer's Retry-After header. */
function lockedError(until: Date, now: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${beijingTime(until)}（北京时间），请届时再试或联系平台管理员`, {
    lockedUntil: until.toISOString(),
    retryAfter: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });
}

/**
 * Counts a failed password or code: from the 5th consecutive failure the account locks for
 * 1, 2, 4 … minutes (at most an hour).
 * @returns the error to answer with
 */
export async function recordFailure(ctx: AppContext, user: User, otherwise: AppError): Promise<AppError> {
  const failures = await incrementFailedLogins(ctx.db, user.id);
  const until = lockedUntil(failures, ctx.now());
  if (until) {
    await setLockedUntil(ctx.db, user.id, until);
    ctx.log.warn({ userId: user.id, failures }, 'account locked after failed logins');
    return lockedError(until, ctx.now());
  }
  return otherwise;
}

/** The account's lock, when it is in force now. */
export function activeLock(ctx: AppContext, user: User): AppError | undefined {
  return user.lockedUntil && user.lockedUntil > ctx.now() ? lockedError(user.lockedUntil, ctx.now()) : undefined;
}

/**
 * Checks a password (and the TOTP code when the account has one) and opens a session.
 * An unknown username and a wrong password get the same answer, in the same time, and lock on the
 * same schedule (unknownLogins): neither a refusal nor a lock tells whether the username exists.
 * @throws AppError LOGIN_FAILED, ACCOUNT_LOCKED, ACCOUNT_DISABLED, TOTP_REQUIRED, TOTP_INVALID
 */
export async function login(ctx: AppContext, input: LoginInput, client: ClientInfo): Promise<{ user: User; tokens: SessionTokens }> {
  const user = await getUserByUsername(ctx.db, normalizeUsername(input.username));
  const refused = new AppError('LOGIN_FAILED', '用户名或密码错误');
  if (!user) {
    // As for an account: while locked, answer at once; otherwise spend a hash's time and count.
    const username = normalizeUsername(input.username);
    const locked = unknownLogins.lockedUntil(ctx, username);
    if (locked) throw lockedError(locked, ctx.now());
    await verifyAgainstDummy(input.password);
    const lockedNow = unknownLogins.recordFailure(ctx, username);
    throw lockedNow ? lockedError(lockedNow, ctx.now()) : refused;
  }
  // While locked, the password is not even checked: guessing goes on hold too.
  const lock = activeLock(ctx, user);
  if (lock) throw lock;
  if (!(await verifyPassword(user.passwordHash, input.password))) throw await recordFailure(ctx, user, refused);
  if (user.disabledAt) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系平台管理员');

  if (user.totpEnabled) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED', '请输入动态口令（身份验证器中的 6 位数字）');
    const step = user.totpSecretCipher ? matchTotp(ctx.keys.decrypt(user.totpSecretCipher), user.username, input.totp, ctx.now()) : null;
    const wrong = new AppError('TOTP_INVALID', '动态口令错误或已使用，请输入身份验证器中最新的 6 位数字');
    if (step === null) throw await recordFailure(ctx, user, wrong);
    if (!(await acceptTotpStep(ctx.db, user.id, step, false))) throw await recordFailure(ctx, user, wrong);
  }

  await recordLoginSuccess(ctx.db, user.id, ctx.now());
  // The only moment the plain password is at hand: bring an old hash up to today's parameters.
  if (needsRehash(user.passwordHash)) await setPasswordHash(ctx.db, user.id, await hashPassword(input.password));
  const tokens = await startSession(ctx, user, client);
  return { user: { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: ctx.now() }, tokens };
}
