import type { CatalogDef } from '../catalog/catalog.types';
import { isIsoDate } from './period';
import { DEFAULT_TIERS, NEGATIVE_CATALOGS } from './publicity-rules';

/** What the tier, never-public and period rules read from a record's normalised values. */
export interface PublicityFacts {
  /** 处罚类别 codes as stored (e.g. `['03', '08']`). */
  penaltyTypes: string[];
  /** 简易程序 (the 平顶山 extension field 处罚程序). */
  simpleProcedure: boolean;
  /** 有效期至 of a list record: the last day the subject is listed (HN-Credit Art.19), if given. */
  listedUntil: string | null;
  /** 移出日期 of a list record: the day the subject left the list (HN-Credit Art.37), if given. */
  removedOn: string | null;
}

const LIST_DATES = new Map(NEGATIVE_CATALOGS.flatMap((c) => (c.listDates ? [[c.catalog, c.listDates] as const] : [])));

const dateOf = (v: unknown): string | null => (isIsoDate(v) ? v : null);

/**
 * Reads the penalty types, the procedure and a list record's 有效期至 and 移出日期 from a row's
 * values (as validateRow returns them and records.data stores them).
 * @example publicityFacts(getCatalog('administrative_penalty'), { CF_CFLB: ['01'], CF_CFCX: '01' }) // { penaltyTypes: ['01'], simpleProcedure: true, listedUntil: null, removedOn: null }
 * @example publicityFacts(getCatalog('serious_dishonesty_list'), { SX_YCRQ: '2027-03-01' }).removedOn // '2027-03-01'
 */
export function publicityFacts(catalog: CatalogDef, values: Readonly<Record<string, unknown>>): PublicityFacts {
  const list = LIST_DATES.get(catalog.code);
  const dates = {
    listedUntil: list ? dateOf(values[list.listedUntilField]) : null,
    removedOn: list ? dateOf(values[list.removedOnField]) : null,
  };
  if (catalog.code !== DEFAULT_TIERS.catalog) return { penaltyTypes: [], simpleProcedure: false, ...dates };
  const types = values[DEFAULT_TIERS.penaltyTypeField];
  const sp = DEFAULT_TIERS.simpleProcedure;
  return {
    penaltyTypes: Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : typeof types === 'string' ? [types] : [],
    simpleProcedure: values[sp.field] === sp.code,
    ...dates,
  };
}
