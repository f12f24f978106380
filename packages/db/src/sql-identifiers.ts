import { DbError } from './db-error';

// Table and column names reach COPY statements as text, never as parameters: allow only plain
// lower-case identifiers (optionally schema-qualified) and quote them.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new DbError('INVALID_ARGUMENT', `非法的 SQL 标识符：${name}`, { name });
  }
  return `"${name}"`;
}

/** `schema.table` or `table`, quoted. */
export function quoteQualified(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}

/** The `COPY t (cols) FROM <source> WITH (FORMAT csv)` statement both engines use. */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  if (columns.length === 0) throw new DbError('INVALID_ARGUMENT', 'COPY 需要至少一列', { table });
  return `COPY ${quoteQualified(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}
