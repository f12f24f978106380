import { addDepartment, listDepartments } from '@pubcredit/db';
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
  return addDepartment(ctx.db, { uscc, name });
}

export function listAllDepartments(ctx: AppContext): Promise<Department[]> {
  return listDepartments(ctx.db);
}
