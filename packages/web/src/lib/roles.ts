import type { Role } from '../api/types';
import { ROLES } from '../api/types';

/** 角色 as staff read them (issue #3). */
export const ROLE_LABELS: Record<Role, string> = {
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

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export function needsDepartment(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role);
}

/** The console's sections, in menu order. */
export const SECTIONS = ['users', 'departments', 'apikeys', 'upload', 'batches', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * Who sees which section, as the server's route declarations allow (the server decides; this only
 * keeps the menu to what the role can use). The auditor reads the trail and administers nothing.
 */
const SECTION_ROLES: Record<Section, readonly Role[]> = {
  users: ['platform_admin'],
  departments: ['platform_admin', 'credit_officer'],
  apikeys: ['platform_admin'],
  upload: ['dept_reporter'],
  batches: ['dept_reporter', 'dept_reviewer', 'credit_officer'],
  audit: ['auditor', 'platform_admin'],
};

export function canAccess(role: Role, section: Section): boolean {
  return SECTION_ROLES[section].includes(role);
}

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => canAccess(role, s));
}
