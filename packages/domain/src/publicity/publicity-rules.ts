import { getCatalog, listCatalogs } from '../catalog/catalog.registry';
import { DomainError } from '../errors';
import defaultTiersJson from '../../publicity/default-tiers.json' with { type: 'json' };
import negativeJson from '../../publicity/negative-catalogs.json' with { type: 'json' };
import regimesJson from '../../publicity/regimes.json' with { type: 'json' };
import { isIsoDate } from './period';
import type { DisclosureCap, PublicityTier, RegimeDef, ResolvedTier } from './publicity.types';

// The rules are data (packages/domain/publicity/*.json, each row with its source). Like the
// catalogue files they are checked when the module loads: a typo stops start-up with a clear
// message instead of giving some record a wrong period months later.

export const PUBLICITY_TIERS: readonly PublicityTier[] = ['minor', 'general', 'serious'];

/** Is `v` one of minor / general / serious? */
export const isPublicityTier = (v: unknown): v is PublicityTier => PUBLICITY_TIERS.includes(v as PublicityTier);

/** The default tier table (default-tiers.json), checked. */
export interface DefaultTierTable {
  readonly catalog: string;
  readonly penaltyTypeField: string;
  readonly byPenaltyType: ReadonlyMap<string, ResolvedTier>;
  /** The default tier of every record of another negative catalogue (严重失信主体名单 → 严重). */
  readonly byCatalog: ReadonlyMap<string, ResolvedTier>;
  readonly fallback: ResolvedTier;
  readonly simpleProcedure: ResolvedTier & { readonly field: string; readonly code: string };
}

/** The date fields of a list catalogue that bound its records' publicity (HN-Credit Art.19, 37). */
export interface ListDateFields {
  /** 有效期至: the last day listed; publicity lasts at least until then. */
  readonly listedUntilField: string;
  /** 移出日期: from this day on the record is no longer public. */
  readonly removedOnField: string;
  readonly source: string;
}

export interface NegativeCatalogDef {
  readonly catalog: string;
  readonly basis: string;
  /** On a list catalogue (严重失信主体名单): its 有效期至 and 移出日期 fields. */
  readonly listDates?: ListDateFields;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isMonths = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1200;

function refuse(file: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new DomainError('INVALID_ARGUMENT', `公示规则文件 ${file} 格式错误：${problems.join('；')}`, { file, problems });
  }
}

function catalogCodes(): Set<string> {
  return new Set(listCatalogs().map((c) => c.code));
}

/** Checks regimes.json: dates ascending, every tier's min ≤ max, known catalogues, a cap. */
export function parseRegimes(json: unknown, file = 'regimes.json'): { regimes: RegimeDef[]; cap: DisclosureCap } {
  const problems: string[] = [];
  const codes = catalogCodes();
  const list = isObject(json) && Array.isArray(json.regimes) ? (json.regimes as unknown[]) : [];
  if (list.length === 0) problems.push('缺少 regimes');
  let prevFrom = '';
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const at = `regimes[${i}]`;
    if (!isObject(r)) return void problems.push(`${at} 不是对象`);
    for (const key of ['code', 'name', 'title', 'source'] as const) if (!isText(r[key])) problems.push(`${at} 缺少 ${key}`);
    if (typeof r.code === 'string' && seen.has(r.code)) problems.push(`${at} 代码重复：${r.code}`);
    seen.add(String(r.code));
    if (!isIsoDate(r.from)) problems.push(`${at} from 应为 YYYY-MM-DD`);
    else if (r.from <= prevFrom) problems.push(`${at} from 应晚于上一个规则的 from`);
    else prevFrom = r.from;
    if (!Array.isArray(r.catalogs) || r.catalogs.length === 0 || !r.catalogs.every((c) => codes.has(String(c)))) {
      problems.push(`${at} catalogs 应为已登记目录的代码`);
    }
    const periods = r.periods;
    for (const tier of PUBLICITY_TIERS) {
      const p = isObject(periods) ? periods[tier] : undefined;
      if (!isObject(p) || !isMonths(p.minMonths) || !isMonths(p.maxMonths)) problems.push(`${at} 缺少 ${tier} 的 minMonths/maxMonths`);
      else if (p.minMonths > p.maxMonths) problems.push(`${at} ${tier} 的 minMonths 大于 maxMonths`);
    }
  });
  const cap = isObject(json) ? json.cap : undefined;
  if (!isObject(cap) || !isText(cap.code) || !isText(cap.name) || !isText(cap.source) || !Number.isInteger(cap.maxYears) || (cap.maxYears as number) <= 0) {
    problems.push('cap 应有 code、name、source 和正整数 maxYears');
  } else if (typeof cap.extendWhileListed !== 'boolean') problems.push('cap.extendWhileListed 应为 true 或 false');
  refuse(file, problems);
  const ok = json as { regimes: RegimeDef[]; cap: DisclosureCap };
  return { regimes: ok.regimes, cap: ok.cap };
}

