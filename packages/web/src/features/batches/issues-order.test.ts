import { describe, expect, it } from 'vitest';
import type { RowIssue } from '../../api/types';
import { errorsFirst } from './issues-order';

const issue = (row: number, severity: RowIssue['severity']): RowIssue =>
  ({ row, severity, field: 'CF_WSH', rule: severity === 'error' ? 'required' : 'calendar.year_unknown', message: '…' });

describe('errorsFirst (the upload report)', () => {
  it('puts the rows sent back before the rows stored with a warning, each in row order', () => {
    const issues = [issue(2, 'warning'), issue(3, 'warning'), issue(9, 'error'), issue(4, 'warning'), issue(5, 'error')];
    expect(errorsFirst(issues).map((i) => [i.row, i.severity])).toEqual([
      [5, 'error'],
      [9, 'error'],
      [2, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
    ]);
    expect(issues[0]?.row).toBe(2); // the answer itself is left as it came
  });
});
