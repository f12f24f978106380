import type { Sql } from './database';

// api_keys (migrations 002, 003). Only the SHA-256 hex of a key is stored.

export interface ApiKeyRow {
  id: string;
  key_hash: string;
  department_uscc: string | null;
  system_name: string | null;
  scopes: string[];
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
}

export interface NewApiKey {
  id: string;
  keyHash: string;
  departmentUscc: string | null;
  systemName: string | null;
  scopes: readonly string[];
  createdAt: Date;
  /** The administrator who created it through the API; null from the CLI. */
  createdBy: string | null;
}

const COLUMNS = 'id, key_hash, department_uscc, system_name, scopes, created_at, created_by, revoked_at';

export async function insertApiKey(sql: Sql, key: NewApiKey): Promise<void> {
  await sql.query(
    `insert into api_keys (id, key_hash, department_uscc, system_name, scopes, created_at, created_by)
     values ($1, $2, $3, $4, $5::text[], $6, $7)`,
    [key.id, key.keyHash, key.departmentUscc, key.systemName, [...key.scopes], key.createdAt, key.createdBy],
  );
}

export async function findApiKeyByHash(sql: Sql, keyHash: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await sql.query<ApiKeyRow>(`select ${COLUMNS} from api_keys where key_hash = $1`, [keyHash]);
  return rows[0];
}

export async function getApiKey(sql: Sql, id: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await sql.query<ApiKeyRow>(`select ${COLUMNS} from api_keys where id = $1`, [id]);
  return rows[0];
}

export async function listApiKeys(sql: Sql): Promise<ApiKeyRow[]> {
  const { rows } = await sql.query<ApiKeyRow>(`select ${COLUMNS} from api_keys order by created_at, id`);
  return rows;
}

/** Marks a key revoked; returns false when no such key exists. Revoking twice keeps the first time. */
export async function revokeApiKey(sql: Sql, id: string, at: Date): Promise<boolean> {
  const { rowCount } = await sql.query('update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1', [id, at]);
  return rowCount > 0;
}
