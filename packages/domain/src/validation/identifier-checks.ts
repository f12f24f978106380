import type { EnumValue, FieldDef } from '../catalog/catalog.types';
import { checkOrgCode, checkResidentId, checkUscc } from '../identifiers';
import type { IdIssue } from '../identifiers';
import { countChars } from '../text';
import { fieldLabel } from './catalog-plan';
import type { FieldIssue } from './issue';

// These append to the row's issue list (no per-field arrays on the happy path).

/** Longest accepted number for documents other than the 居民身份证 (passports, 通行证…) [U]. */
export const OTHER_ID_MAX_LENGTH = 32;
const LOOKS_LIKE_RESIDENT_ID = /^\d{17}[\dX]$/;

/** How Excel shows a long number it holds as a number (General format): 4.10402E+17. */
const EXCEL_SCIENTIFIC = /^\d(\.\d+)?E\+\d{1,3}$/;

/**
 * A code or ID number that Excel turned into a number: shown as 4.10402E+17, only 15 significant
 * digits kept. Its check-digit or format error would mislead; this says what happened. True when reported.
 * @example excelNumberIssue(field, '4.10402E+17', out) // true
 */
function excelNumberIssue(f: FieldDef, value: string, out: FieldIssue[]): boolean {
  if (!EXCEL_SCIENTIFIC.test(value)) return false;
  out.push({
    field: f.code,
    severity: 'error',
    rule: 'excel.number',
    message:
      `${fieldLabel(f)}“${value}”是被 Excel 当作数字保存的号码（科学计数法），15 位以后的数字已丢失：` +
      '请在原始数据中将该列设为“文本”格式后重新填写完整号码',
  });
  return true;
}

const toFieldIssue = (f: FieldDef, i: IdIssue, severity = i.severity): FieldIssue => ({
  field: f.code,
  severity,
  rule: i.rule,
  message: `${fieldLabel(f)}：${i.message}`,
});

/**
 * Checks a normalised 统一社会信用代码 (GB 32100) into `out`; pilot-era codes (regulations §1.5) only warn.
 * @example usccIssues(field, '91350211M0000XUF46', out); out[0]?.severity // 'warning'
 */
export function usccIssues(f: FieldDef, code: string, out: FieldIssue[]): void {
  if (excelNumberIssue(f, code, out)) return;
  const result = checkUscc(code);
  for (const i of result.issues) out.push(toFieldIssue(f, i, result.pilot ? 'warning' : i.severity));
}

/**
 * Checks a normalised 组织机构代码 (GB 11714) into `out`.
 * @example orgCodeIssues(field, 'MA2PBM9H-X', out) // out unchanged
 */
export function orgCodeIssues(f: FieldDef, code: string, out: FieldIssue[]): void {
  if (excelNumberIssue(f, code, out)) return;
  for (const i of checkOrgCode(code).issues) out.push(toFieldIssue(f, i));
}

/** Context of an 证件号码 check: the paired 证件类型 and whether the row requires it. */
export interface IdNumberContext {
  typeField: FieldDef | undefined;
  /** The resolved 证件类型 value; undefined when empty; null when filled but unknown. */
  type: EnumValue | undefined | null;
  /** Read only when `type` is undefined. */
  typeRequired: boolean;
  today: string;
}

/**
 * Checks an 证件号码 by its 证件类型 into `out`: GB 11643 for 身份证, else non-empty and ≤ 32 characters.
 * @example idNumberIssues(field, '410402199001011230', { type: idCard, … }, out) // out unchanged
 */
export function idNumberIssues(f: FieldDef, id: string, ctx: IdNumberContext, out: FieldIssue[]): void {
  if (ctx.type === null) return; // the unknown 证件类型 is already an error; nothing to check against
  if (excelNumberIssue(f, id, out)) return;
  // Older templates had only 法定代表人身份证号 (XK_FR_SFZH) and no type column: an 18-character
  // number shaped like a 居民身份证号码 is checked as one.
  const residentId = ctx.type ? ctx.type.residentId === true : LOOKS_LIKE_RESIDENT_ID.test(id);
  if (residentId) {
    for (const i of checkResidentId(id, { onDate: ctx.today }).issues) out.push(toFieldIssue(f, i));
    return;
  }
  if (id.length > OTHER_ID_MAX_LENGTH && countChars(id) > OTHER_ID_MAX_LENGTH) {
    out.push({ field: f.code, severity: 'error', rule: 'id.too_long', message: `${fieldLabel(f)}超过${OTHER_ID_MAX_LENGTH}个字符` });
  }
  if (ctx.type === undefined && !ctx.typeRequired && ctx.typeField) {
    out.push({
      field: f.code,
      severity: 'warning',
      rule: 'id.type_missing',
      message: `${fieldLabel(f)}已填写，但未填写${fieldLabel(ctx.typeField)}，无法按证件类型校验`,
    });
  }
}
