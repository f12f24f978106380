import type { FieldDef } from '../catalog/catalog.types';
import { countChars, isNormalAscii, normalizeCode, normalizeNumber, normalizeText, toHalfWidth } from '../text';
import { fieldLabel, lookupEnum } from './catalog-plan';
import type { CatalogPlan, EnumLookup } from './catalog-plan';
import { orgCodeIssues, usccIssues } from './identifier-checks';
import type { FieldIssue } from './issue';
import { parseDateValue, parseDecimalValue, splitEnumList } from './value-parsers';

/** A normalised value: a string, the codes of an enum_list, or null when empty. */
export type FieldValue = string | string[] | null;

const err = (f: FieldDef, rule: string, message: string): FieldIssue => ({ field: f.code, severity: 'error', rule, message });

function unknownEnum(f: FieldDef, plan: CatalogPlan, bad: readonly string[]): FieldIssue {
  const allowed = plan.enums.get(f.code)?.allowed ?? '';
  return err(f, 'enum.unknown', `${fieldLabel(f)}的值“${bad.join('”“')}”不在允许范围内；允许值（代码或名称）：${allowed}`);
}

/** A date, enum or decimal as typed: half-width, trimmed, upper-case (plain ASCII is returned as is). */
const typedCode = (input: string): string => (isNormalAscii(input) ? input : toHalfWidth(input).trim().toUpperCase());

function checkEnumList(plan: CatalogPlan, f: FieldDef, input: string, issues: FieldIssue[]): FieldValue {
  const parts = splitEnumList(isNormalAscii(input) ? input : toHalfWidth(input).toUpperCase());
  if (parts.length === 0) return null; // only separators: treated as empty
  const lookup = plan.enums.get(f.code);
  const codes: string[] = [];
  const bad: string[] = [];
  for (const p of parts) {
    const value = lookup && lookupEnum(lookup, p);
    if (!value) bad.push(p);
    const code = value?.code ?? p;
    if (!codes.includes(code)) codes.push(code);
  }
  if (bad.length > 0) issues.push(unknownEnum(f, plan, bad));
  return codes;
}

function checkEnum(plan: CatalogPlan, f: FieldDef, input: string, issues: FieldIssue[]): FieldValue {
  const lookup: EnumLookup | undefined = plan.enums.get(f.code);
  const exact = lookup?.exact.get(input); // typed exactly as a code or name: nothing to normalise
  if (exact) return exact.code;
  const typed = toHalfWidth(input).trim().toUpperCase();
  const value = lookup && lookupEnum(lookup, typed);
  if (value) return value.code;
  issues.push(unknownEnum(f, plan, [typed]));
  return typed;
}

/**
 * Normalises one non-empty trimmed value by its field type and reports the checks that need no other field.
 * Text stays exactly as typed (formula-like text such as `=SUM(A1)` is neutralised at export, not here).
 * @example checkField(plan, cfJdrq, '2024/9/30', '2025-01-01', issues) // '2024-09-30'
 */
export function checkField(plan: CatalogPlan, f: FieldDef, input: string, today: string, issues: FieldIssue[]): FieldValue {
  switch (f.type) {
    case 'text': {
      const value = normalizeText(input);
      // A string never has more characters than UTF-16 units: count them only when it might be too long.
      if (f.maxLength !== undefined && value.length > f.maxLength) {
        const length = countChars(value);
        if (length > f.maxLength) issues.push(err(f, 'text.too_long', `${fieldLabel(f)}超过${f.maxLength}个字符（实为${length}个）`));
      }
      return value;
    }
    case 'date': {
      const typed = typedCode(input);
      const date = parseDateValue(typed);
      if (date === null) {
        issues.push(err(f, 'date.invalid', `${fieldLabel(f)}“${typed}”不是有效日期，应为 YYYY-MM-DD、YYYY/MM/DD、YYYY.MM.DD、YYYYMMDD 或 YYYY年M月D日`));
        return typed;
      }
      if (f.notFuture && date > today) issues.push(err(f, 'date.future', `${fieldLabel(f)}“${date}”晚于导入当日 ${today}，${f.name}不能是将来的日期`));
      return date;
    }
    case 'decimal': {
      const typed = isNormalAscii(input) && !input.includes(',') ? input : normalizeNumber(input).toUpperCase();
      const parsed = parseDecimalValue(typed);
      if (parsed.ok) return parsed.value;
      issues.push(
        parsed.reason === 'negative'
          ? err(f, 'decimal.negative', `${fieldLabel(f)}“${typed}”不能为负数`)
          : err(f, 'decimal.invalid', `${fieldLabel(f)}“${typed}”不是数字（金额单位为万元，只填数字，如 0.2）`),
      );
      return typed;
    }
    case 'uscc': {
      const code = normalizeCode(input);
      usccIssues(f, code, issues);
      return code;
    }
    case 'orgcode': {
      const code = normalizeCode(input);
      orgCodeIssues(f, code, issues);
      return code;
    }
    case 'id_number':
      return normalizeCode(input); // checked with its 证件类型 once every field is read
    case 'enum':
      return checkEnum(plan, f, input, issues);
    case 'enum_list':
      return checkEnumList(plan, f, input, issues);
  }
}
