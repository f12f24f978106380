import { describe, expect, it } from 'vitest';
import { USCC_PATTERN, fieldLabel, formatDateTime, formatDateTimeSeconds, normalizeUscc } from './format';
import { pageQuery, pageSlice } from './paging';
import { afterLoginPath, archivePath, sectionOfPath } from './paths';
import { canAccess, needsDepartment, roleLabel, sectionsFor, seesAuditHealth, seesCalendarHealth } from './roles';

describe('menu by role (issue #3: each party does exactly its own job)', () => {
  it.each([
    ['platform_admin', ['users', 'departments', 'apikeys', 'audit']],
    ['credit_officer', ['departments', 'batches', 'archive']],
    ['dept_reporter', ['upload', 'batches', 'archive']],
    ['dept_reviewer', ['batches', 'archive']],
    ['auditor', ['audit']],
  ] as const)('%s sees %j', (role, sections) => {
    expect(sectionsFor(role)).toEqual(sections);
  });

  it.each([
    ['platform_admin', true],
    ['auditor', true],
    ['credit_officer', false],
    ['dept_reporter', false],
    ['dept_reviewer', false],
  ] as const)('%s is told when the audit trail is degraded: %s', (role, told) => {
    expect(seesAuditHealth(role)).toBe(told);
  });

  it.each([
    ['platform_admin', true],
    ['credit_officer', true],
    ['auditor', false],
    ['dept_reporter', false],
    ['dept_reviewer', false],
  ] as const)('%s is told when the working-day calendar lacks a year: %s', (role, told) => {
    expect(seesCalendarHealth(role)).toBe(told);
  });

  it('opens 信用档案核查 to the credit centre and the departments only', () => {
    expect(canAccess('credit_officer', 'archive')).toBe(true);
    expect(canAccess('dept_reviewer', 'archive')).toBe(true);
    expect(canAccess('platform_admin', 'archive')).toBe(false);
    expect(canAccess('auditor', 'archive')).toBe(false);
  });

  it('keeps the auditor out of administration and departments out of the audit trail', () => {
    expect(canAccess('auditor', 'users')).toBe(false);
    expect(canAccess('auditor', 'apikeys')).toBe(false);
    expect(canAccess('dept_reporter', 'audit')).toBe(false);
  });

  it('asks a department only of department roles, and labels roles in Chinese', () => {
    expect(needsDepartment('dept_reporter')).toBe(true);
    expect(needsDepartment('credit_officer')).toBe(false);
    expect(roleLabel('dept_reviewer')).toBe('部门审核员');
    expect(roleLabel('unknown_role')).toBe('unknown_role');
  });
});

describe('afterLoginPath', () => {
  it('returns to the console page the user came from when the role may use it', () => {
    expect(afterLoginPath('/console/batches/abc?x=1', 'dept_reporter')).toBe('/console/batches/abc?x=1');
  });

  it("goes to the role's first section from a page of another role (the browser's previous user)", () => {
    expect(afterLoginPath('/console/apikeys', 'dept_reporter')).toBe('/console/upload');
    expect(afterLoginPath('/console/audit', 'dept_reviewer')).toBe('/console/batches');
  });

  it.each([
    [undefined, '/console/users'],
    ['/console/login', '/console/users'],
    ['/console/password', '/console/users'],
    ['https://evil.example/console/users', '/console/users'],
    ['//evil.example/console/users', '/console/users'],
    ['/consolex/users', '/console/users'],
    ['/', '/console/users'],
  ])('never leaves the console (from %s → %s)', (from, to) => {
    expect(afterLoginPath(from, 'platform_admin')).toBe(to);
  });

  it('finds the section of a path', () => {
    expect(sectionOfPath('/console/batches/1234')).toBe('batches');
    expect(sectionOfPath(archivePath('91410402MA2YUMA33Y'))).toBe('archive');
    expect(sectionOfPath('/console/users?page=2')).toBe('users');
    expect(sectionOfPath('/console/usersx')).toBeUndefined();
    expect(sectionOfPath('/console')).toBeUndefined();
  });
});

describe('paging without a total', () => {
  it('asks one row more than the page and offers next when it comes back', () => {
    expect(pageQuery(1, 20)).toEqual({ limit: 21, offset: 0 });
    expect(pageQuery(3, 20)).toEqual({ limit: 21, offset: 40 });
    expect(pageSlice([1, 2, 3], 2)).toEqual({ rows: [1, 2], hasMore: true });
    expect(pageSlice([1, 2], 2)).toEqual({ rows: [1, 2], hasMore: false });
  });
});

describe('format', () => {
  it('names catalogue fields in Chinese with their code', () => {
    const fields = [{ code: 'CF_XK', name: '行政相对人名称' }];
    expect(fieldLabel(fields, 'CF_XK')).toBe('行政相对人名称（CF_XK）');
    expect(fieldLabel(fields, 'OTHER')).toBe('OTHER');
    expect(fieldLabel(undefined, 'X')).toBe('X');
  });

  it('checks the USCC alphabet (GB 32100: no I, O, Z, S, V)', () => {
    expect(USCC_PATTERN.test(normalizeUscc(' 11410400005847120c '))).toBe(true);
    expect(USCC_PATTERN.test('11410400005847120')).toBe(false);
    expect(USCC_PATTERN.test('1141040000584712OC')).toBe(false);
  });

  it('formats times in Beijing time whatever the zone of the machine, and a dash for none', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('2026-03-05T06:07:09Z')).toBe('2026-03-05 14:07');
    expect(formatDateTime('2026-03-05T18:30:00Z')).toBe('2026-03-06 02:30');
    expect(formatDateTimeSeconds('2026-03-05T06:07:09.500Z')).toBe('2026-03-05 14:07:09');
    expect(formatDateTimeSeconds(undefined)).toBe('—');
  });
});
