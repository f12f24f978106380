// Columns holding cipher texts of the data keys (`v1:…` or `v2:<key id>:…`), read and rewritten in
// keyset pages by key rotation (`pubcredit keys reencrypt`). Table and column names come from the
// constant list below, never from input.
import type { Sql, Tx } from './database';
import { quoteIdentifier } from './sql-identifiers';

/** A column of cipher texts and the primary key of its table (names and SQL types). */
export interface CipherColumn {
  table: string;
  column: string;
  key: readonly (readonly [name: string, type: string])[];
}

/** Every encrypted column of the schema. A migration adding one adds it here. */
export const CIPHER_COLUMNS: readonly CipherColumn[] = [
  { table: 'subjects', column: 'id_cipher', key: [['subject_id', 'uuid']] },
  { table: 'records', column: 'pii_cipher', key: [['subject_id', 'uuid'], ['record_key', 'text'], ['version', 'int']] },
  { table: 'quarantine', column: 'pii_cipher', key: [['batch_id', 'uuid'], ['row_no', 'int']] },
  { table: 'users', column: 'totp_secret_cipher', key: [['id', 'uuid']] },
];

/** One cipher text and the key values of its row. */
export interface CipherCell {
  key: unknown[];
  cipher: string;
}

function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The next cipher texts of the column, in key order after `after`, that do not start with
 * `currentPrefix` (those made with another key), locked for update.
 */
export async function nextCiphersNotUnder(
  tx: Tx,
  col: CipherColumn,
  opts: { after: unknown[] | null; currentPrefix: string; limit: number },
): Promise<CipherCell[]> {
  const keys = col.key.map(([name]) => quoteIdentifier(name));
  const value = quoteIdentifier(col.column);
  const params: unknown[] = [likePrefix(opts.currentPrefix), opts.limit];
  let after = '';
  if (opts.after) {
    const placeholders = col.key.map(([, type], i) => `$${i + 3}::${type}`);
    after = `and (${keys.join(', ')}) > (${placeholders.join(', ')})`;
    params.push(...opts.after);
  }
  const { rows } = await tx.query<Record<string, unknown>>(
    `select ${keys.join(', ')}, ${value} as cipher from ${quoteIdentifier(col.table)}
      where ${value} is not null and ${value} not like $1 ${after}
      order by ${keys.join(', ')}
      limit $2
      for update`,
    params,
  );
  return rows.map((r) => ({ key: col.key.map(([name]) => r[name]), cipher: String(r.cipher) }));
}

/** Replaces cipher texts by row key. */
export async function updateCiphers(tx: Tx, col: CipherColumn, cells: readonly CipherCell[]): Promise<void> {
  if (cells.length === 0) return;
  const names = col.key.map(([name]) => name);
  const arrays = col.key.map(([, type], i) => `$${i + 1}::${type}[]`);
  const match = names.map((n) => `t.${quoteIdentifier(n)} = u.${quoteIdentifier(n)}`).join(' and ');
  await tx.query(
    `update ${quoteIdentifier(col.table)} t set ${quoteIdentifier(col.column)} = u.cipher
       from unnest(${arrays.join(', ')}, $${names.length + 1}::text[]) as u(${names.map(quoteIdentifier).join(', ')}, cipher)
      where ${match}`,
    [...col.key.map((_, i) => cells.map((c) => c.key[i])), cells.map((c) => c.cipher)],
  );
}

/** How many cipher texts of the column each key made: 'v1' for the root's legacy format, else the key id. */
export async function countCiphersByKey(sql: Sql, col: CipherColumn): Promise<Record<string, number>> {
  const value = quoteIdentifier(col.column);
  const { rows } = await sql.query<{ key_id: string; n: number }>(
    `select case when ${value} like 'v1:%' then 'v1' when ${value} like 'v2:%' then split_part(${value}, ':', 2) else '?' end as key_id,
            count(*)::int as n
       from ${quoteIdentifier(col.table)} where ${value} is not null group by 1 order by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.key_id, r.n]));
}

/** A quarantined row stored before its personal cells were sealed, with its batch's catalogue. */
export interface UnsealedQuarantineRow {
  batchId: string;
  rowNo: number;
  raw: Record<string, unknown>;
  catalog: string;
  edition: string;
}

/** The next rows of quarantine still unsealed (stored before migration 005), locked for update. */
export async function nextUnsealedQuarantine(tx: Tx, limit: number): Promise<UnsealedQuarantineRow[]> {
  const { rows } = await tx.query<{ batch_id: string; row_no: number; raw: Record<string, unknown>; catalog: string; edition: string }>(
    `select q.batch_id, q.row_no, q.raw, b.catalog, b.edition
       from quarantine q join batches b on b.batch_id = q.batch_id
      where not q.pii_sealed
      order by q.batch_id, q.row_no
      limit $1
      for update of q`,
    [limit],
  );
  return rows.map((r) => ({ batchId: r.batch_id, rowNo: r.row_no, raw: r.raw, catalog: r.catalog, edition: r.edition }));
}

export async function countUnsealedQuarantine(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('select count(*)::int as n from quarantine where not pii_sealed');
  return rows[0]?.n ?? 0;
}

/** Stores sealed rows: raw masked, the given values encrypted (or null), marked sealed. */
export async function sealQuarantineRows(
  tx: Tx,
  rows: readonly { batchId: string; rowNo: number; raw: Record<string, unknown>; piiCipher: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `update quarantine q set raw = u.raw::jsonb, pii_cipher = u.pii_cipher, pii_sealed = true
       from unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) as u(batch_id, row_no, raw, pii_cipher)
      where q.batch_id = u.batch_id and q.row_no = u.row_no`,
    [rows.map((r) => r.batchId), rows.map((r) => r.rowNo), rows.map((r) => JSON.stringify(r.raw)), rows.map((r) => r.piiCipher)],
  );
}
