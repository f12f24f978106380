import { DomainError } from '../errors';
import { normalizeHeader } from '../text';
import adjudication2021 from '../../catalog/administrative_adjudication.2021.json' with { type: 'json' };
import coercion2021 from '../../catalog/administrative_coercion.2021.json' with { type: 'json' };
import compensation2021 from '../../catalog/administrative_compensation.2021.json' with { type: 'json' };
import confirmation2021 from '../../catalog/administrative_confirmation.2021.json' with { type: 'json' };
import inspection2021 from '../../catalog/administrative_inspection.2021.json' with { type: 'json' };
import levy2021 from '../../catalog/administrative_levy.2021.json' with { type: 'json' };
import license2021 from '../../catalog/administrative_license.2021.json' with { type: 'json' };
import payment2021 from '../../catalog/administrative_payment.2021.json' with { type: 'json' };
import penalty2021 from '../../catalog/administrative_penalty.2021.json' with { type: 'json' };
import reward2021 from '../../catalog/administrative_reward.2021.json' with { type: 'json' };
import seriousDishonestyList2021 from '../../catalog/serious_dishonesty_list.2021.json' with { type: 'json' };
import { parseCatalogDef } from './catalog.parser';
import type { CatalogDef } from './catalog.types';

// A new edition is a new JSON file named `<code>.<edition>.json`, added here; older editions stay,
// so a record is always read with the template in force on its decision date. The order is the
// order of every list of catalogues: the ten administrative acts of the 2021 目录 item 3 (HN-Credit
// Art.12), then the other items of the 目录 the platform collects (严重失信主体名单).
const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['administrative_license.2021.json', license2021],
  ['administrative_penalty.2021.json', penalty2021],
  ['administrative_coercion.2021.json', coercion2021],
  ['administrative_confirmation.2021.json', confirmation2021],
  ['administrative_levy.2021.json', levy2021],
  ['administrative_payment.2021.json', payment2021],
  ['administrative_adjudication.2021.json', adjudication2021],
  ['administrative_compensation.2021.json', compensation2021],
  ['administrative_reward.2021.json', reward2021],
  ['administrative_inspection.2021.json', inspection2021],
  ['serious_dishonesty_list.2021.json', seriousDishonestyList2021],
];

/** Every edition by catalogue code, oldest first. */
const EDITIONS: ReadonlyMap<string, readonly CatalogDef[]> = (() => {
  const byCode = new Map<string, CatalogDef[]>();
  for (const [file, json] of FILES) {
    const def = parseCatalogDef(json, file);
    if (file !== `${def.code}.${def.edition}.json`) {
      throw new DomainError('INVALID_ARGUMENT', `信用信息目录文件 ${file} 的文件名应为 ${def.code}.${def.edition}.json`, { file });
    }
    byCode.set(def.code, [...(byCode.get(def.code) ?? []), def]);
  }
  for (const list of byCode.values()) list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return byCode;
})();

/** The registered catalogue files, for the well-formedness test. */
export const CATALOG_FILES: readonly string[] = FILES.map(([file]) => file);

/**
 * Lists the current (latest) edition of every catalogue: the ten of the 2021 目录 item 3 in its
 * order, then 严重失信主体名单.
 * @example listCatalogs().map((c) => c.name) // ['行政许可', '行政处罚', …, '行政检查', '严重失信主体名单']
 */
export function listCatalogs(): CatalogDef[] {
  return [...EDITIONS.values()].map((list) => list[list.length - 1]).filter((c): c is CatalogDef => c !== undefined);
}

/**
 * Lists every edition of one catalogue, oldest first (empty for an unknown code).
 * @example listCatalogEditions('administrative_penalty').map((c) => c.edition) // ['2021']
 */
export function listCatalogEditions(code: string): CatalogDef[] {
  return [...(EDITIONS.get(code) ?? [])];
}

/**
 * The catalogue code a person typed: the code itself, or the catalogue's Chinese name, ignoring
 * spaces, case and full-/half-width; anything else unchanged (getCatalog then refuses it).
 * @example catalogCodeOf(' 行政处罚 ') // 'administrative_penalty'
 */
export function catalogCodeOf(input: string): string {
  const key = normalizeHeader(input);
  const found = listCatalogs().find((c) => normalizeHeader(c.code) === key || normalizeHeader(c.name) === key);
  return found?.code ?? input;
}

/**
 * Returns the catalogue edition in force on `onDate` (YYYY-MM-DD), or the latest edition without a date.
 * A date before the first edition gets the first edition: it is the oldest template we know.
 * @example getCatalog('administrative_penalty', '2024-09-30').edition // '2021'
 */
export function getCatalog(code: string, onDate?: string): CatalogDef {
  const list = EDITIONS.get(code);
  const first = list?.[0];
  if (!list || !first) {
    const available = listCatalogs()
      .map((c) => `${c.code}（${c.name}）`)
      .join('、');
    throw new DomainError('CATALOG_UNKNOWN', `未知的信用信息目录：${code}；可用目录：${available}`, {
      code,
      available: listCatalogs().map((c) => c.code),
    });
  }
  if (onDate === undefined) return list[list.length - 1] ?? first;
  let inForce = first;
  for (const def of list) if (def.effectiveFrom <= onDate) inForce = def;
  return inForce;
}
