/** 相对人类别 as the platform resolves it. */
export type SubjectKind = 'legal_person' | 'individual_business' | 'natural_person';

/** How a field's value is parsed and validated. */
export type FieldType =
  | 'text'
  | 'date' // YYYY-MM-DD after normalisation (accepts YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日)
  | 'decimal' // non-negative number, e.g. 万元 amounts
  | 'uscc' // GB 32100 统一社会信用代码
  | 'orgcode' // GB 11714 组织机构代码
  | 'id_number' // 证件号码; GB 11643 when the paired 证件类型 is 身份证
  | 'enum'
  | 'enum_list'; // several enum values separated by ; ； 、 , ，

/** One allowed value of an enum field: the national code, its Chinese name, and accepted spellings. */
export interface EnumValue {
  code: string;
  name: string;
  aliases?: readonly string[];
  /** On 相对人类别 values: the subject kind the value resolves to. */
  subjectKind?: SubjectKind;
  /** On 证件类型 values: the paired 证件号码 is a 居民身份证号码 checked against GB 11643. */
  residentId?: boolean;
}

/** When a field must be present. */
export type RequiredRule =
  | 'always'
  | 'never'
  /** required when 相对人类别 resolves to one of these kinds */
  | { readonly whenSubjectKind: readonly SubjectKind[] }
  /** required when another (enum_list) field contains one of these codes, e.g. 罚款金额 when 处罚类别 has 罚款 */
  | { readonly whenFieldHas: { readonly field: string; readonly codes: readonly string[] } };

/** The part a field plays in resolving the record; the validator and the importer read these. */
export type FieldRole =
  | 'subject_name'
  | 'subject_kind'
  | 'subject_uscc'
  | 'subject_id_type'
  | 'subject_id_number'
  | 'legal_rep_id_type'
  | 'legal_rep_id_number'
  | 'doc_no'
  | 'decision_date'
  | 'authority_uscc'
  | 'source_uscc'
  /** The name of the list a subject is entered on (e.g. 严重违法失信名单): shown by the portal's list browse. */
  | 'list_name';

export interface FieldDef {
  /** National field code, e.g. `CF_WSH`. Headers match it or the Chinese name. */
  readonly code: string;
  /** Chinese field name, e.g. `行政处罚决定书文号`. */
  readonly name: string;
  /** Other accepted header spellings (older codes such as `XK_FR_SFZH`). */
  readonly aliases?: readonly string[];
  readonly type: FieldType;
  readonly required: RequiredRule;
  readonly maxLength?: number;
  readonly enumValues?: readonly EnumValue[];
  /** A date that may not lie after the day of import (decision dates). */
  readonly notFuture?: boolean;
  /** Personal data: encrypted at rest and masked in every output. */
  readonly personal?: boolean;
  readonly role?: FieldRole;
  /** A local extension, not in the national template (e.g. 平顶山's 处罚程序): left out of stored data when empty. */
  readonly localExtension?: boolean;
  /** Where the rule comes from (standard, law, or [U] hypothesis). */
  readonly source?: string;
}

/**
 * What a catalogue records: an administrative act of the 2021 目录 item 3 (行政许可, 行政处罚 … the
 * 双公示 / 十公示 records, decided and published by the acting department) or a list a subject is
 * entered on (严重失信主体名单: 列入, 有效期, 移出), an item of its own of the 目录 (regulations §4.1).
 */
export type CatalogKind = 'administrative_act' | 'list';

/** A catalogue entry (信用信息目录 item) in one edition, effective from a date. */
export interface CatalogDef {
  /** e.g. `administrative_penalty` */
  readonly code: string;
  /** `administrative_act` unless the file says `"kind": "list"`. */
  readonly kind: CatalogKind;
  /** e.g. `行政处罚` */
  readonly name: string;
  /** Edition label, e.g. `2021` */
  readonly edition: string;
  /** First day this edition applies, YYYY-MM-DD. */
  readonly effectiveFrom: string;
  readonly source: string;
  readonly fields: readonly FieldDef[];
  /** Checks across fields, e.g. 有效期自 ≤ 有效期至. */
  readonly checks?: readonly CrossFieldCheck[];
}

/** Two date fields that must be in order when both are filled: `earlier` ≤ `later`. */
export interface DateOrderCheck {
  readonly kind: 'date_order';
  readonly earlier: string;
  readonly later: string;
  /** `error` rejects the row, `warning` keeps it. */
  readonly severity: 'error' | 'warning';
  readonly source?: string;
}

/** A rule across several fields of one row. */
export type CrossFieldCheck = DateOrderCheck;
