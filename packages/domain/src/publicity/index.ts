export type * from './publicity.types';
export { addMonths, addYears, dayBefore, isIsoDate } from './period';
export { DEFAULT_TIERS, DISCLOSURE_CAP, NEGATIVE_CATALOGS, PUBLICITY_TIERS, REGIMES, isPublicityTier } from './publicity-rules';
export type { DefaultTierTable, ListDateFields, NegativeCatalogDef } from './publicity-rules';
export { TIER_NAMES, computePublicity, henanCapUntil, isNegativeCatalog, listBoundedUntil, listRegimes, regimeFor, regimeName } from './compute';
export type { ListDates } from './compute';
export { penaltyTypeName, resolveTier } from './tier';
export { publicityFacts } from './facts';
export type { PublicityFacts } from './facts';
