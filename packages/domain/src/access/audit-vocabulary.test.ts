import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTOR_KINDS, AUDIT_ACTOR_KIND_NAMES, AUDIT_OUTCOMES, AUDIT_OUTCOME_NAMES, auditActionLabel, auditActionName } from './audit-vocabulary';

describe('audit vocabulary (issue #3 §4: the trail in words an auditor reads)', () => {
  it('names an action code, and labels it with the code beside the name', () => {
    expect(auditActionName('user.create')).toBe('新建账号');
    expect(auditActionLabel('batch.upload')).toBe('上报数据（batch.upload）');
  });

  it('leaves a code it does not know as it is: a route recorded by method and path, an older version', () => {
    expect(auditActionName('GET /api/v1/x')).toBeNull();
    expect(auditActionLabel('GET /api/v1/x')).toBe('GET /api/v1/x');
    // Not fooled by the prototype of the lookup object.
    expect(auditActionName('toString')).toBeNull();
    expect(auditActionName('constructor')).toBeNull();
  });

  it('gives every action, actor kind and outcome a Chinese name, and no two actions the same one', () => {
    const names = Object.values(AUDIT_ACTION_NAMES);
    for (const n of names) expect(n).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(names).size).toBe(names.length);
    for (const k of AUDIT_ACTOR_KINDS) expect(AUDIT_ACTOR_KIND_NAMES[k]).toMatch(/\S/);
    for (const o of AUDIT_OUTCOMES) expect(AUDIT_OUTCOME_NAMES[o]).toMatch(/[\u4e00-\u9fff]/);
  });
});