function checkListDates(catalog: string, dates: unknown, problems: string[]): void {
  if (dates === undefined) return;
  const at = `${catalog} 的 listDates`;
  if (!isObject(dates) || !isText(dates.listedUntilField) || !isText(dates.removedOnField) || !isText(dates.source)) {
    return void problems.push(`${at} 应有 listedUntilField、removedOnField 与 source`);
  }
  const fields = getCatalog(catalog).fields;
  for (const code of [dates.listedUntilField, dates.removedOnField]) {
    if (fields.find((f) => f.code === code)?.type !== 'date') problems.push(`${at} 引用的 ${code} 不是该目录的日期字段`);
  }
}

/** Checks negative-catalogs.json: every catalogue is either negative (with a basis) or not (with a reason), once. */
export function parseNegativeCatalogs(json: unknown, file = 'negative-catalogs.json'): NegativeCatalogDef[] {
  const problems: string[] = [];
  const codes = catalogCodes();
  const negative = isObject(json) && Array.isArray(json.negative) ? (json.negative as unknown[]) : null;
  const notNegative = isObject(json) && Array.isArray(json.notNegative) ? (json.notNegative as unknown[]) : null;
  if (!negative || !notNegative) problems.push('应有 negative 与 notNegative 两个数组');
  const listed = new Map<string, number>();
  for (const [entries, key] of [[negative ?? [], 'basis'], [notNegative ?? [], 'reason']] as const) {
    for (const e of entries) {
      if (!isObject(e) || !isText(e.catalog) || !isText(e[key])) problems.push(`目录条目缺少 catalog 或 ${key}`);
      else {
        if (!codes.has(e.catalog)) problems.push(`未知目录：${e.catalog}`);
        else if (key === 'basis') checkListDates(e.catalog, e.listDates, problems);
        else if (e.listDates !== undefined) problems.push(`${e.catalog} 不是失信信息目录，不应有 listDates`);
        listed.set(e.catalog, (listed.get(e.catalog) ?? 0) + 1);
      }
    }
  }
  for (const code of codes) if (listed.get(code) !== 1) problems.push(`目录 ${code} 应在 negative 或 notNegative 中出现且仅出现一次`);
  refuse(file, problems);
  return (negative ?? []) as NegativeCatalogDef[];
}

/** Checks byCatalog: negative catalogues other than the penalty table's, each once, with tier and basis. */
function parseByCatalog(list: unknown, penaltyCatalog: string, negative: readonly string[], problems: string[]): Map<string, ResolvedTier> {
  const byCatalog = new Map<string, ResolvedTier>();
  if (list === undefined) return byCatalog;
  if (!Array.isArray(list)) {
    problems.push('byCatalog 应为数组');
    return byCatalog;
  }
  const codes = catalogCodes();
  for (const e of list) {
    if (!isObject(e) || !isText(e.catalog) || !isPublicityTier(e.tier) || !isText(e.basis)) {
      problems.push(`byCatalog 条目应有 catalog、tier（minor/general/serious）与 basis：${JSON.stringify(e)}`);
    } else if (!codes.has(e.catalog)) problems.push(`byCatalog 中的未知目录：${e.catalog}`);
    else if (!negative.includes(e.catalog)) problems.push(`byCatalog 中的 ${e.catalog} 不是失信信息目录`);
    else if (e.catalog === penaltyCatalog) problems.push(`${e.catalog} 按处罚类别确定等级，不应出现在 byCatalog 中`);
    else if (byCatalog.has(e.catalog)) problems.push(`byCatalog 中的目录 ${e.catalog} 重复`);
    else byCatalog.set(e.catalog, { tier: e.tier, basis: e.basis });
  }
  return byCatalog;
}

