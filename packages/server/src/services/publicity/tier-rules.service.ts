// Administration of the tiers (轻微/一般/严重) the credit centre sets per catalogue, department and
// 处罚类别 (issue #4 §1: "the tier comes from data"). A rule applies to records imported after it;
// records already stored keep the tier they were given (regulations §3.7: a change of rule is an
// explicit re-computation, not a silent one).
import { deleteTierRule, getDepartment, listTierRules, upsertTierRule } from '@pubcredit/db';
import type { StoredTierRule } from '@pubcredit/db';
import {
  DEFAULT_TIERS,
  DomainError,
  TIER_NAMES,
  getCatalog,
  isNegativeCatalog,
  isPublicityTier,
  normalizeCode,
  normalizeText,
  penaltyTypeName,
} from '@pubcredit/domain';
import type { AppContext } from '../../context';

export interface TierRuleKeyInput {
  catalog: string;
  /** Department USCC; empty or absent = every department. */
  department?: string | null;
  /** 处罚类别 name, code or alias; empty or absent = every type. */
  penaltyType?: string | null;
}

export interface TierRuleInput extends TierRuleKeyInput {
  tier: string;
  /** The rule's source (文件名、条款). */
  basis: string;
}

const blank = (v: string | null | undefined): boolean => v === undefined || v === null || v.trim() === '';

function checkCatalog(code: string): string {
  const def = getCatalog(code.trim()); // CATALOG_UNKNOWN
  if (!isNegativeCatalog(def.code)) {
    throw new DomainError('INVALID_ARGUMENT', `“${def.name}”（${def.code}）不是失信信息目录，不设公示等级`, { catalog: def.code });
  }
  return def.code;
}

function checkPenaltyType(catalog: string, value: string): string {
  const field = catalog === DEFAULT_TIERS.catalog ? getCatalog(catalog).fields.find((f) => f.code === DEFAULT_TIERS.penaltyTypeField) : undefined;
  const names = (field?.enumValues ?? []).map((v) => v.name);
  const name = penaltyTypeName(catalog, normalizeText(value));
  if (!names.includes(name)) {
    throw new DomainError('INVALID_ARGUMENT', `处罚类别“${value}”无效；可用类别：${names.join('、') || '（该目录无处罚类别）'}`, { penaltyType: value });
  }
  return name;
}

async function resolveKey(ctx: AppContext, input: TierRuleKeyInput): Promise<{ catalog: string; sourceDept: string | null; penaltyType: string | null }> {
  const catalog = checkCatalog(input.catalog);
  let sourceDept: string | null = null;
  if (!blank(input.department)) {
    sourceDept = normalizeCode(input.department ?? '');
    if (!(await getDepartment(ctx.db, sourceDept))) {
      throw new DomainError('DEPARTMENT_UNKNOWN', `部门 ${sourceDept} 未登记；请先执行 pubcredit departments add --code ${sourceDept} --name 部门名称`, {
        source: sourceDept,
      });
    }
  }
  const penaltyType = blank(input.penaltyType) ? null : checkPenaltyType(catalog, input.penaltyType ?? '');
  return { catalog, sourceDept, penaltyType };
}

/** Every tier rule. */
export function listPublicityTierRules(ctx: AppContext): Promise<StoredTierRule[]> {
  return listTierRules(ctx.db);
}

/**
 * Sets (or replaces) the tier of a catalogue, optionally for one department and/or one 处罚类别.
 * @throws DomainError INVALID_ARGUMENT | CATALOG_UNKNOWN | DEPARTMENT_UNKNOWN
 */
export async function setPublicityTierRule(ctx: AppContext, input: TierRuleInput): Promise<StoredTierRule> {
  const key = await resolveKey(ctx, input);
  const tier = input.tier.trim();
  if (!isPublicityTier(tier)) {
    const allowed = Object.entries(TIER_NAMES).map(([code, name]) => `${code}（${name}）`).join('、');
    throw new DomainError('INVALID_ARGUMENT', `公示等级无效：${input.tier}；应为 ${allowed}`, { tier: input.tier });
  }
  const basis = normalizeText(input.basis);
  if (!basis) throw new DomainError('INVALID_ARGUMENT', '请写明依据（文件名称及条款）');
  return upsertTierRule(ctx.db, { ...key, tier, basis });
}

/**
 * Removes the rule for exactly this key.
 * @throws DomainError NOT_FOUND when there is none
 */
export async function removePublicityTierRule(ctx: AppContext, input: TierRuleKeyInput): Promise<StoredTierRule> {
  const key = await resolveKey(ctx, input);
  const removed = await deleteTierRule(ctx.db, key);
  if (!removed) {
    const scope = [key.catalog, key.sourceDept ?? '所有部门', key.penaltyType ?? '所有处罚类别'].join(' / ');
    throw new DomainError('NOT_FOUND', `没有这条公示等级规则：${scope}`, key);
  }
  return removed;
}
