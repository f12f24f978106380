import { api, buildUrl } from './api-client';
import type { QueryValue } from './api-client';
import type {
  CatalogKind,
  DisclosureDepartment,
  DisclosurePage,
  PortalCatalog,
  RecordPage,
  ReportKind,
  ReportVerification,
  SubjectArchive,
  SubjectSearchResult,
} from './portal.types';

const enc = encodeURIComponent;

/** Subjects whose name contains q (≥ 2 characters), or whose 统一社会信用代码 is q. */
export function searchSubjects(q: string, limit: number, offset: number, signal?: AbortSignal): Promise<SubjectSearchResult> {
  return api.get<SubjectSearchResult>('/subjects', { query: { q, limit, offset }, signal });
}

/** 信用档案: the subject, its first public records and the count per catalogue. */
export function getSubject(code: string): Promise<SubjectArchive> {
  return api.get<SubjectArchive>(`/subjects/${enc(code)}`);
}

/** One catalogue's public records of a subject, a page at a time. */
export function listSubjectRecords(code: string, catalog: string, limit: number, offset: number): Promise<RecordPage> {
  return api.get<RecordPage>(`/subjects/${enc(code)}/records`, { query: { catalog, limit, offset } });
}

export interface DisclosureFilter {
  /** Every catalogue of this kind when no catalogue is chosen (双公示: administrative_act). */
  kind?: CatalogKind;
  catalog?: string;
  department?: string;
  /** YYYY-MM-DD, inclusive (decision date; a list's 列入日期). */
  from?: string;
  to?: string;
}

function filterQuery(filter: DisclosureFilter): Record<string, QueryValue> {
  return { kind: filter.kind, catalog: filter.catalog, department: filter.department, from: filter.from, to: filter.to };
}

export function listDisclosures(filter: DisclosureFilter, limit: number, offset: number): Promise<DisclosurePage> {
  return api.get<DisclosurePage>('/disclosures', { query: { ...filterQuery(filter), limit, offset } });
}

/** The same browse as CSV (a link the browser downloads). */
export function disclosuresCsvUrl(filter: DisclosureFilter): string {
  return buildUrl('/disclosures.csv', filterQuery(filter));
}

export async function listDisclosureDepartments(): Promise<DisclosureDepartment[]> {
  return (await api.get<{ items: DisclosureDepartment[] }>('/disclosures/departments')).items;
}

export interface ReportOptions {
  kind: ReportKind;
  /** 专项 only: YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  /** 专项 only: some of SPECIAL_REPORT_CATEGORIES. */
  categories?: readonly string[];
}

/** Where the browser downloads a new credit report (each request issues a new report number). */
export function reportUrl(code: string, options: ReportOptions, format: 'pdf' | 'json' = 'pdf'): string {
  const special = options.kind === 'special';
  return buildUrl(`/subjects/${enc(code)}/report.${format}`, {
    kind: options.kind,
    from: special ? options.from : undefined,
    to: special ? options.to : undefined,
    categories: special && options.categories?.length ? options.categories.join(',') : undefined,
  });
}

/** The subject's 信用码 (its public page's URL as a QR code). */
export function qrcodeUrl(code: string): string {
  return buildUrl(`/subjects/${enc(code)}/qrcode.svg`);
}

export function verifyReport(reportNo: string): Promise<ReportVerification> {
  return api.get<ReportVerification>(`/reports/${enc(reportNo)}/verify`);
}

/** Every catalogue (the ten administrative acts and 严重失信主体名单) with its Chinese field names (public). */
export async function listPortalCatalogs(): Promise<PortalCatalog[]> {
  return (await api.get<{ catalogs: PortalCatalog[] }>('/catalogs')).catalogs;
}
