import type { User } from '@pubcredit/db';
import { ROLE_NAMES } from '@pubcredit/domain';
import type { SessionUserBody, UserBody } from '../schemas/user.schema';

export function presentSessionUser(u: User): SessionUserBody {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleName: ROLE_NAMES[u.role],
    departmentUscc: u.departmentUscc,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
  };
}

/** An account for the administrator: never the password hash or the TOTP secret. */
export function presentUser(u: User): UserBody {
  return {
    ...presentSessionUser(u),
    disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}
