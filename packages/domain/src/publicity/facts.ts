import type { CatalogDef } from '../catalog/catalog.types';
import { DEFAULT_TIERS } from './publicity-rules';

/** What the tier and never-public rules read from a record's normalised values. */
export interface PublicityFacts {
  /** 处罚类别 codes as stored (e.g. `['03', '08']`). */
  penaltyTypes: string[];
  /** 简易程序 (the 平顶山 extension field 处罚程序). */
  simpleProcedure: boolean;
}

/**
 * Reads the penalty types and the procedure from a row's values (as validateRow returns them and
 * records.data stores them).
 * @example publicityFacts(getCatalog('administrative_penalty'), { CF_CFLB: ['01'], CF_CFCX: '01' }) // { penaltyTypes: ['01'], simpleProcedure: true }
 */
export function publicityFacts(catalog: CatalogDef, values: Readonly<Record<string, unknown>>): PublicityFacts {
  if (catalog.code !== DEFAULT_TIERS.catalog) return { penaltyTypes: [], simpleProcedure: false };
  const types = values[DEFAULT_TIERS.penaltyTypeField];
  const sp = DEFAULT_TIERS.simpleProcedure;
  return {
    penaltyTypes: Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : typeof types === 'string' ? [types] : [],
    simpleProcedure: values[sp.field] === sp.code,
  };
}
