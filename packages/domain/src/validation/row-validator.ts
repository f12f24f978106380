import type { CatalogDef, EnumValue, FieldDef, SubjectKind } from '../catalog/catalog.types';
import { fieldLabel, planFor } from './catalog-plan';
import type { CatalogPlan } from './catalog-plan';
import { checkField } from './field-check';
import type { FieldValue } from './field-check';
import { idNumberIssues } from './identifier-checks';
import type { FieldIssue } from './issue';

/** Context of one validation run; `today` (YYYY-MM-DD) bounds decision dates and birth dates. */
export interface RowContext {
  today: string;
}

/** The 行政相对人 a row is about, as the importer keys it (USCC for organisations, 证件号码 for persons). */
export interface ValidatedSubject {
  kind: SubjectKind;
  name: string;
  uscc?: string;
  idType?: string;
  /** Full number: the importer encrypts and masks it. */
  idNumber?: string;
}

/** Result of {@link validateRow}; `ok` is false when any issue is an error. */
export interface ValidatedRow {
  ok: boolean;
  values: Record<string, FieldValue>;
  issues: FieldIssue[];
  subject: ValidatedSubject | null;
  /** 文书号, '' when empty. */
  docNo: string;
  /** YYYY-MM-DD, '' when empty or refused (impossible or future). */
  decisionDate: string;
}

const asString = (v: FieldValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function enumValue(plan: CatalogPlan, f: FieldDef | undefined, values: Record<string, FieldValue>): EnumValue | undefined | null {
  if (!f) return undefined;
  const code = asString(values[f.code]);
  if (code === undefined) return undefined;
  return plan.enums.get(f.code)?.byCode.get(code) ?? null;
}

/** Is the field required in this row, and if so why (for the message)? null when not required. */
function requiredBecause(plan: CatalogPlan, f: FieldDef, kind: EnumValue | undefined | null, values: Record<string, FieldValue>): string | null {
  const rule = f.required;
  if (rule === 'always') return '为必填项';
  if (rule === 'never') return null;
  if ('whenSubjectKind' in rule) {
    const k = kind?.subjectKind;
    return k && rule.whenSubjectKind.includes(k) && kind ? `：行政相对人类别为“${kind.name}”时必填` : null;
  }
  const target = plan.byCode.get(rule.whenFieldHas.field);
  const v = values[rule.whenFieldHas.field];
  const has = (Array.isArray(v) ? v : v ? [v] : []).filter((c) => rule.whenFieldHas.codes.includes(c));
  if (!target || has.length === 0) return null;
  const names = has.map((c) => plan.enums.get(target.code)?.byCode.get(c)?.name ?? c).join('、');
  return `：${fieldLabel(target)}含“${names}”时必填`;
}

function subjectOf(plan: CatalogPlan, kind: EnumValue | undefined | null, values: Record<string, FieldValue>): ValidatedSubject | null {
  const name = asString(values[plan.byRole.get('subject_name')?.code ?? '']);
  const k = kind?.subjectKind;
  if (!k || name === undefined) return null;
  const pick = (role: 'subject_uscc' | 'subject_id_type' | 'subject_id_number'): string | undefined =>
    asString(values[plan.byRole.get(role)?.code ?? '']);
  const subject: ValidatedSubject = { kind: k, name };
  if (k === 'natural_person') {
    const idType = pick('subject_id_type');
    const idNumber = pick('subject_id_number');
    if (idType !== undefined) subject.idType = idType;
    if (idNumber !== undefined) subject.idNumber = idNumber;
  } else {
    const uscc = pick('subject_uscc');
    if (uscc !== undefined) subject.uscc = uscc;
  }
  return subject;
}

/**
 * Normalises and validates one row (keyed by field code) against a catalogue edition.
 * @example validateRow(getCatalog('administrative_penalty'), { CF_WSH: '平市监罚〔2024〕1号', … }, { today: '2025-01-10' }).ok
 */
export function validateRow(catalog: CatalogDef, raw: Readonly<Record<string, string | undefined>>, ctx: RowContext): ValidatedRow {
  const plan = planFor(catalog);
  const values: Record<string, FieldValue> = { ...plan.emptyValues };
  const issues: FieldIssue[] = [];
  const failed = new Set<string>();
  for (const f of catalog.fields) {
    const input = raw[f.code]?.trim() ?? '';
    const before = issues.length;
    values[f.code] = input === '' ? null : checkField(plan, f, input, ctx.today, issues);
    for (let i = before; i < issues.length; i++) if (issues[i]?.severity === 'error') failed.add(f.code);
  }

  const kind = enumValue(plan, plan.byRole.get('subject_kind'), values);
  const required = new Set<string>();
  for (const f of catalog.fields) {
    const because = requiredBecause(plan, f, kind, values);
    if (because === null) continue;
    required.add(f.code);
    if (values[f.code] === null) issues.push({ field: f.code, severity: 'error', rule: 'required', message: `${fieldLabel(f)}${because}` });
  }

  for (const [numberField, typeField] of plan.idPairs) {
    const id = asString(values[numberField.code]);
    if (id === undefined) continue;
    const type = enumValue(plan, typeField, values);
    const typeRequired = typeField !== undefined && required.has(typeField.code);
    issues.push(...idNumberIssues(numberField, id, { typeField, type, typeRequired, today: ctx.today }));
  }

  for (const check of catalog.checks ?? []) {
    const earlier = asString(values[check.earlier]);
    const later = asString(values[check.later]);
    if (earlier === undefined || later === undefined || failed.has(check.earlier) || failed.has(check.later)) continue;
    if (earlier <= later) continue;
    const [e, l] = [plan.byCode.get(check.earlier), plan.byCode.get(check.later)];
    if (!e || !l) continue;
    issues.push({
      field: l.code,
      severity: check.severity,
      rule: 'date.order',
      message: `${fieldLabel(l)} ${later} 早于${fieldLabel(e)} ${earlier}`,
    });
  }

  const dateField = plan.byRole.get('decision_date');
  const decisionDate = dateField && !failed.has(dateField.code) ? (asString(values[dateField.code]) ?? '') : '';
  return {
    ok: issues.every((i) => i.severity !== 'error'),
    values,
    issues,
    subject: subjectOf(plan, kind, values),
    docNo: asString(values[plan.byRole.get('doc_no')?.code ?? '']) ?? '',
    decisionDate,
  };
}