/**
 * Checks default-tiers.json against the catalogue: every 处罚类别 but 其他 has a tier, each once;
 * other negative catalogues may have one default tier each (byCatalog).
 */
export function parseDefaultTiers(
  json: unknown,
  file = 'default-tiers.json',
  negative: readonly string[] = NEGATIVE_CATALOGS.map((c) => c.catalog),
): DefaultTierTable {
  const problems: string[] = [];
  if (!isObject(json) || !isText(json.catalog) || !isText(json.penaltyTypeField) || !Array.isArray(json.byPenaltyType)) {
    refuse(file, ['应有 catalog、penaltyTypeField 与 byPenaltyType']);
  }
  const j = json as Record<string, unknown> & { catalog: string; penaltyTypeField: string; byPenaltyType: unknown[] };
  const field = getCatalog(j.catalog).fields.find((f) => f.code === j.penaltyTypeField);
  const names = new Set((field?.enumValues ?? []).map((v) => v.name));
  if (!field || field.type !== 'enum_list') problems.push(`${j.penaltyTypeField} 不是 ${j.catalog} 的多值枚举字段`);
  const byPenaltyType = new Map<string, ResolvedTier>();
  for (const e of j.byPenaltyType) {
    if (!isObject(e) || !isText(e.penaltyType) || !isPublicityTier(e.tier) || !isText(e.basis)) {
      problems.push(`byPenaltyType 条目应有 penaltyType、tier（minor/general/serious）与 basis：${JSON.stringify(e)}`);
    } else if (!names.has(e.penaltyType)) problems.push(`处罚类别 ${e.penaltyType} 不在 ${j.penaltyTypeField} 中`);
    else if (byPenaltyType.has(e.penaltyType)) problems.push(`处罚类别 ${e.penaltyType} 重复`);
    else byPenaltyType.set(e.penaltyType, { tier: e.tier, basis: e.basis });
  }
  for (const v of field?.enumValues ?? []) {
    if (v.name !== '其他' && !byPenaltyType.has(v.name)) problems.push(`处罚类别 ${v.name} 缺少默认等级`);
  }
  const byCatalog = parseByCatalog(j.byCatalog, j.catalog, negative, problems);
  const fb = j.fallback;
  if (!isObject(fb) || !isPublicityTier(fb.tier) || !isText(fb.basis)) problems.push('fallback 应有 tier 与 basis');
  const sp = j.simpleProcedure;
  const spField = isObject(sp) ? getCatalog(j.catalog).fields.find((f) => f.code === sp.field) : undefined;
  if (!isObject(sp) || !isPublicityTier(sp.tier) || !isText(sp.basis) || !spField?.enumValues?.some((v) => v.code === sp.code)) {
    problems.push('simpleProcedure 应有目录中存在的 field 与 code、tier 与 basis');
  }
  refuse(file, problems);
  const fallback = fb as ResolvedTier;
  const simple = sp as DefaultTierTable['simpleProcedure'];
  return {
    catalog: j.catalog,
    penaltyTypeField: j.penaltyTypeField,
    byPenaltyType,
    byCatalog,
    fallback: { tier: fallback.tier, basis: fallback.basis },
    simpleProcedure: { field: simple.field, code: simple.code, tier: simple.tier, basis: simple.basis },
  };
}

const parsedRegimes = parseRegimes(regimesJson);

/** National regimes, oldest first. */
export const REGIMES: readonly RegimeDef[] = parsedRegimes.regimes;
/** The Henan cap (HN-Credit Art.19). */
export const DISCLOSURE_CAP: DisclosureCap = parsedRegimes.cap;
/** Negative catalogues with their basis. */
export const NEGATIVE_CATALOGS: readonly NegativeCatalogDef[] = parseNegativeCatalogs(negativeJson);
/** The documented default tiers of 行政处罚. */
export const DEFAULT_TIERS: DefaultTierTable = parseDefaultTiers(defaultTiersJson);
