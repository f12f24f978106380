import { fieldByRole } from '@pubcredit/domain';
import type { FieldDef, FieldRole } from '@pubcredit/domain';
import { findCatalog } from '../services/catalog.service';

interface FieldIndex {
  byCode: ReadonlyMap<string, FieldDef>;
  order: ReadonlyMap<string, number>;
  count: number;
}

// Built once per catalogue code: an export renders thousands of records of the same few catalogues.
const indexes = new Map<string, FieldIndex>();

function indexOf(catalog: string): FieldIndex {
  let index = indexes.get(catalog);
  if (!index) {
    // A catalogue the registry no longer knows: fields by code, in stored order.
    const fields = findCatalog(catalog)?.fields ?? [];
    index = { byCode: new Map(fields.map((f) => [f.code, f])), order: new Map(fields.map((f, i) => [f.code, i])), count: fields.length };
    indexes.set(catalog, index);
  }
  return index;
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
  const { byCode, order, count } = indexOf(catalog);
  return Object.entries(data)
    .filter(([k, v]) => {
      const role = byCode.get(k)?.role;
      return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && !(role && skip.has(role));
    })
    .sort(([a], [b]) => (order.get(a) ?? count) - (order.get(b) ?? count))
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

/**
 * The catalogue's own name of the field with that role, else `fallback`: what a document calls a
 * record's date (处罚决定日期, 许可决定日期, a list's 列入日期) instead of a generic 决定日期.
 * @example roleFieldName('serious_dishonesty_list', 'decision_date', '决定日期') // '列入日期'
 */
export function roleFieldName(catalog: string, role: FieldRole, fallback: string): string {
  const def = findCatalog(catalog);
  return (def ? fieldByRole(def, role)?.name : undefined) ?? fallback;
}
