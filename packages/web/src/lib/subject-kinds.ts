import type { SubjectKind } from '../api/portal.types';

/** 主体类别 in Chinese: the portal's and the console's 信用档案 name them alike. */
export const SUBJECT_KIND_NAMES: Readonly<Record<SubjectKind, string>> = {
  legal_person: '法人及非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};

/** The Chinese name of a subject kind; an unknown kind (a newer server) as it came. */
export function subjectKindName(kind: string): string {
  return (SUBJECT_KIND_NAMES as Readonly<Record<string, string>>)[kind] ?? kind;
}
