import type { RowIssue } from '../../api/types';

/**
 * The errors (rows sent back) before the warnings (rows stored), each in row order: what a clerk
 * must fix comes first, even when every row carries a warning (e.g. a year without its calendar).
 */
export function errorsFirst(issues: readonly RowIssue[]): RowIssue[] {
  const rank = (i: RowIssue) => (i.severity === 'error' ? 0 : 1);
  return [...issues].sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}
