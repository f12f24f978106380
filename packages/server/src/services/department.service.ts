import { DbError, addDepartment, getDepartment, listDepartments } from '@pubcredit/db';
import type { Department } from '@pubcredit/db';
import { DomainError, checkUscc, normalizeCode, normalizeText } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { deptNames } from '../presenters/record.presenter';
import type { DeptNameOf } from '../presenters/record.presenter';

const DIRECTORY_TTL_MS = 60_000;

interface Directory {
  at: number;
  of: DeptNameOf;
  list: { uscc: string; name: string }[];
}

const directories = new WeakMap<AppContext['db'], Directory>();

/** Every registered department with a name look-up, cached for a minute (about 70 departments). */
export async function departmentDirectory(ctx: Pick<AppContext, 'db'>): Promise<Directory> {
  const cached = directories.get(ctx.db);
  if (cached && Date.now() - cached.at < DIRECTORY_TTL_MS) return cached;
  const list = (await listDepartments(ctx.db)).map((d) => ({ uscc: d.uscc, name: d.name }));
  const entry = { at: Date.now(), of: deptNames(list), list };
  directories.set(ctx.db, entry);
  return entry;
}

/** Department names by USCC, for presenting records, batches and accounts. */
export async function departmentNames(ctx: Pick<AppContext, 'db'>): Promise<DeptNameOf> {
  return (await departmentDirectory(ctx)).of;
}

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
    const added = await addDepartment(ctx.db, { uscc, name });
    directories.delete(ctx.db); // a new department is named at once, not a minute later
    return added;
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
