import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { getDepartment } from '@pubcredit/db';
import { DomainError, normalizeCode } from '@pubcredit/domain';
import type { AppContext } from '../context';
import * as apiKeys from '../repositories/api-key.repository';
import type { ApiKeyRow } from '../repositories/api-key.repository';
import { API_SCOPES, isApiScope } from './api-scopes';
import type { ApiScope, Principal } from './api-scopes';

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
}

/** An API key as listed: never its hash, never the key. */
export interface ApiKeyInfo {
  id: string;
  departmentUscc: string | null;
  systemName: string | null;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

function present(row: ApiKeyRow): ApiKeyInfo {
  return {
    id: row.id,
    departmentUscc: row.department_uscc,
    systemName: row.system_name,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

function checkScopes(scopes: readonly string[]): ApiScope[] {
  const unknown = scopes.filter((s) => !isApiScope(s));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new DomainError('INVALID_ARGUMENT', `权限范围无效：${unknown.join('、') || '（空）'}；可用：${API_SCOPES.join('、')}`, {
      unknown,
    });
  }
  return [...new Set(scopes)] as ApiScope[];
}

/**
 * Creates a key for a department or a calling system; the key ('pck_' + 32 random bytes,
 * base64url) is returned once, only its hash is stored.
 */
export async function createApiKey(ctx: AppContext, input: CreateApiKeyInput): Promise<{ id: string; key: string }> {
  const scopes = checkScopes(input.scopes);
  const departmentUscc = input.departmentUscc ? normalizeCode(input.departmentUscc) : null;
  const systemName = input.systemName?.trim() || null;
  if (!departmentUscc && !systemName) {
    throw new DomainError('INVALID_ARGUMENT', '请指定密钥所属部门（--department）或调用系统名称（--system）');
  }
  if (departmentUscc && !(await getDepartment(ctx.db, departmentUscc))) {
    throw new DomainError('DEPARTMENT_UNKNOWN', `部门 ${departmentUscc} 未登记，请先用 departments add 登记`, {
      department: departmentUscc,
    });
  }
  const id = randomUUID();
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  await apiKeys.insertApiKey(ctx.db, { id, keyHash: hashKey(key), departmentUscc, systemName, scopes, createdAt: ctx.now() });
  return { id, key };
}

/** The principal of a valid, unrevoked key, or null. */
export async function authenticateApiKey(ctx: AppContext, key: string): Promise<Principal | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const row = await apiKeys.findApiKeyByHash(ctx.db, hashKey(key));
  if (!row || row.revoked_at) return null;
  return {
    keyId: row.id,
    departmentUscc: row.department_uscc,
    systemName: row.system_name,
    scopes: row.scopes.filter(isApiScope),
  };
}

export async function listApiKeys(ctx: AppContext): Promise<ApiKeyInfo[]> {
  return (await apiKeys.listApiKeys(ctx.db)).map(present);
}

export async function revokeApiKey(ctx: AppContext, id: string): Promise<void> {
  if (!UUID.test(id) || !(await apiKeys.revokeApiKey(ctx.db, id, ctx.now()))) {
    throw new DomainError('NOT_FOUND', `未找到 API 密钥 ${id}`);
  }
}
