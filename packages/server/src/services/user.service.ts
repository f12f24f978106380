import { randomUUID } from 'node:crypto';
import { clearTotp, getDepartment, getUserById, getUserByUsername, insertUser, listUsers, setPassword, updateUser } from '@pubcredit/db';
import type { User } from '@pubcredit/db';
import { DomainError, isDepartmentRole, normalizeCode, normalizeText, normalizeUsername, parseRole, passwordProblems, roleLabel, ROLES, usernameProblem } from '@pubcredit/domain';
import type { Role } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { generatePassword, hashPassword } from './auth/password-hasher';
import { endUserSessions } from './auth/session.service';

/** A new or reset account with its one-time password (shown once, never stored in clear). */
export interface UserWithPassword {
  user: User;
  password: string;
}

export interface CreateUserInput {
  username: string;
  displayName?: string;
  /** A role code or its Chinese name (平台管理员 …). */
  role: string;
  departmentUscc?: string | null;
}

function checkRole(input: string): Role {
  const role = parseRole(input);
  if (!role) {
    throw new DomainError('INVALID_ARGUMENT', `未知的角色：${input}；可用：${ROLES.map(roleLabel).join('、')}`, { role: input });
  }
  return role;
}

/**
 * The department of a role: required (and registered) for 部门填报员 / 部门审核员, refused for the
 * platform roles.
 */
async function checkDepartment(ctx: AppContext, role: Role, department: string | null | undefined): Promise<string | null> {
  const uscc = department ? normalizeCode(department) : null;
  if (!isDepartmentRole(role)) {
    if (uscc) throw new DomainError('INVALID_ARGUMENT', `${roleLabel(role)}不属于任何部门，请不要指定部门`);
    return null;
  }
  if (!uscc) throw new DomainError('INVALID_ARGUMENT', `${roleLabel(role)}必须指定所属部门（统一社会信用代码）`);
  if (!(await getDepartment(ctx.db, uscc))) {
    throw new DomainError('DEPARTMENT_UNKNOWN', `部门 ${uscc} 未登记，请先登记部门`, { department: uscc });
  }
  return uscc;
}

/** A one-time password that passes the policy for this username. */
function oneTimePassword(username: string): string {
  for (;;) {
    const password = generatePassword();
    if (passwordProblems(password, username).length === 0) return password;
  }
}

/**
 * Creates a staff account with a generated one-time password, which must be changed at first login.
 * @throws DomainError INVALID_ARGUMENT, DEPARTMENT_UNKNOWN; DbError USER_EXISTS
 */
export async function createUser(ctx: AppContext, input: CreateUserInput): Promise<UserWithPassword> {
  const username = normalizeUsername(input.username);
  const problem = usernameProblem(username);
  if (problem) throw new DomainError('INVALID_ARGUMENT', `${problem}：${input.username}`, { username: input.username });
  const role = checkRole(input.role);
  const departmentUscc = await checkDepartment(ctx, role, input.departmentUscc);
  const displayName = normalizeText(input.displayName ?? '') || username;
  const password = oneTimePassword(username);
  const user = await insertUser(ctx.db, {
    id: randomUUID(),
    username,
    displayName,
    role,
    departmentUscc,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    createdAt: ctx.now(),
  });
  return { user, password };
}

export function listAllUsers(ctx: AppContext): Promise<User[]> {
  return listUsers(ctx.db);
}

/** An account by id or username (the CLI takes either). */
export async function findUser(ctx: AppContext, idOrUsername: string): Promise<User> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrUsername);
  const user = uuid ? await getUserById(ctx.db, idOrUsername) : await getUserByUsername(ctx.db, normalizeUsername(idOrUsername));
  if (!user) throw new DomainError('NOT_FOUND', `未找到用户 ${idOrUsername}`);
  return user;
}

export interface UpdateUserInput {
  displayName?: string;
  role?: string;
  /** Required when the role becomes a department role; null to clear it for a platform role. */
  departmentUscc?: string | null;
  disabled?: boolean;
  /** Remove the second factor (lost phone); the user sets it up again. */
  resetTotp?: boolean;
}

/**
 * Changes an account's role, department, name or disabled state. An administrator cannot disable
 * or change the role of their own account (the platform would lose its administrator).
 * @throws DomainError NOT_FOUND, INVALID_ARGUMENT, DEPARTMENT_UNKNOWN; AppError FORBIDDEN
 */
export async function updateUserAccount(ctx: AppContext, id: string, input: UpdateUserInput, actorId?: string): Promise<User> {
  const user = await findUser(ctx, id);
  const role = input.role === undefined ? user.role : checkRole(input.role);
  if (actorId === user.id && (role !== user.role || input.disabled === true)) {
    throw new AppError('FORBIDDEN', '不能停用自己的账号或更改自己的角色，请由另一位平台管理员操作');
  }
  const departmentChanged = input.role !== undefined || input.departmentUscc !== undefined;
  const departmentUscc = departmentChanged
    ? await checkDepartment(ctx, role, input.departmentUscc === undefined ? (isDepartmentRole(role) ? user.departmentUscc : null) : input.departmentUscc)
    : undefined;
  const displayName = input.displayName === undefined ? undefined : normalizeText(input.displayName);
  if (displayName === '') throw new DomainError('INVALID_ARGUMENT', '姓名不能为空');
  const disabledAt = input.disabled === undefined ? undefined : input.disabled ? (user.disabledAt ?? ctx.now()) : null;
  const updated = await updateUser(ctx.db, user.id, { displayName, role, departmentUscc, disabledAt });
  if (!updated) throw new DomainError('NOT_FOUND', `未找到用户 ${id}`);
  if (input.disabled === true) await endUserSessions(ctx, user.id);
  if (input.resetTotp === true) {
    await clearTotp(ctx.db, user.id);
    return { ...updated, totpEnabled: false, totpSecretCipher: null, totpLastStep: null };
  }
  return updated;
}

/**
 * Gives an account a new one-time password (to be changed at next login), unlocks it and ends its
 * sessions. An administrator changes their own password through the password change instead.
 * @throws DomainError NOT_FOUND; AppError FORBIDDEN
 */
export async function resetUserPassword(ctx: AppContext, id: string, actorId?: string): Promise<UserWithPassword> {
  const user = await findUser(ctx, id);
  if (actorId === user.id) throw new AppError('FORBIDDEN', '不能重置自己的密码，请在“修改密码”中修改');
  const password = oneTimePassword(user.username);
  await setPassword(ctx.db, user.id, await hashPassword(password), true);
  await endUserSessions(ctx, user.id);
  return { user: { ...user, mustChangePassword: true, failedLogins: 0, lockedUntil: null }, password };
}
