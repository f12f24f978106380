/** Staff roles (角色, issue #3), by stable code. */
export const ROLES = ['platform_admin', 'credit_officer', 'dept_reporter', 'dept_reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The Chinese name of each role, as staff read it. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  platform_admin: '平台管理员',
  credit_officer: '信用中心业务员',
  dept_reporter: '部门填报员',
  dept_reviewer: '部门审核员',
  auditor: '审计员',
};

/** Roles that belong to one 信源部门 and act only on its data. */
export const DEPARTMENT_ROLES: readonly Role[] = ['dept_reporter', 'dept_reviewer'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether the role needs a department (and sees only that department's data). */
export function isDepartmentRole(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role);
}

/**
 * A role from its code or its Chinese name (spaces ignored), or undefined.
 * @example parseRole('部门填报员') // 'dept_reporter'
 */
export function parseRole(input: string): Role | undefined {
  const value = input.replace(/\s+/g, '');
  if (isRole(value.toLowerCase())) return value.toLowerCase() as Role;
  return ROLES.find((r) => ROLE_NAMES[r] === value);
}

/** How a role is shown in messages: 部门填报员（dept_reporter）. */
export function roleLabel(role: Role): string {
  return `${ROLE_NAMES[role]}（${role}）`;
}
