import { fieldByRole, getCatalog } from '@pubcredit/domain';
import type { CatalogDef, FieldRole } from '@pubcredit/domain';

function findCatalog(code: string): CatalogDef | undefined {
  try {
    return getCatalog(code);
  } catch {
    return undefined; // a catalogue the registry no longer knows: fields by code
  }
}

/** Fields a document already shows elsewhere (subject block, the record's heading) or mere codes of them. */
export const SHOWN_ELSEWHERE: ReadonlySet<FieldRole> = new Set<FieldRole>([
  'subject_name',
  'subject_kind',
  'subject_uscc',
  'subject_id_type',
  'subject_id_number',
  'doc_no',
  'decision_date',
  'authority_uscc',
  'source_uscc',
]);

/**
 * A record's (already masked) fields as「名称：值」joined by「；」, in catalogue order, enum codes by
 * their Chinese names (lists joined by「、」), empty values and fields with a skipped role left out.
 * Shared by the credit report PDF and the 双公示 CSV, so both read the same.
 * @example recordFieldText('administrative_penalty', { CF_CFLB: ['03', '04'] }) // '处罚类别：罚款、没收违法所得'
 */
export function recordFieldText(catalog: string, data: Readonly<Record<string, unknown>>, skip: ReadonlySet<FieldRole> = SHOWN_ELSEWHERE): string {
  const fields = findCatalog(catalog)?.fields ?? [];
  const order = new Map(fields.map((f, i) => [f.code, i]));
  const byCode = new Map(fields.map((f) => [f.code, f]));
  return Object.entries(data)
    .filter(([k, v]) => {
      const role = byCode.get(k)?.role;
      return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && !(role && skip.has(role));
    })
    .sort(([a], [b]) => (order.get(a) ?? fields.length) - (order.get(b) ?? fields.length))
    .map(([k, v]) => {
      const field = byCode.get(k);
      const nameOf = (x: unknown): string => {
        const raw = typeof x === 'string' ? x : JSON.stringify(x);
        return field?.enumValues?.find((e) => e.code === raw)?.name ?? raw;
      };
      const value = Array.isArray(v) ? v.map(nameOf).join('、') : nameOf(v);
      return `${field?.name ?? k}：${value}`;
    })
    .join('；');
}

/** The value of the field with that role (e.g. the subject's 统一社会信用代码), or ''. */
export function roleValue(catalog: string, data: Readonly<Record<string, unknown>>, role: FieldRole): string {
  const def = findCatalog(catalog);
  const code = def ? fieldByRole(def, role)?.code : undefined;
  const value = code ? data[code] : undefined;
  return typeof value === 'string' ? value : '';
}
