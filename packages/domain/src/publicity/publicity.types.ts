/** 轻微 / 一般 / 严重 (Order 36; 国办发〔2025〕22号). */
export type PublicityTier = 'minor' | 'general' | 'serious';

/** What the engine computes for a negative record. Dates are YYYY-MM-DD, both inclusive. */
export interface Publicity {
  /** Regime code, e.g. `ndrc-order-36`. */
  regime: string;
  tier: PublicityTier;
  /** End of the minimum period: repair may be applied for after it (the decision date when there is none). */
  minUntil: string;
  /** Last public day: publicity stops by itself after it. */
  maxUntil: string;
}

export interface PublicityInput {
  /** 决定日期, YYYY-MM-DD: chooses the regime and starts the periods. */
  decisionDate: string;
  tier: PublicityTier;
  /** Catalogue code; when given it must be a negative catalogue the regime covers. */
  catalog?: string;
  /** Last day the subject stays on a 失信联合惩戒对象名单, if listed (HN-Credit Art.19 extension). */
  listedUntil?: string | null;
  /**
   * 移出日期 of a list record (严重失信主体名单): the day the subject left the list. The record is
   * public until the day before (HN-Credit Art.37: exit stops every 惩戒; Order 36 Art.3 终止公示).
   */
  removedOn?: string | null;
}

/** A tier's minimum and maximum period, in months. */
export interface TierPeriod {
  readonly minMonths: number;
  readonly maxMonths: number;
  readonly note?: string;
}

/** A national publicity regime as data (packages/domain/publicity/regimes.json). */
export interface RegimeDef {
  readonly code: string;
  readonly name: string;
  readonly title: string;
  /** First decision date it applies to; it applies until the next regime's `from`. */
  readonly from: string;
  readonly catalogs: readonly string[];
  readonly source: string;
  readonly periods: Readonly<Record<PublicityTier, TierPeriod>>;
}

/** The Henan cap on disclosing 失信信息 (HN-Credit Art.19). */
export interface DisclosureCap {
  readonly code: string;
  readonly name: string;
  readonly maxYears: number;
  readonly extendWhileListed: boolean;
  readonly source: string;
}

/** A tier rule set by the credit centre (table publicity_tier_rules). Null dept/type = all. */
export interface TierRule {
  catalog: string;
  /** Department USCC, or null for every department. */
  sourceDept: string | null;
  /** A 处罚类别 name (行政处罚法 Art.9, e.g. `罚款`), or null for every type. */
  penaltyType: string | null;
  tier: PublicityTier;
  /** The rule's source (文件名、条款). */
  basis: string;
}

export interface TierQuery {
  catalog: string;
  /** Department USCC (source_dept). */
  sourceDept: string;
  /** 处罚类别 names (or catalogue codes such as `03`) of the decision. */
  penaltyTypes: readonly string[];
  /** 简易程序: without a rule, 轻微 by default. */
  simpleProcedure?: boolean;
}

export interface ResolvedTier {
  tier: PublicityTier;
  /** Why: the rule's basis, or the default table's. */
  basis: string;
}
