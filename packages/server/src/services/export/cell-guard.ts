// Spreadsheet formula injection (CSV injection, OWASP): a cell starting with = + - @ or a tab / CR
// is run as a formula by Excel and WPS. Prefixing a single quote makes it text. Every CSV and XLSX
// export goes through this function.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Turns any value into the text of one exported cell, defusing formulas.
 * @example guardCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function guardCell(value: unknown): string {
  const text = cellText(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'undefined':
      return '';
    default:
      // Objects as JSON; null, functions and symbols have no cell text.
      return value === null ? '' : (JSON.stringify(value) ?? '');
  }
}

const GUARDED = /^'[=+\-@\t\r]/;

/**
 * Undoes {@link guardCell} on a cell of a resubmitted file, so text survives download → fix →
 * resubmit unchanged. Only the apostrophe our guard adds is removed.
 * @example unguardCell("'=HYPERLINK(\"http://x\")") // '=HYPERLINK("http://x")'
 */
export function unguardCell(text: string): string {
  return text.charCodeAt(0) === 39 && GUARDED.test(text) ? text.slice(1) : text;
}
