// Spreadsheet formula injection (CSV injection, OWASP): a cell starting with = + - @ or a tab / CR
// is run as a formula by Excel and WPS. Prefixing a single quote makes it text. Every CSV and XLSX
// export goes through this function.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Turns any value into the text of one exported cell, defusing formulas.
 * @example guardCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function guardCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
