import type { Sql } from '@pubcredit/db';

// api_keys (migration 002). Kept beside the server until the db package takes it over.

export interface ApiKeyRow {
  id: string;
  key_hash: string;
  department_uscc: string | null;
  system_name: string | null;
  scopes: string[];
  created_at: Date;
  revoked_at: Date | null;
}

export interface NewApiKey {
  id: string;
  keyHash: string;
  departmentUscc: string | null;
  systemName: string | null;
  scopes: readonly string[];
  createdAt: Date;
}

const COLUMNS = 'id, key_hash, department_uscc, system_name, scopes, created_at, revoked_at';

export async function insertApiKey(db: Sql, key: NewApiKey): Promise<void> {
  await db.query(
    `insert into api_keys (id, key_hash, department_uscc, system_name, scopes, created_at)
     values ($1, $2, $3, $4, $5::text[], $6)`,
    [key.id, key.keyHash, key.departmentUscc, key.systemName, [...key.scopes], key.createdAt],
  );
}

export async function findApiKeyByHash(db: Sql, keyHash: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await db.query<ApiKeyRow>(`select ${COLUMNS} from api_keys where key_hash = $1`, [keyHash]);
  return rows[0];
}

export async function listApiKeys(db: Sql): Promise<ApiKeyRow[]> {
  const { rows } = await db.query<ApiKeyRow>(`select ${COLUMNS} from api_keys order by created_at, id`);
  return rows;
}

/** Marks a key revoked; returns false when no such key exists. Revoking twice keeps the first time. */
export async function revokeApiKey(db: Sql, id: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1',
    [id, at],
  );
  return rowCount > 0;
}
