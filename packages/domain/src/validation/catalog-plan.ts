import type { CatalogDef, EnumValue, FieldDef, FieldRole } from '../catalog/catalog.types';
import { normalizeHeader, toHalfWidth } from '../text';

// validateRow runs once per imported row (millions per year): everything derivable from the
// catalogue alone is computed once per catalogue object and cached here.

/** An enum field's accepted spellings (code, name, aliases, normalised) → canonical value. */
export interface EnumLookup {
  byKey: ReadonlyMap<string, EnumValue>;
  /**
   * The keys that normalisation leaves unchanged (already half-width, trimmed, upper-case, no spaces):
   * a value typed exactly so resolves with one map lookup and no normalisation.
   */
  exact: ReadonlyMap<string, EnumValue>;
  byCode: ReadonlyMap<string, EnumValue>;
  /** Longest code length, to restore leading zeros Excel drops from numeric codes ('1' → '01'). */
  codeLength: number;
  /** `01 身份证、02 护照…` for messages. */
  allowed: string;
}

/** A date-order check whose two fields are in the catalogue. */
export interface DateOrderPlan {
  earlier: FieldDef;
  later: FieldDef;
  severity: 'error' | 'warning';
}

/** Per-catalogue precomputation used by the row validator. */
export interface CatalogPlan {
  byRole: ReadonlyMap<FieldRole, FieldDef>;
  /** Field code by role, as a plain object for cheap per-row reads. */
  codeOf: Readonly<Partial<Record<FieldRole, string>>>;
  byCode: ReadonlyMap<string, FieldDef>;
  enums: ReadonlyMap<string, EnumLookup>;
  /** Every field code → null: cloned per row so the values object never changes shape. */
  emptyValues: Readonly<Record<string, null>>;
  /** Pairs (证件号码 field, 证件类型 field). */
  idPairs: ReadonlyArray<readonly [FieldDef, FieldDef | undefined]>;
  dateOrders: readonly DateOrderPlan[];
}

const PLANS = new WeakMap<CatalogDef, CatalogPlan>();

/** `处罚决定日期（CF_JDRQ）`: how messages name a field. */
export const fieldLabel = (f: FieldDef): string => `${f.name}（${f.code}）`;

function buildEnum(f: FieldDef): EnumLookup {
  const byKey = new Map<string, EnumValue>();
  const byCode = new Map<string, EnumValue>();
  for (const v of f.enumValues ?? []) {
    byCode.set(v.code, v);
    for (const s of [v.code, v.name, ...(v.aliases ?? [])]) byKey.set(normalizeHeader(s), v);
  }
  const exact = new Map<string, EnumValue>();
  for (const [key, v] of byKey) {
    if (normalizeHeader(key) === key && toHalfWidth(key).trim().toUpperCase() === key) exact.set(key, v);
  }
  const values = f.enumValues ?? [];
  return {
    byKey,
    exact,
    byCode,
    codeLength: Math.max(0, ...values.map((v) => v.code.length)),
    allowed: values.map((v) => `${v.code} ${v.name}`).join('、'),
  };
}

/**
 * Returns the cached plan of a catalogue, building it on first use.
 * @example planFor(getCatalog('administrative_penalty')).byRole.get('doc_no')?.code // 'CF_WSH'
 */
export function planFor(catalog: CatalogDef): CatalogPlan {
  const cached = PLANS.get(catalog);
  if (cached) return cached;
  const byRole = new Map<FieldRole, FieldDef>();
  const codeOf: Partial<Record<FieldRole, string>> = {};
  const byCode = new Map<string, FieldDef>();
  const enums = new Map<string, EnumLookup>();
  for (const f of catalog.fields) {
    byCode.set(f.code, f);
    if (f.role) {
      byRole.set(f.role, f);
      codeOf[f.role] = f.code;
    }
    if (f.type === 'enum' || f.type === 'enum_list') enums.set(f.code, buildEnum(f));
  }
  const idPairs = catalog.fields
    .filter((f) => f.type === 'id_number')
    .map((f) => [f, byRole.get(f.role === 'legal_rep_id_number' ? 'legal_rep_id_type' : 'subject_id_type')] as const);
  const emptyValues = Object.fromEntries(catalog.fields.map((f) => [f.code, null]));
  const dateOrders: DateOrderPlan[] = [];
  for (const check of catalog.checks ?? []) {
    const [earlier, later] = [byCode.get(check.earlier), byCode.get(check.later)];
    if (earlier && later) dateOrders.push({ earlier, later, severity: check.severity });
  }
  const plan: CatalogPlan = { byRole, codeOf, byCode, enums, emptyValues, idPairs, dateOrders };
  PLANS.set(catalog, plan);
  return plan;
}

/**
 * Resolves a typed enum value (code, Chinese name or alias; half-width, any case) to its catalogue value.
 * @example lookupEnum(plan.enums.get('CF_XDR_ZJLX')!, '居民身份证')?.code // '01'
 */
export function lookupEnum(lookup: EnumLookup, input: string): EnumValue | undefined {
  const exact = lookup.exact.get(input);
  if (exact) return exact;
  const key = normalizeHeader(input);
  const hit = lookup.byKey.get(key);
  if (hit || !/^\d+$/.test(key) || key.length >= lookup.codeLength) return hit;
  return lookup.byKey.get(key.padStart(lookup.codeLength, '0'));
}
