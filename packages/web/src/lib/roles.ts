import { ROLE_NAMES, isDepartmentRole, isRole } from '@pubcredit/domain/access';
import type { Role } from '@pubcredit/domain/access';

/** 角色 as staff read them (issue #3): the domain's names, one list for server, CLI and console. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = ROLE_NAMES;

export { isRole };

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** Roles that belong to one 信源部门 and act only on its data. */
export const needsDepartment = (role: Role): boolean => isDepartmentRole(role);

/** The console's sections, in menu order. */
export const SECTIONS = ['users', 'departments', 'apikeys', 'upload', 'batches', 'archive', 'audit'] as const;
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
  /** 信用档案核查: every record of a subject, public or not (a department's staff see their own department's). */
  archive: ['credit_officer', 'dept_reporter', 'dept_reviewer'],
  audit: ['auditor', 'platform_admin'],
};

export function canAccess(role: Role, section: Section): boolean {
  return SECTION_ROLES[section].includes(role);
}

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => canAccess(role, s));
}

/**
 * Who is told in the console that the audit trail is degraded (entries waiting in the spool, or
 * lost): the platform administrator, who has it fixed, and the auditor, who reads the trail and must
 * know that entries of the period arrive late (补记). The facts come from the public health check;
 * the other roles can do nothing about it.
 */
export function seesAuditHealth(role: Role): boolean {
  return role === 'platform_admin' || role === 'auditor';
}

/** Who is told that the working-day calendar lacks a year: who loads it, and the credit centre that supervises 报送时效. */
export function seesCalendarHealth(role: Role): boolean {
  return role === 'platform_admin' || role === 'credit_officer';
}
