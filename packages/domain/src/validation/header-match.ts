import type { CatalogDef } from '../catalog/catalog.types';
import { DomainError } from '../errors';
import { normalizeHeader } from '../text';

/** Result of {@link matchHeaders}: for each column, the field code it carries (null for ignored empty trailing cells). */
export interface HeaderMatch {
  columns: (string | null)[];
}

const SHOWN_HEADER_CHARS = 30;

/** A header as a message shows it: control characters (tabs too) as one space, at most 30 characters. */
function shownHeader(header: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const text = header.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  const chars = [...text];
  return chars.length > SHOWN_HEADER_CHARS ? `${chars.slice(0, SHOWN_HEADER_CHARS).join('')}…` : text;
}

const LOOKUPS = new WeakMap<CatalogDef, ReadonlyMap<string, string>>();

function headerLookup(catalog: CatalogDef): ReadonlyMap<string, string> {
  let lookup = LOOKUPS.get(catalog);
  if (!lookup) {
    const map = new Map<string, string>();
    for (const f of catalog.fields) for (const h of [f.code, f.name, ...(f.aliases ?? [])]) map.set(normalizeHeader(h), f.code);
    lookup = map;
    LOOKUPS.set(catalog, lookup);
  }
  return lookup;
}

/**
 * Maps each header to a field by national code, alias or Chinese name, or refuses the file with HEADERS_REFUSED.
 * @example matchHeaders(getCatalog('administrative_penalty'), ['CF_WSH', '处罚决定日期', …]).columns // ['CF_WSH', 'CF_JDRQ', …]
 */
export function matchHeaders(catalog: CatalogDef, headers: readonly string[]): HeaderMatch {
  const lookup = headerLookup(catalog);
  // Excel often reports formatted but empty cells after the last header; those columns are dropped.
  let last = headers.length;
  while (last > 0 && normalizeHeader(headers[last - 1] ?? '') === '') last--;

  const columns: (string | null)[] = new Array<string | null>(headers.length).fill(null);
  const unknown: string[] = [];
  const firstHeaderOf = new Map<string, string>();
  const duplicate: string[] = [];
  for (let i = 0; i < last; i++) {
    const header = headers[i] ?? '';
    const key = normalizeHeader(header);
    const code = key === '' ? undefined : lookup.get(key);
    if (code === undefined) {
      unknown.push(key === '' ? `第${i + 1}列（空表头）` : shownHeader(header));
      continue;
    }
    const prior = firstHeaderOf.get(code);
    if (prior !== undefined) duplicate.push(`${header.trim()}（与 ${prior} 同为 ${code}）`);
    else firstHeaderOf.set(code, header.trim());
    columns[i] = code;
  }
  const missingFields = catalog.fields.filter((f) => f.required === 'always' && !firstHeaderOf.has(f.code));

  if (unknown.length > 0 || missingFields.length > 0 || duplicate.length > 0) {
    const expected = catalog.fields.map((f) => ({ code: f.code, name: f.name, required: f.required === 'always' }));
    const parts: string[] = [];
    if (unknown.length > 0) parts.push(`无法识别的列：${unknown.join('、')}`);
    if (missingFields.length > 0) parts.push(`缺少必填列：${missingFields.map((f) => `${f.code}（${f.name}）`).join('、')}`);
    if (duplicate.length > 0) parts.push(`重复的列：${duplicate.join('、')}`);
    const list = expected.map((e) => `${e.code} ${e.name}${e.required ? '*' : ''}`).join('、');
    throw new DomainError(
      'HEADERS_REFUSED',
      `表头与“${catalog.name}”目录（${catalog.edition}版）不符，文件未导入。${parts.join('；')}。` +
        `应有的表头（代码或中文名均可，* 为必填列）：${list}`,
      { unknown, missing: missingFields.map((f) => f.code), duplicate, expected },
    );
  }
  return { columns };
}

/**
 * The field code a single header names (code, alias or Chinese name), or undefined.
 * @example fieldForHeader(getCatalog('administrative_penalty'), ' 处罚决定日期 ') // 'CF_JDRQ'
 */
export function fieldForHeader(catalog: CatalogDef, header: string): string | undefined {
  return headerLookup(catalog).get(normalizeHeader(header));
}
