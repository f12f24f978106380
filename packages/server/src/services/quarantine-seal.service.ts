import type { QuarantinedRow } from '@pubcredit/db';
import { fieldForHeader, maskIdNumber } from '@pubcredit/domain';
import type { CatalogDef } from '@pubcredit/domain';
import { maskPersonalText } from '../audit/audit-mask';
import type { DataKeys } from '../crypto/data-keys';

// A rejected row is kept as given, so its department can fix and resubmit it; but a natural
// person's 证件号码, and any ID or mobile number typed into another column, must not lie in clear in
// quarantine.raw (issue #3 item 5). Sealing keeps the masked value in raw and the given values of
// those cells encrypted in pii_cipher; only the department's own download reveals them.

/** Whether a column header of the catalogue names a personal field (one of its 证件号码 fields). */
export function personalHeaderTest(catalog: CatalogDef): (header: string) => boolean {
  const personal = new Set(catalog.fields.filter((f) => f.personal).map((f) => f.code));
  const known = new Map<string, boolean>();
  return (header) => {
    let is = known.get(header);
    if (is === undefined) {
      const code = fieldForHeader(catalog, header);
      is = code !== undefined && personal.has(code);
      known.set(header, is);
    }
    return is;
  };
}

function maskedCell(header: string, value: string, isPersonal: (header: string) => boolean): string {
  if (value.trim() === '') return value;
  return isPersonal(header) ? maskIdNumber(value) : maskPersonalText(value);
}

/** The row with personal cells masked; the cells that changed, as given. */
export function maskRow(raw: Record<string, unknown>, isPersonal: (header: string) => boolean): { raw: Record<string, unknown>; given: Record<string, string> } {
  const masked: Record<string, unknown> = {};
  const given: Record<string, string> = {};
  for (const [header, value] of Object.entries(raw)) {
    if (typeof value !== 'string') {
      masked[header] = value;
      continue;
    }
    const cell = maskedCell(header, value, isPersonal);
    masked[header] = cell;
    if (cell !== value) given[header] = value;
  }
  return { raw: masked, given };
}

/** Seals a rejected row for storage: raw masked, the masked cells' given values encrypted (or null). */
export function sealRow(
  raw: Record<string, unknown>,
  isPersonal: (header: string) => boolean,
  keys: DataKeys,
): { raw: Record<string, unknown>; piiCipher: string | null } {
  const { raw: masked, given } = maskRow(raw, isPersonal);
  return { raw: masked, piiCipher: Object.keys(given).length > 0 ? keys.encrypt(JSON.stringify(given)) : null };
}

/**
 * A quarantined row as a reader may see it: with `reveal` (the submitting department), as given;
 * otherwise masked, also a row stored before sealing existed.
 */
export function readableRow(row: QuarantinedRow, isPersonal: (header: string) => boolean, keys: DataKeys, reveal: boolean): Record<string, unknown> {
  if (!reveal) return row.sealed ? row.raw : maskRow(row.raw, isPersonal).raw;
  if (!row.piiCipher) return row.raw;
  return { ...row.raw, ...(JSON.parse(keys.decrypt(row.piiCipher)) as Record<string, string>) };
}
