import { DbError, addDepartment, getDepartment, listDepartments } from '@pubcredit/db';
import type { Department } from '@pubcredit/db';
import { DomainError, checkUscc, normalizeCode, normalizeText } from '@pubcredit/domain';
import type { AppContext } from '../context';

export interface RegisterDepartmentInput {
  uscc: string;
  name: string;
}

/**
 * Registers a 信源部门 after checking its 统一社会信用代码 (GB 32100).
 * @throws DomainError INVALID_ARGUMENT, DbError DEPARTMENT_EXISTS
 */
export async function registerDepartment(ctx: AppContext, input: RegisterDepartmentInput): Promise<Department> {
  const uscc = normalizeCode(input.uscc);
  const name = normalizeText(input.name);
  const check = checkUscc(uscc);
  if (!check.valid) {
    const reasons = check.issues.filter((i) => i.severity === 'error').map((i) => i.message);
    throw new DomainError('INVALID_ARGUMENT', `统一社会信用代码 ${uscc} 无效：${reasons.join('；')}`, { uscc });
  }
  if (!name) throw new DomainError('INVALID_ARGUMENT', '部门名称不能为空');
  try {
    return await addDepartment(ctx.db, { uscc, name });
  } catch (err) {
    const existing = err instanceof DbError && err.code === 'DEPARTMENT_EXISTS' ? await getDepartment(ctx.db, uscc) : null;
    if (!existing) throw err;
    // Say under which name: a clerk re-running a setup script, or two departments sharing a code by mistake.
    throw new DbError('DEPARTMENT_EXISTS', `部门 ${uscc} 已登记为“${existing.name}”，无需重复登记`, { uscc, name: existing.name });
  }
}

export function listAllDepartments(ctx: AppContext): Promise<Department[]> {
  return listDepartments(ctx.db);
}
