import { getCatalog, listCatalogs, normalizeHeader } from '@pubcredit/domain';
import type { CatalogDef, FieldDef, RequiredRule } from '@pubcredit/domain';
import type { CatalogBody } from '../schemas/catalog.schema';
import type { ExportTable } from './export/table-export';

/** The current edition of a catalogue; DomainError CATALOG_UNKNOWN naming the known codes. */
export function requireCatalog(code: string): CatalogDef {
  return getCatalog(code);
}

export function findCatalog(code: string): CatalogDef | undefined {
  try {
    return getCatalog(code);
  } catch {
    return undefined;
  }
}

/** Chinese name of a catalogue code; the code itself for one the registry no longer knows. */
export function catalogName(code: string): string {
  return findCatalog(code)?.name ?? code;
}

function describeRequired(rule: RequiredRule, catalog: CatalogDef): { required: CatalogBody['fields'][number]['required']; requiredWhen: string | null } {
  if (rule === 'always' || rule === 'never') return { required: rule, requiredWhen: null };
  if ('whenSubjectKind' in rule) {
    const kinds: Record<string, string> = { legal_person: '法人及非法人组织', individual_business: '个体工商户', natural_person: '自然人' };
    const kindField = catalog.fields.find((f) => f.role === 'subject_kind')?.name ?? '行政相对人类别';
    return { required: 'conditional', requiredWhen: `${kindField}为${rule.whenSubjectKind.map((k) => kinds[k] ?? k).join('或')}时必填` };
  }
  const field = catalog.fields.find((f) => f.code === rule.whenFieldHas.field);
  const names = rule.whenFieldHas.codes.map((c) => field?.enumValues?.find((v) => v.code === c)?.name ?? c);
  return { required: 'conditional', requiredWhen: `${field?.name ?? rule.whenFieldHas.field}包含${names.join('或')}时必填` };
}

function presentField(f: FieldDef, catalog: CatalogDef): CatalogBody['fields'][number] {
  return {
    code: f.code,
    name: f.name,
    aliases: [...(f.aliases ?? [])],
    type: f.type,
    ...describeRequired(f.required, catalog),
    maxLength: f.maxLength ?? null,
    personal: f.personal ?? false,
    role: f.role ?? null,
    enumValues: (f.enumValues ?? []).map((v) => ({ code: v.code, name: v.name, aliases: [...(v.aliases ?? [])] })),
  };
}

export function presentCatalog(c: CatalogDef): CatalogBody {
  const base = `/api/v1/catalogs/${c.code}`;
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    edition: c.edition,
    effectiveFrom: c.effectiveFrom,
    source: c.source,
    fields: c.fields.map((f) => presentField(f, c)),
    templates: { csv: `${base}/template.csv`, xlsx: `${base}/template.xlsx` },
  };
}

export function listCatalogBodies(): CatalogBody[] {
  return listCatalogs().map(presentCatalog);
}

/** An empty file with the Chinese header row departments fill in. */
export function templateTable(code: string): ExportTable & { fileName: string } {
  const catalog = requireCatalog(code);
  return { sheetName: catalog.name, headers: catalog.fields.map((f) => f.name), rows: [], fileName: `${catalog.name}模板` };
}

function headerKeys(f: FieldDef): string[] {
  return [f.code, f.name, ...(f.aliases ?? [])].map(normalizeHeader);
}

/** Orders a file's original headers as the catalogue lists its fields; unknown headers keep their order at the end. */
export function orderHeaders(code: string, headers: readonly string[]): string[] {
  const fields = findCatalog(code)?.fields ?? [];
  const rank = (h: string): number => {
    const i = fields.findIndex((f) => headerKeys(f).includes(normalizeHeader(h)));
    return i < 0 ? fields.length : i;
  };
  return headers.map((h, i) => ({ h, r: rank(h), i })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.h);
}

/** Chinese name of a field code in a catalogue (the code if unknown). */
export function fieldName(code: string, field: string): string {
  return findCatalog(code)?.fields.find((f) => f.code === field)?.name ?? field;
}
