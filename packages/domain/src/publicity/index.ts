export type * from './publicity.types';
export { addMonths, addYears, isIsoDate } from './period';
export { DEFAULT_TIERS, DISCLOSURE_CAP, NEGATIVE_CATALOGS, PUBLICITY_TIERS, REGIMES, isPublicityTier } from './publicity-rules';
export type { DefaultTierTable, NegativeCatalogDef } from './publicity-rules';
export { TIER_NAMES, computePublicity, henanCapUntil, isNegativeCatalog, listRegimes, regimeFor, regimeName } from './compute';
export { penaltyTypeName, resolveTier } from './tier';
export { publicityFacts } from './facts';
export type { PublicityFacts } from './facts';
