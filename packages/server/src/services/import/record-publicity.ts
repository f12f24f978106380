// The publicity columns of a stored record (migration 006), from the domain's publicity engine.
// Shared by the importer (per row, no database access) and the recompute service.
import { computePublicity, henanCapUntil, isNegativeCatalog, listBoundedUntil, listRegimes, publicityFacts, regimeFor, resolveTier } from '@pubcredit/domain';
import type { CatalogDef, Publicity, PublicityTier, SubjectKind, TierRule } from '@pubcredit/domain';

/** records.negative … never_public as the importer writes them. */
export interface RecordPublicity {
  negative: boolean;
  regime: string | null;
  tier: PublicityTier | null;
  minUntil: string | null;
  maxUntil: string | null;
  simpleProcedure: boolean;
  neverPublic: boolean;
}

export const NOT_NEGATIVE: RecordPublicity = Object.freeze({
  negative: false,
  regime: null,
  tier: null,
  minUntil: null,
  maxUntil: null,
  simpleProcedure: false,
  neverPublic: false,
});

export interface PublicityArgs {
  sourceDept: string;
  decisionDate: string;
  subjectKind: SubjectKind;
  /** Normalised values (validateRow's, or records.data). */
  values: Readonly<Record<string, unknown>>;
}

/** Computes publicity per file or page; the periods of a (date, tier) pair are computed once. */
export class PublicityCalculator {
  private readonly periods = new Map<string, Publicity>();
  private readonly negative: boolean;

  constructor(
    private readonly catalog: CatalogDef,
    /** The credit centre's tier rules, read once per batch. */
    private readonly rules: readonly TierRule[],
  ) {
    this.negative = isNegativeCatalog(catalog.code);
  }

  /**
   * The publicity of one record, and a warning when its decision precedes every known regime
   * (2017-07-31): then only the Henan five-year cap bounds it (HN-Credit Art.19).
   */
  of(a: PublicityArgs): { publicity: RecordPublicity; warning?: string } {
    if (!this.negative) return { publicity: NOT_NEGATIVE };
    const facts = publicityFacts(this.catalog, a.values);
    const { tier } = resolveTier(
      { catalog: this.catalog.code, sourceDept: a.sourceDept, penaltyTypes: facts.penaltyTypes, simpleProcedure: facts.simpleProcedure },
      this.rules,
    );
    // Henan regulation Art.13: 简易程序 penalties of natural persons are never published.
    const neverPublic = facts.simpleProcedure && a.subjectKind === 'natural_person';
    const base = { negative: true, tier, simpleProcedure: facts.simpleProcedure, neverPublic };
    // A list record's 有效期至 and 移出日期 bound its last public day (HN-Credit Art.19, 37).
    const list = { listedUntil: facts.listedUntil, removedOn: facts.removedOn };
    if (!regimeFor(a.decisionDate)) {
      return {
        publicity: { ...base, regime: null, minUntil: null, maxUntil: listBoundedUntil(henanCapUntil(a.decisionDate), list) },
        warning: `决定日期 ${a.decisionDate} 早于已知最早的公示期限规定（${listRegimes()[0]?.from ?? ''}），按河南省社会信用条例第十九条最长公示五年计算`,
      };
    }
    const key = `${a.decisionDate}|${tier}|${list.listedUntil ?? ''}|${list.removedOn ?? ''}`;
    let p = this.periods.get(key);
    if (!p) {
      p = computePublicity({ decisionDate: a.decisionDate, tier, catalog: this.catalog.code, ...list });
      this.periods.set(key, p);
    }
    return { publicity: { ...base, regime: p.regime, minUntil: p.minUntil, maxUntil: p.maxUntil } };
  }
}
