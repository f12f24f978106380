import type { User } from '@pubcredit/db';
import { ROLE_NAMES } from '@pubcredit/domain';
import type { SessionUserBody, UserBody } from '../schemas/user.schema';
import type { DeptNameOf } from './record.presenter';

/** The signed-in user, with the name of their department (`deptName` from departmentNames). */
export function presentSessionUser(u: User, deptName: DeptNameOf): SessionUserBody {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleName: ROLE_NAMES[u.role],
    departmentUscc: u.departmentUscc,
    departmentName: u.departmentUscc ? deptName(u.departmentUscc) : null,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
  };
}

/** An account for the administrator: never the password hash or the TOTP secret. */
export function presentUser(u: User, deptName: DeptNameOf): UserBody {
  return {
    ...presentSessionUser(u, deptName),
    disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}
