import type { Severity } from '../validation/issue';

/**
 * One finding about an identifier, before it is attached to a row and field.
 * `rule` is stable (e.g. `uscc.check_digit`); `message` is Chinese, for users.
 */
export interface IdIssue {
  rule: string;
  severity: Severity;
  message: string;
}

/** True when none of the issues is an error (warnings keep the identifier valid). */
export function hasNoErrors(issues: readonly IdIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
