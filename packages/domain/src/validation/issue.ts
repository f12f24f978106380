/** Severity of a validation finding: an error rejects the row, a warning keeps it. */
export type Severity = 'error' | 'warning';

/**
 * One problem found in one row, as reported to departments.
 * `row` is the line number a spreadsheet shows (header = 1), `field` the national field code.
 */
export interface RowIssue {
  row: number;
  field: string;
  severity: Severity;
  /** Stable machine code of the rule, e.g. `uscc.check_digit`. */
  rule: string;
  /** Chinese message naming the field, e.g. `行政相对人代码_1（统一社会信用代码）校验位错误，应为 L`. */
  message: string;
}

/** A finding before it is attached to a row number. */
export type FieldIssue = Omit<RowIssue, 'row'>;
