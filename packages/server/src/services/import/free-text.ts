import { maskPersonalNumbers } from '@pubcredit/domain';
import type { CatalogDef, FieldDef } from '@pubcredit/domain';

/** Free-text fields (违法事实, 备注 …): an ID or mobile number typed into one is personal data too. */
export function freeTextFields(catalog: CatalogDef): FieldDef[] {
  return catalog.fields.filter((f) => f.type === 'text' && !f.personal && !f.role);
}

/**
 * Masks the personal numbers typed into the free-text `fields` of `values`, in place, and puts the
 * given texts into `plain` (to be encrypted), in the fields' order.
 */
export function sealFreeText(fields: readonly FieldDef[], values: Record<string, unknown>, plain: Record<string, string>): void {
  for (const f of fields) {
    const v = values[f.code];
    if (typeof v !== 'string') continue;
    const masked = maskPersonalNumbers(v);
    if (masked !== v) {
      plain[f.code] = v;
      values[f.code] = masked;
    }
  }
}
