import { getCatalog } from '../catalog/catalog.registry';
import { DEFAULT_TIERS } from './publicity-rules';
import type { PublicityTier, ResolvedTier, TierQuery, TierRule } from './publicity.types';

const SEVERITY: Readonly<Record<PublicityTier, number>> = { minor: 0, general: 1, serious: 2 };

/** Rules indexed by `catalog|dept|type` ('' for all), built once per rules array. */
const INDEXES = new WeakMap<readonly TierRule[], ReadonlyMap<string, TierRule>>();

function indexOf(rules: readonly TierRule[]): ReadonlyMap<string, TierRule> {
  let index = INDEXES.get(rules);
  if (!index) {
    const map = new Map<string, TierRule>();
    for (const r of rules) map.set(`${r.catalog}|${r.sourceDept ?? ''}|${r.penaltyType ?? ''}`, r);
    index = map;
    INDEXES.set(rules, index);
  }
  return index;
}

/** 处罚类别 code or alias → name, per catalogue (rules and the default table speak names). */
const TYPE_NAMES = new Map<string, ReadonlyMap<string, string>>();

/**
 * The 处罚类别 name for a code, name or alias of the catalogue's penalty-type field, or the input
 * unchanged when it is none of them.
 * @example penaltyTypeName('administrative_penalty', '03') // '罚款'
 */
export function penaltyTypeName(catalog: string, value: string): string {
  let names = TYPE_NAMES.get(catalog);
  if (!names) {
    const map = new Map<string, string>();
    if (catalog === DEFAULT_TIERS.catalog) {
      const field = getCatalog(catalog).fields.find((f) => f.code === DEFAULT_TIERS.penaltyTypeField);
      for (const v of field?.enumValues ?? []) for (const key of [v.code, v.name, ...(v.aliases ?? [])]) map.set(key, v.name);
    }
    names = map;
    TYPE_NAMES.set(catalog, names);
  }
  return names.get(value.trim()) ?? value.trim();
}

function forType(q: TierQuery, type: string | null, index: ReadonlyMap<string, TierRule>): ResolvedTier {
  const t = type ?? '';
  // Most specific first: department and type, department, type, the whole catalogue.
  const rule =
    (type !== null ? index.get(`${q.catalog}|${q.sourceDept}|${t}`) : undefined) ??
    index.get(`${q.catalog}|${q.sourceDept}|`) ??
    (type !== null ? index.get(`${q.catalog}||${t}`) : undefined) ??
    index.get(`${q.catalog}||`);
  if (rule) return { tier: rule.tier, basis: rule.basis };
  // A catalogue with one default tier (严重失信主体名单 → 严重) has no penalty types to read.
  const catalogDefault = DEFAULT_TIERS.byCatalog.get(q.catalog);
  if (catalogDefault) return catalogDefault;
  if (q.simpleProcedure && q.catalog === DEFAULT_TIERS.catalog) {
    return { tier: DEFAULT_TIERS.simpleProcedure.tier, basis: DEFAULT_TIERS.simpleProcedure.basis };
  }
  const byType = type !== null && q.catalog === DEFAULT_TIERS.catalog ? DEFAULT_TIERS.byPenaltyType.get(type) : undefined;
  return byType ?? DEFAULT_TIERS.fallback;
}

/**
 * The tier of a negative record: for each 处罚类别 the most specific rule of the credit centre
 * (department + type > department > type > whole catalogue), else the documented default
 * (default-tiers.json: the catalogue's own default tier, else 简易程序 → 轻微, then by type); of
 * several types the most severe wins.
 * @example resolveTier({ catalog: 'administrative_penalty', sourceDept: 'X', penaltyTypes: ['警告', '吊销许可证件'] }, []).tier // 'serious'
 */
export function resolveTier(q: TierQuery, rules: readonly TierRule[]): ResolvedTier {
  const index = indexOf(rules);
  const types = q.penaltyTypes.length > 0 ? [...new Set(q.penaltyTypes.map((t) => penaltyTypeName(q.catalog, t)))] : [null];
  let best: ResolvedTier | null = null;
  for (const type of types) {
    const r = forType(q, type, index);
    if (!best || SEVERITY[r.tier] > SEVERITY[best.tier]) best = r;
  }
  return best ?? DEFAULT_TIERS.fallback;
}
