import { DomainError } from '../errors';
import type { CatalogDef, CatalogKind, FieldDef, FieldRole, FieldType, SubjectKind } from './catalog.types';

// Catalogue editions are data (packages/domain/catalog/*.json), so a typo there must stop start-up
// with a clear message rather than surface as a wrong validation result on some row months later.

const FIELD_TYPES: readonly FieldType[] = ['text', 'date', 'decimal', 'uscc', 'orgcode', 'id_number', 'enum', 'enum_list'];
const SUBJECT_KINDS: readonly SubjectKind[] = ['legal_person', 'individual_business', 'natural_person'];
const ROLES: readonly FieldRole[] = [
  'subject_name',
  'subject_kind',
  'subject_uscc',
  'subject_id_type',
  'subject_id_number',
  'legal_rep_id_type',
  'legal_rep_id_number',
  'doc_no',
  'decision_date',
  'authority_uscc',
  'source_uscc',
  'list_name',
];
const CATALOG_KINDS: readonly CatalogKind[] = ['administrative_act', 'list'];
/** Roles every catalogue must carry exactly once: the importer keys records and subjects by them. */
const REQUIRED_ROLES: readonly FieldRole[] = ['subject_name', 'subject_kind', 'doc_no', 'decision_date'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function checkField(f: unknown, i: number, problems: string[]): void {
  const at = `fields[${i}]`;
  if (!isObject(f)) return void problems.push(`${at} 不是对象`);
  if (!isString(f.code)) problems.push(`${at} 缺少 code`);
  if (!isString(f.name)) problems.push(`${at}（${String(f.code)}）缺少 name`);
  if (!FIELD_TYPES.includes(f.type as FieldType)) problems.push(`${at}（${String(f.code)}）type 无效：${String(f.type)}`);
  const isEnum = f.type === 'enum' || f.type === 'enum_list';
  const values = f.enumValues;
  if (isEnum && (!Array.isArray(values) || values.length === 0)) problems.push(`${at}（${String(f.code)}）枚举字段缺少 enumValues`);
  if (!isEnum && values !== undefined) problems.push(`${at}（${String(f.code)}）非枚举字段不应有 enumValues`);
  if (Array.isArray(values)) {
    for (const v of values) {
      if (!isObject(v) || !isString(v.code) || !isString(v.name)) problems.push(`${at}（${String(f.code)}）枚举值缺少 code 或 name`);
      else if (v.subjectKind !== undefined && !SUBJECT_KINDS.includes(v.subjectKind as SubjectKind)) {
        problems.push(`${at}（${String(f.code)}）枚举值 ${v.code} 的 subjectKind 无效`);
      }
    }
  }
  if (f.role !== undefined && !ROLES.includes(f.role as FieldRole)) problems.push(`${at}（${String(f.code)}）role 无效：${JSON.stringify(f.role)}`);
  if (f.maxLength !== undefined && !(Number.isInteger(f.maxLength) && (f.maxLength as number) > 0)) {
    problems.push(`${at}（${String(f.code)}）maxLength 无效`);
  }
  const r = f.required;
  const okRule =
    r === 'always' ||
    r === 'never' ||
    (isObject(r) && Array.isArray(r.whenSubjectKind) && r.whenSubjectKind.every((k) => SUBJECT_KINDS.includes(k as SubjectKind))) ||
    (isObject(r) && isObject(r.whenFieldHas) && isString(r.whenFieldHas.field) && Array.isArray(r.whenFieldHas.codes));
  if (!okRule) problems.push(`${at}（${String(f.code)}）required 规则无效`);
}

/** Cross-checks that need the whole field list: unique codes and names, roles, rule references. */
function checkConsistency(def: CatalogDef, problems: string[]): void {
  const seen = new Map<string, string>();
  for (const f of def.fields) {
    for (const key of [f.code, f.name, ...(f.aliases ?? [])]) {
      const prior = seen.get(key);
      if (prior !== undefined) problems.push(`表头 ${key} 同时属于 ${prior} 和 ${f.code}`);
      seen.set(key, f.code);
    }
    const codes = new Set<string>();
    for (const v of f.enumValues ?? []) {
      for (const key of [v.code, v.name, ...(v.aliases ?? [])]) {
        if (codes.has(key)) problems.push(`${f.code} 的枚举值 ${key} 重复`);
        codes.add(key);
      }
    }
    const rule = f.required;
    if (typeof rule === 'object' && 'whenFieldHas' in rule) {
      const target = def.fields.find((t) => t.code === rule.whenFieldHas.field);
      if (!target || (target.type !== 'enum' && target.type !== 'enum_list')) {
        problems.push(`${f.code} 的条件必填引用了不存在的枚举字段 ${rule.whenFieldHas.field}`);
      } else {
        for (const c of rule.whenFieldHas.codes) {
          if (!target.enumValues?.some((v) => v.code === c)) problems.push(`${f.code} 的条件必填引用了 ${target.code} 中不存在的代码 ${c}`);
        }
      }
    }
    if (f.notFuture && f.type !== 'date') problems.push(`${f.code} 不是日期字段，不能设置 notFuture`);
    if (f.personal && f.type !== 'id_number') problems.push(`${f.code} 标记为个人信息但不是证件号码字段`);
  }
  for (const role of ROLES) {
    const n = def.fields.filter((f) => f.role === role).length;
    if (n > 1) problems.push(`角色 ${role} 出现 ${n} 次`);
    if (n === 0 && REQUIRED_ROLES.includes(role)) problems.push(`缺少角色 ${role}`);
  }
  const kind = def.fields.find((f) => f.role === 'subject_kind');
  if (kind && !kind.enumValues?.every((v) => v.subjectKind !== undefined)) problems.push(`${kind.code} 的每个枚举值都要有 subjectKind`);
  const decision = def.fields.find((f) => f.role === 'decision_date');
  if (decision && decision.type !== 'date') problems.push(`决定日期字段 ${decision.code} 不是日期类型`);
  for (const c of def.checks ?? []) {
    if (c.kind !== 'date_order' || (c.severity !== 'error' && c.severity !== 'warning')) problems.push(`跨字段校验 ${String(c.kind)} 无效`);
    for (const code of [c.earlier, c.later]) {
      if (def.fields.find((f) => f.code === code)?.type !== 'date') problems.push(`跨字段校验引用了非日期字段 ${code}`);
    }
  }
}

/**
 * Checks a catalogue edition read from JSON and returns it typed, or throws listing every problem.
 * @example parseCatalogDef(penaltyJson, 'administrative_penalty.2021.json').code // 'administrative_penalty'
 */
export function parseCatalogDef(json: unknown, file: string): CatalogDef {
  const problems: string[] = [];
  if (!isObject(json)) problems.push('不是 JSON 对象');
  else {
    for (const key of ['code', 'name', 'edition', 'source'] as const) if (!isString(json[key])) problems.push(`缺少 ${key}`);
    if (typeof json.effectiveFrom !== 'string' || !DATE.test(json.effectiveFrom)) problems.push('effectiveFrom 应为 YYYY-MM-DD');
    if (!Array.isArray(json.fields) || json.fields.length === 0) problems.push('缺少 fields');
    else json.fields.forEach((f, i) => checkField(f, i, problems));
    if (json.checks !== undefined && !Array.isArray(json.checks)) problems.push('checks 应为数组');
    if (json.kind !== undefined && !CATALOG_KINDS.includes(json.kind as CatalogKind)) {
      problems.push(`kind 无效：${JSON.stringify(json.kind)}（可选 ${CATALOG_KINDS.join('、')}）`);
    }
    if (problems.length === 0) checkConsistency(json as unknown as CatalogDef, problems);
  }
  if (problems.length > 0) {
    throw new DomainError('INVALID_ARGUMENT', `信用信息目录文件 ${file} 格式错误：${problems.join('；')}`, { file, problems });
  }
  const def = json as Omit<CatalogDef, 'kind'> & { kind?: CatalogKind };
  return { ...def, kind: def.kind ?? 'administrative_act' };
}

/**
 * The field playing `role` in a catalogue, if any.
 * @example fieldByRole(getCatalog('administrative_penalty'), 'doc_no')?.code // 'CF_WSH'
 */
export function fieldByRole(catalog: CatalogDef, role: FieldRole): FieldDef | undefined {
  return catalog.fields.find((f) => f.role === role);
}
