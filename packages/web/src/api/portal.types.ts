/**
 * Shapes of the public portal's /api/v1 bodies (issue #4), mirroring the server's schemas
 * (packages/server/src/schemas/subject.schema.ts and the report/disclosure schemas; OpenAPI at /docs).
 */

export type SubjectKind = 'legal_person' | 'individual_business' | 'natural_person';
export type PublicityTier = 'minor' | 'general' | 'serious';

/** One occurrence of the query in a name: UTF-16 indexes, end exclusive. */
export interface Highlight {
  start: number;
  end: number;
}

export interface SubjectSearchItem {
  subjectId: string;
  uscc: string | null;
  name: string;
  kind: SubjectKind;
  highlights: Highlight[];
}

export interface SubjectSearchResult {
  items: SubjectSearchItem[];
  /** Matches, at most 1000. */
  total: number;
  /** More than 1000 matched: a longer fragment narrows it. */
  totalCapped: boolean;
  limit: number;
  offset: number;
}

export interface FormerName {
  name: string;
  sourceDept: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface Subject {
  subjectId: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  /** 脱敏证件号码 (natural persons); never the full number. */
  idMasked: string | null;
  nameConflict: boolean;
  formerNames: FormerName[];
}

/** A public record (RecordSchema + the publicity fields, null on non-negative records). */
export interface PublicRecord {
  catalog: string;
  catalogName: string;
  recordKey: string;
  version: number;
  sourceDept: string;
  sourceDeptName?: string | null;
  docNo: string;
  decisionDate: string;
  receivedAt: string;
  reportWorkingDays: number | null;
  data: Record<string, unknown>;
  regime?: string | null;
  regimeName?: string | null;
  tier?: PublicityTier | null;
  minUntil?: string | null;
  maxUntil?: string | null;
}

export interface SubjectArchive {
  subject: Subject;
  records: PublicRecord[];
  total: number;
  /** Public records per catalogue code. */
  counts?: Record<string, number>;
}

export interface RecordPage {
  records: PublicRecord[];
  total: number;
}

export interface Disclosure extends PublicRecord {
  subjectId: string;
  subjectName: string;
}

export interface DisclosurePage {
  items: Disclosure[];
  /** Matches, counted to 1000 at most. */
  total: number;
  /** More than 1000 matched: narrow the filters or export the CSV. */
  totalCapped?: boolean;
  limit: number;
  offset: number;
}

export interface DisclosureDepartment {
  uscc: string;
  name: string;
}

export type ReportKind = 'standard' | 'special';

/** The categories a 专项信用报告 may choose. */
export const SPECIAL_REPORT_CATEGORIES = ['administrative_penalty', 'administrative_coercion', 'serious_dishonesty_list'] as const;
export type SpecialReportCategory = (typeof SPECIAL_REPORT_CATEGORIES)[number];

/** GET /reports/{reportNo}/verify. */
export interface ReportVerification {
  reportNo: string;
  found: boolean;
  authentic: boolean;
  changed: boolean;
  issuedAt: string | null;
  asOf: string | null;
  subjectName: string | null;
  kind: ReportKind | null;
  message: string;
}

/** administrative_act: 行政行为信息 (双公示, 十公示); list: a list a subject is entered on (严重失信主体名单). */
export type CatalogKind = 'administrative_act' | 'list';

/** A catalogue as the portal reads it (GET /catalogs): tab names and field names for records. */
export interface PortalCatalog {
  code: string;
  name: string;
  kind?: CatalogKind;
  fields: {
    code: string;
    name: string;
    type: string;
    /** decision_date (a list's 列入日期), doc_no, list_name …; null when the field plays none. */
    role?: string | null;
    enumValues?: { code: string; name: string }[];
  }[];
}
