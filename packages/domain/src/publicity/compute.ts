import { getCatalog } from '../catalog/catalog.registry';
import { DomainError } from '../errors';
import { addMonths, addYears, dayBefore, isIsoDate } from './period';
import { DISCLOSURE_CAP, NEGATIVE_CATALOGS, REGIMES, isPublicityTier } from './publicity-rules';
import type { DisclosureCap, Publicity, PublicityInput, PublicityTier, RegimeDef } from './publicity.types';

/** 轻微 / 一般 / 严重. */
export const TIER_NAMES: Readonly<Record<PublicityTier, string>> = { minor: '轻微', general: '一般', serious: '严重' };

const NEGATIVE = new Set(NEGATIVE_CATALOGS.map((c) => c.catalog));
const NAMES = new Map(REGIMES.map((r) => [r.code, r.name]));

/**
 * Is the catalogue 失信信息 (a negative catalogue, with publicity periods)? See negative-catalogs.json.
 * @example isNegativeCatalog('administrative_penalty') // true
 */
export function isNegativeCatalog(catalog: string): boolean {
  return NEGATIVE.has(catalog);
}

/**
 * The Chinese name of a regime code; an unknown code is returned as is.
 * @example regimeName('ndrc-order-36') // '国家发展改革委令第36号'
 */
export function regimeName(code: string): string {
  return NAMES.get(code) ?? code;
}

/** Every regime, oldest first (for documentation and the CLI). */
export function listRegimes(): readonly RegimeDef[] {
  return REGIMES;
}

/**
 * The regime in force for a decision date, or null before the earliest one (2017-07-31).
 * @example regimeFor('2023-04-30')?.code // 'ndrc-2019-527'
 */
export function regimeFor(decisionDate: string): RegimeDef | null {
  let found: RegimeDef | null = null;
  for (const r of REGIMES) if (r.from <= decisionDate) found = r;
  return found;
}

/**
 * Last day of the Henan cap (HN-Credit Art.19: 失信信息 disclosed at most five years).
 * @example henanCapUntil('2026-04-01') // '2031-04-01'
 */
export function henanCapUntil(decisionDate: string): string {
  return addYears(decisionDate, DISCLOSURE_CAP.maxYears);
}

function checkCatalog(catalog: string, regime: RegimeDef): void {
  const def = getCatalog(catalog); // CATALOG_UNKNOWN for a code that is no catalogue
  if (!isNegativeCatalog(catalog)) {
    throw new DomainError('INVALID_ARGUMENT', `“${def.name}”（${catalog}）不是失信信息目录，没有公示期限`, { catalog });
  }
  if (!regime.catalogs.includes(catalog)) {
    throw new DomainError('INVALID_ARGUMENT', `${regime.name} 未规定“${def.name}”信息的公示期限`, { catalog, regime: regime.code });
  }
}

/** The list dates that bound a record's last public day (see {@link listBoundedUntil}). */
export interface ListDates {
  listedUntil?: string | null;
  removedOn?: string | null;
}

/**
 * The last public day of a record whose period (or the cap alone) ends on `until`: extended while
 * the subject is still listed then (HN-Credit Art.19: to `listedUntil`, or to the day before
 * `removedOn`), and ended the day before `removedOn` once it has left the list (HN-Credit Art.37;
 * Order 36 Art.3 终止公示). So a removal date, when there is one, decides the end.
 *
 * Removal is folded into the stored maxUntil rather than checked where records are read: the one
 * condition that decides what is public (publicRecordCondition) then stays catalogue-neutral, and
 * the expiry job, ETags and report verification already follow maxUntil.
 * @example listBoundedUntil('2029-06-01', { removedOn: '2027-03-01' }) // '2027-02-28'
 */
export function listBoundedUntil(until: string, list: ListDates, capRule: DisclosureCap = DISCLOSURE_CAP): string {
  const { listedUntil, removedOn } = list;
  if (removedOn) {
    // Listed until the day before the removal: later than `until` only while listed (Art.19).
    const lastListed = dayBefore(removedOn);
    return lastListed < until || capRule.extendWhileListed ? lastListed : until;
  }
  return capRule.extendWhileListed && listedUntil && listedUntil > until ? listedUntil : until;
}

/**
 * Publicity of a negative record (regulations §3.1, §3.5, §3.7): the regime in force on the
 * decision date, its minimum and maximum periods for the tier counted per 民法典 Art.201–202,
 * the maximum limited by the Henan five-year cap and extended to `listedUntil` when the subject is
 * still on a 失信联合惩戒对象名单 at its end (HN-Credit Art.19), and ended the day before
 * `removedOn` when the record lists a subject since removed (HN-Credit Art.37).
 * @example computePublicity({ decisionDate: '2026-11-30', tier: 'minor' }) // { regime: 'ndrc-order-36', tier: 'minor', minUntil: '2026-11-30', maxUntil: '2027-02-28' }
 * @throws DomainError INVALID_ARGUMENT (bad date or tier, decision before 2017-07-31, not a negative catalogue) | CATALOG_UNKNOWN
 */
export function computePublicity(input: PublicityInput): Publicity {
  return publicityUnder(REGIMES, DISCLOSURE_CAP, input);
}

/** {@link computePublicity} under given rules (the loaded ones, or test data). */
export function publicityUnder(regimes: readonly RegimeDef[], capRule: DisclosureCap, input: PublicityInput): Publicity {
  const { decisionDate, tier, catalog, listedUntil, removedOn } = input;
  if (!isIsoDate(decisionDate)) {
    throw new DomainError('INVALID_ARGUMENT', `决定日期无效：${String(decisionDate)}，应为 YYYY-MM-DD 格式的有效日期`, { decisionDate });
  }
  if (!isPublicityTier(tier)) {
    throw new DomainError('INVALID_ARGUMENT', `公示等级无效：${String(tier)}，应为 minor（轻微）、general（一般）或 serious（严重）`, { tier });
  }
  if (listedUntil !== undefined && listedUntil !== null && !isIsoDate(listedUntil)) {
    throw new DomainError('INVALID_ARGUMENT', `名单移出日期无效：${String(listedUntil)}，应为 YYYY-MM-DD 格式的有效日期`, { listedUntil });
  }
  if (removedOn !== undefined && removedOn !== null && !isIsoDate(removedOn)) {
    throw new DomainError('INVALID_ARGUMENT', `移出日期无效：${String(removedOn)}，应为 YYYY-MM-DD 格式的有效日期`, { removedOn });
  }
  let regime: RegimeDef | null = null;
  for (const r of regimes) if (r.from <= decisionDate) regime = r;
  if (!regime) {
    const first = regimes[0];
    throw new DomainError(
      'INVALID_ARGUMENT',
      `决定日期 ${decisionDate} 早于已知最早的公示期限规定（${first?.name ?? ''}，适用于 ${first?.from ?? ''} 起作出的决定），无法计算公示期限`,
      { decisionDate, earliest: first?.from },
    );
  }
  if (catalog !== undefined) checkCatalog(catalog, regime);
  const period = regime.periods[tier];
  const minUntil = addMonths(decisionDate, period.minMonths);
  const regimeMax = addMonths(decisionDate, period.maxMonths);
  const cap = addYears(decisionDate, capRule.maxYears);
  const maxUntil = listBoundedUntil(regimeMax < cap ? regimeMax : cap, { listedUntil, removedOn }, capRule);
  return { regime: regime.code, tier, minUntil: minUntil < maxUntil ? minUntil : maxUntil, maxUntil };
}
