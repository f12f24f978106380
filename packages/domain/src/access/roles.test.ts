import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_NAMES, isDepartmentRole, parseRole, roleLabel } from './roles';

describe('roles (issue #3: 平台管理员/信用中心业务员/部门填报员/部门审核员/审计员)', () => {
  it.each([
    ['code', 'platform_admin', 'platform_admin'],
    ['code, any case', 'Dept_Reporter', 'dept_reporter'],
    ['Chinese name', '平台管理员', 'platform_admin'],
    ['Chinese name', '信用中心业务员', 'credit_officer'],
    ['Chinese name', '部门填报员', 'dept_reporter'],
    ['Chinese name with spaces', ' 部门 审核员 ', 'dept_reviewer'],
    ['Chinese name', '审计员', 'auditor'],
    ['unknown', '管理员', undefined],
    ['empty', '', undefined],
  ])('%s %s', (_kind, input, expected) => {
    expect(parseRole(input)).toBe(expected);
  });

  it('names every role and round-trips each name', () => {
    for (const role of ROLES) expect(parseRole(ROLE_NAMES[role])).toBe(role);
    expect(roleLabel('auditor')).toBe('审计员（auditor）');
  });

  it('scopes only the department roles to a department', () => {
    expect(ROLES.filter(isDepartmentRole)).toEqual(['dept_reporter', 'dept_reviewer']);
  });
});
