import type { Role } from '@pubcredit/domain';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  department_uscc: string | null;
  password_hash: string;
  totp_secret_cipher: string | null;
  totp_enabled: boolean;
  totp_last_step: string | null;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
  created_at: Date;
  last_login_at: Date | null;
  disabled_at: Date | null;
}

/** A staff account (工作人员账号). Secrets stay in the row: services decide what leaves. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** 统一社会信用代码 of the 信源部门, for department roles only. */
  departmentUscc: string | null;
  passwordHash: string;
  totpSecretCipher: string | null;
  totpEnabled: boolean;
  /** The last 30-second TOTP step accepted; a code is never accepted twice. */
  totpLastStep: number | null;
  failedLogins: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
}

export const USER_COLUMNS =
  'id, username, display_name, role, department_uscc, password_hash, totp_secret_cipher, totp_enabled, totp_last_step, ' +
  'failed_logins, locked_until, must_change_password, created_at, last_login_at, disabled_at';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    departmentUscc: row.department_uscc,
    passwordHash: row.password_hash,
    totpSecretCipher: row.totp_secret_cipher,
    totpEnabled: row.totp_enabled,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    disabledAt: row.disabled_at,
  };
}
