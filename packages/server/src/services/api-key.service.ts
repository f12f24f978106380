import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { findApiKeyByHash, getApiKey, getDepartment, insertApiKey, listApiKeys as listKeyRows, revokeApiKey as revokeKeyRow } from '@pubcredit/db';
import type { ApiKeyRow } from '@pubcredit/db';
import { DomainError, normalizeCode } from '@pubcredit/domain';
import type { AppContext } from '../context';
import type { DeptNameOf } from '../presenters/record.presenter';
import { departmentNames } from './department.service';
import { API_SCOPES, SCOPE_HOLDER, isApiScope } from './api-scopes';
import type { ApiScope, KeyPrincipal } from './api-scopes';

const KEY_PREFIX = 'pck_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A key has 256 random bits, so a plain SHA-256 is enough to store it (no slow hash needed). */
function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface CreateApiKeyInput {
  departmentUscc?: string;
  systemName?: string;
  scopes: readonly string[];
  /** The administrator creating it through the API. */
  createdBy?: string;
}

/** An API key as listed: never its hash, never the key. */
export interface ApiKeyInfo {
  id: string;
  departmentUscc: string | null;
  /** The department's registered name (null for a system key). */
  departmentName: string | null;
  systemName: string | null;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

function present(row: ApiKeyRow, deptName: DeptNameOf): ApiKeyInfo {
  return {
    id: row.id,
    departmentUscc: row.department_uscc,
    departmentName: row.department_uscc ? deptName(row.department_uscc) : null,
    systemName: row.system_name,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

function checkScopes(scopes: readonly string[], holder: 'department' | 'system'): ApiScope[] {
  const unknown = scopes.filter((s) => !isApiScope(s));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new DomainError('INVALID_ARGUMENT', `权限范围无效：${unknown.join('、') || '（空）'}；可用：${API_SCOPES.join('、')}`, {
      unknown,
    });
  }
  const valid = [...new Set(scopes)] as ApiScope[];
  const misplaced = valid.filter((s) => SCOPE_HOLDER[s] !== holder);
  if (misplaced.length > 0) {
    const whose = holder === 'department' ? '部门密钥' : '系统密钥';
    const allowed = API_SCOPES.filter((s) => SCOPE_HOLDER[s] === holder).join('、');
    throw new DomainError('INVALID_ARGUMENT', `${whose}不能带有权限 ${misplaced.join('、')}；${whose}可用：${allowed}`, { misplaced });
  }
  return valid;
}

/**
 * Creates a key for a department or a calling system; the key ('pck_' + 32 random bytes,
 * base64url) is returned once, only its hash is stored.
 */
export async function createApiKey(ctx: AppContext, input: CreateApiKeyInput): Promise<{ id: string; key: string }> {
  const departmentUscc = input.departmentUscc?.trim() ? normalizeCode(input.departmentUscc) : null;
  const systemName = input.systemName?.trim() || null;
  if (!departmentUscc === !systemName) {
    throw new DomainError('INVALID_ARGUMENT', '请指定密钥所属部门（departmentUscc，命令行 --department）或调用系统名称（systemName，命令行 --system），二者选一');
  }
  const scopes = checkScopes(input.scopes, departmentUscc ? 'department' : 'system');
  if (departmentUscc && !(await getDepartment(ctx.db, departmentUscc))) {
    throw new DomainError('DEPARTMENT_UNKNOWN', `部门 ${departmentUscc} 未登记，请先在“部门管理”中登记（命令行：pubcredit departments add）`, {
      department: departmentUscc,
    });
  }
  const id = randomUUID();
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  await insertApiKey(ctx.db, { id, keyHash: hashKey(key), departmentUscc, systemName, scopes, createdAt: ctx.now(), createdBy: input.createdBy ?? null });
  return { id, key };
}

/** The principal of a valid, unrevoked key, or null. */
export async function authenticateApiKey(ctx: AppContext, key: string): Promise<KeyPrincipal | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const row = await findApiKeyByHash(ctx.db, hashKey(key));
  if (!row || row.revoked_at) return null;
  return {
    kind: 'key',
    keyId: row.id,
    departmentUscc: row.department_uscc,
    systemName: row.system_name,
    scopes: row.scopes.filter(isApiScope),
  };
}

export async function listApiKeys(ctx: AppContext): Promise<ApiKeyInfo[]> {
  const deptName = await departmentNames(ctx);
  return (await listKeyRows(ctx.db)).map((row) => present(row, deptName));
}

/** Revokes a key (at once: the next request with it gets 401) and returns it as now listed. */
export async function revokeApiKey(ctx: AppContext, id: string): Promise<ApiKeyInfo> {
  if (!UUID.test(id) || !(await revokeKeyRow(ctx.db, id, ctx.now()))) {
    throw new DomainError('NOT_FOUND', `未找到 API 密钥 ${id}`);
  }
  const row = await getApiKey(ctx.db, id);
  if (!row) throw new DomainError('NOT_FOUND', `未找到 API 密钥 ${id}`);
  return present(row, await departmentNames(ctx));
}
