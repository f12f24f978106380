import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DbError, NewUser } from '../src/index';
import {
  acceptTotpStep,
  clearTotp,
  deleteStaleSessions,
  deleteUserSessions,
  findSessionWithUser,
  getUserByUsername,
  incrementFailedLogins,
  insertSession,
  insertUser,
  listUsers,
  recordLoginSuccess,
  setLockedUntil,
  setPendingTotpSecret,
  updateUser,
} from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';
import { insertDepartment } from './factories';

function newUser(over: Partial<NewUser> = {}): NewUser {
  return {
    id: randomUUID(),
    username: `user${randomUUID().slice(0, 8)}`,
    displayName: '测试用户',
    role: 'credit_officer',
    departmentUscc: null,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
    mustChangePassword: true,
    createdAt: new Date('2024-05-01T02:00:00Z'),
    ...over,
  };
}

describe.each(testEngines())('user and session repositories on %s', (engine) => {
  let db: Database;
  let dept: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dept = await insertDepartment(db);
  });
  afterAll(() => db.close());

  it('creates, finds and lists accounts; a taken username is refused without aborting the transaction', async () => {
    const user = await insertUser(db, newUser({ username: 'zhangsan', role: 'dept_reporter', departmentUscc: dept }));
    expect(user).toMatchObject({ username: 'zhangsan', role: 'dept_reporter', departmentUscc: dept, failedLogins: 0, totpEnabled: false });
    expect(await getUserByUsername(db, 'zhangsan')).toEqual(user);
    expect((await listUsers(db)).map((u) => u.username)).toContain('zhangsan');
    await db.transaction(async (tx) => {
      const err = await insertUser(tx, newUser({ username: 'zhangsan' })).catch((e: unknown) => e);
      expect((err as DbError).code).toBe('USER_EXISTS');
      expect((await tx.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });
  });

  it('requires a department for department roles and none for the others (check constraint)', async () => {
    await expect(insertUser(db, newUser({ role: 'dept_reviewer', departmentUscc: null }))).rejects.toThrow(/users_department_role/);
    await expect(insertUser(db, newUser({ role: 'auditor', departmentUscc: dept }))).rejects.toThrow(/users_department_role/);
    await expect(insertUser(db, newUser({ role: 'nobody' as never }))).rejects.toThrow(/check/);
  });

  it('counts failures atomically and clears them on success', async () => {
    const user = await insertUser(db, newUser());
    const counts = await Promise.all([1, 2, 3].map(() => incrementFailedLogins(db, user.id)));
    expect(counts.sort()).toEqual([1, 2, 3]);
    await setLockedUntil(db, user.id, new Date('2024-05-01T03:00:00Z'));
    await recordLoginSuccess(db, user.id, new Date('2024-05-01T04:00:00Z'));
    const after = await getUserByUsername(db, user.username);
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date('2024-05-01T04:00:00Z') });
  });

  it('accepts each TOTP step once and only after a secret is set', async () => {
    const user = await insertUser(db, newUser());
    expect(await acceptTotpStep(db, user.id, 100, true)).toBe(false);
    await setPendingTotpSecret(db, user.id, 'v1:cipher');
    expect(await acceptTotpStep(db, user.id, 100, true)).toBe(true);
    expect(await acceptTotpStep(db, user.id, 100, false)).toBe(false);
    expect(await acceptTotpStep(db, user.id, 99, false)).toBe(false);
    expect(await acceptTotpStep(db, user.id, 101, false)).toBe(true);
    expect(await getUserByUsername(db, user.username)).toMatchObject({ totpEnabled: true, totpLastStep: 101 });
    // An enabled factor is not replaced by a new pending secret.
    await setPendingTotpSecret(db, user.id, 'v1:other');
    expect((await getUserByUsername(db, user.username))?.totpSecretCipher).toBe('v1:cipher');
    await clearTotp(db, user.id);
    expect(await getUserByUsername(db, user.username)).toMatchObject({ totpEnabled: false, totpSecretCipher: null });
  });

  it('updates role, department and the disabled mark', async () => {
    const user = await insertUser(db, newUser());
    const at = new Date('2024-06-01T00:00:00Z');
    expect(await updateUser(db, user.id, { role: 'dept_reviewer', departmentUscc: dept, disabledAt: at })).toMatchObject({
      role: 'dept_reviewer',
      departmentUscc: dept,
      disabledAt: at,
    });
    expect(await updateUser(db, randomUUID(), { disabledAt: null })).toBeUndefined();
  });

  it('keeps sessions by token hash with their account, and ends them', async () => {
    const user = await insertUser(db, newUser());
    const base = { userId: user.id, csrfTokenHash: 'c', clientIp: '127.0.0.1', userAgent: 'vitest' };
    const t0 = new Date('2024-05-01T02:00:00Z');
    const later = new Date('2024-05-01T10:00:00Z');
    await insertSession(db, { ...base, tokenHash: 'a', createdAt: t0, expiresAt: later, lastSeenAt: t0 });
    await insertSession(db, { ...base, tokenHash: 'b', createdAt: t0, expiresAt: later, lastSeenAt: later });
    const found = await findSessionWithUser(db, 'a');
    expect(found?.session).toMatchObject({ tokenHash: 'a', userId: user.id, expiresAt: later, clientIp: '127.0.0.1' });
    expect(found?.user).toEqual(user);
    expect(await findSessionWithUser(db, 'nope')).toBeUndefined();
    expect(await deleteStaleSessions(db, new Date('2024-05-01T03:00:00Z'), new Date('2024-05-01T02:30:00Z'))).toBe(1);
    expect(await findSessionWithUser(db, 'a')).toBeUndefined();
    expect(await deleteUserSessions(db, user.id, 'b')).toBe(0);
    expect(await deleteUserSessions(db, user.id)).toBe(1);
  });
});
