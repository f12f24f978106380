import type { CatalogDef, EnumValue, FieldDef, FieldRole, SubjectKind } from '../catalog/catalog.types';
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

/** The codes of `v` (an enum or enum_list value) that are among `codes`. */
function codesAmong(v: FieldValue | undefined, codes: readonly string[]): string[] {
  if (Array.isArray(v)) return v.filter((c) => codes.includes(c));
  return v && codes.includes(v) ? [v] : [];
}

/** Is the field required in this row, and if so why (for the message)? null when not required. */
function requiredBecause(plan: CatalogPlan, f: FieldDef, kind: EnumValue | undefined | null, values: Record<string, FieldValue>): string | null {
  const rule = f.required;
  if (rule === 'always') return '为必填项';
  if (rule === 'never') return null;
  if ('whenSubjectKind' in rule) {
    const k = kind?.subjectKind;
    const kindName = plan.byRole.get('subject_kind')?.name ?? '行政相对人类别';
    return k && rule.whenSubjectKind.includes(k) && kind ? `：${kindName}为“${kind.name}”时必填` : null;
  }
  const target = plan.byCode.get(rule.whenFieldHas.field);
  const has = codesAmong(values[rule.whenFieldHas.field], rule.whenFieldHas.codes);
  if (!target || has.length === 0) return null;
  const names = has.map((c) => plan.enums.get(target.code)?.byCode.get(c)?.name ?? c).join('、');
  return `：${fieldLabel(target)}含“${names}”时必填`;
}

/** The string value of the field playing `role`, if the catalogue has one and it is filled. */
const roleValue = (plan: CatalogPlan, role: FieldRole, values: Record<string, FieldValue>): string | undefined => {
  const code = plan.codeOf[role];
  return code === undefined ? undefined : asString(values[code]);
};

function subjectOf(plan: CatalogPlan, kind: EnumValue | undefined | null, values: Record<string, FieldValue>): ValidatedSubject | null {
  const name = roleValue(plan, 'subject_name', values);
  const k = kind?.subjectKind;
  if (!k || name === undefined) return null;
  const subject: ValidatedSubject = { kind: k, name };
  if (k === 'natural_person') {
    const idType = roleValue(plan, 'subject_id_type', values);
    const idNumber = roleValue(plan, 'subject_id_number', values);
    if (idType !== undefined) subject.idType = idType;
    if (idNumber !== undefined) subject.idNumber = idNumber;
  } else {
    const uscc = roleValue(plan, 'subject_uscc', values);
    if (uscc !== undefined) subject.uscc = uscc;
  }
  return subject;
}

/** Did the field-by-field checks (the first `count` issues) report an error on this field? */
function failedAt(issues: readonly FieldIssue[], count: number, code: string): boolean {
  for (let i = 0; i < count; i++) {
    const issue = issues[i];
    if (issue?.field === code && issue.severity === 'error') return true;
  }
  return false;
}

/**
 * Normalises and validates one row (keyed by field code) against a catalogue edition.
 * @example validateRow(getCatalog('administrative_penalty'), { CF_WSH: '平市监罚〔2024〕1号', … }, { today: '2025-01-10' }).ok
 */
export function validateRow(catalog: CatalogDef, raw: Readonly<Record<string, string | undefined>>, ctx: RowContext): ValidatedRow {
  const plan = planFor(catalog);
  const values: Record<string, FieldValue> = { ...plan.emptyValues };
  const issues: FieldIssue[] = [];
  const empty: FieldDef[] = []; // the empty fields that some rule may require, in catalogue order
  for (const f of catalog.fields) {
    const input = raw[f.code]?.trim() ?? '';
    const value = input === '' ? null : checkField(plan, f, input, ctx.today, issues);
    if (value !== null) values[f.code] = value;
    else if (f.required !== 'never') empty.push(f);
  }
  const fieldIssues = issues.length; // so far, each issue is about the one field it names

  const kind = enumValue(plan, plan.byRole.get('subject_kind'), values);
  for (const f of empty) {
    const because = requiredBecause(plan, f, kind, values);
    if (because !== null) issues.push({ field: f.code, severity: 'error', rule: 'required', message: `${fieldLabel(f)}${because}` });
  }

  for (const [numberField, typeField] of plan.idPairs) {
    const id = asString(values[numberField.code]);
    if (id === undefined) continue;
    const type = enumValue(plan, typeField, values);
    // Only read when the type is empty (whether a filled field is required does not matter).
    const typeRequired = type === undefined && typeField !== undefined && requiredBecause(plan, typeField, kind, values) !== null;
    idNumberIssues(numberField, id, { typeField, type, typeRequired, today: ctx.today }, issues);
  }

  for (const { earlier: e, later: l, severity } of plan.dateOrders) {
    const earlier = asString(values[e.code]);
    const later = asString(values[l.code]);
    if (earlier === undefined || later === undefined || earlier <= later) continue;
    if (failedAt(issues, fieldIssues, e.code) || failedAt(issues, fieldIssues, l.code)) continue;
    issues.push({ field: l.code, severity, rule: 'date.order', message: `${fieldLabel(l)} ${later} 早于${fieldLabel(e)} ${earlier}` });
  }

  const dateCode = plan.codeOf.decision_date;
  const decisionDate = dateCode !== undefined && !failedAt(issues, fieldIssues, dateCode) ? (asString(values[dateCode]) ?? '') : '';
  return {
    ok: issues.every((i) => i.severity !== 'error'),
    values,
    issues,
    subject: subjectOf(plan, kind, values),
    docNo: roleValue(plan, 'doc_no', values) ?? '',
    decisionDate,
  };
}
