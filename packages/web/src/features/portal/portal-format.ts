/**
 * Pure helpers of the public portal (unit-tested in portal-format.test.ts): highlight splitting,
 * publicity wording, record fields by Chinese name, and the query strings of the portal's pages.
 */
import { maskIdNumbersInText } from '@pubcredit/domain/mask';
import { beijingDateTime as beijingTime } from '@pubcredit/domain/time';
import type { Highlight, PortalCatalog, PublicRecord, PublicityTier, ReportVerification } from '../../api/portal.types';

export interface Segment {
  text: string;
  /** Part of a match: rendered in <mark>. */
  mark: boolean;
}

/**
 * The name cut into plain and matched parts. Highlights may come unsorted, overlapping or out of
 * range (a name changed since it was indexed): they are clamped and merged, never trusted blindly.
 */
export function splitHighlights(text: string, highlights: readonly Highlight[]): Segment[] {
  const ranges = highlights
    .map((h) => ({ start: Math.max(0, Math.min(text.length, h.start)), end: Math.max(0, Math.min(text.length, h.end)) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) segments.push({ text: text.slice(at, r.start), mark: false });
    segments.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

export const TIER_NAMES: Record<PublicityTier, string> = { minor: '轻微', general: '一般', serious: '严重' };

export { SUBJECT_KIND_NAMES } from '../../lib/subject-kinds';

export interface PublicityText {
  tier: string | null;
  /** 公示期至 YYYY-MM-DD (the last public day), or {@link STANDING_PUBLICITY}. */
  until: string;
  /** 可申请信用修复自 YYYY-MM-DD. */
  repairFrom: string | null;
}

/** What the portal and the credit report say of a record that is not 失信信息 (行政许可, 行政奖励…). */
export const STANDING_PUBLICITY = '公示期：长期公示（非失信信息，不设公示期限）';

/**
 * The publicity period of a record in words: a negative record's end, repair date and tier; for
 * the others, that they stay public ({@link STANDING_PUBLICITY}).
 */
export function publicityText(record: Pick<PublicRecord, 'tier' | 'minUntil' | 'maxUntil'>): PublicityText {
  return {
    tier: record.tier ? (TIER_NAMES[record.tier] ?? record.tier) : null,
    until: record.maxUntil ? `公示期至 ${record.maxUntil}` : STANDING_PUBLICITY,
    repairFrom: record.minUntil ? `可申请信用修复自 ${record.minUntil}` : null,
  };
}

/**
 * Every ID number in the text masked (first 4 and last 4 digits stay; 3 when 15 long). The server
 * masks them already; the portal masks again whatever still looks like one (defence in depth), with
 * the same rules (domain `maskIdNumbersInText`).
 */
export const maskIdNumbers = (text: string): string => maskIdNumbersInText(text);

export interface FieldRow {
  label: string;
  value: string;
}

/** A catalogue field as the portal needs it (GET /catalogs); enum codes are shown by their names. */
export interface FieldInfo {
  code: string;
  name: string;
  type?: string;
  enumValues?: readonly { code: string; name: string }[];
}

function valueText(value: unknown, field?: FieldInfo): string {
  if (value === null || value === undefined) return '';
  const named = (v: unknown) => {
    const text = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    return field?.enumValues?.find((e) => e.code === text)?.name ?? text;
  };
  if (Array.isArray(value)) return value.map(named).join('、');
  return named(value);
}

/**
 * A record's data as rows by the catalogue's Chinese field names, in the catalogue's order (unknown
 * fields after, by code), enum codes by their names; empty values are left out.
 */
export function recordFields(data: Record<string, unknown>, fields: readonly FieldInfo[] | undefined): FieldRow[] {
  const rows: FieldRow[] = [];
  const seen = new Set<string>();
  for (const field of fields ?? []) {
    seen.add(field.code);
    const value = valueText(data[field.code], field).trim();
    if (value) rows.push({ label: field.name, value: maskIdNumbers(value) });
  }
  for (const [code, raw] of Object.entries(data)) {
    if (seen.has(code)) continue;
    const value = valueText(raw).trim();
    if (value) rows.push({ label: code, value: maskIdNumbers(value) });
  }
  return rows;
}

/**
 * The catalogue's own name of the field with that role, else `fallback`: a record's date is its
 * 处罚决定日期 or, on a list, its 列入日期 (a listing is not a 决定).
 * @example roleFieldName(listCatalog, 'decision_date', '决定日期') // '列入日期'
 */
export function roleFieldName(catalog: Pick<PortalCatalog, 'fields'> | undefined, role: string, fallback: string): string {
  return catalog?.fields.find((f) => f.role === role)?.name ?? fallback;
}

/** The catalogues that are lists (严重失信主体名单) and hold records of the subject, with their counts. */
export function listings(catalogs: readonly PortalCatalog[], counts: Readonly<Record<string, number>> | undefined): { catalog: PortalCatalog; count: number }[] {
  return catalogs.filter((c) => c.kind === 'list' && (counts?.[c.code] ?? 0) > 0).map((c) => ({ catalog: c, count: counts?.[c.code] ?? 0 }));
}

/**
 * One name for a field of several catalogues (a column, a filter): the generic name for the
 * administrative acts (决定日期, 决定文书号), a list's own (列入日期, 认定决定文书号); different
 * names joined by「/」.
 * @example sharedFieldName([penalty, list], 'decision_date', '决定日期') // '决定日期/列入日期'
 */
export function sharedFieldName(catalogs: readonly Pick<PortalCatalog, 'kind' | 'fields'>[], role: string, generic: string): string {
  const names = new Set(catalogs.map((c) => (c.kind === 'list' ? roleFieldName(c, role, generic) : generic)));
  return names.size === 0 ? generic : [...names].join('/');
}

/** A positive page number from a query string value, 1 otherwise. */
export function pageParam(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** /search?q=…&page=… (page left out when 1). */
export function searchHref(q: string, page = 1): string {
  const params = new URLSearchParams({ q: q.trim() });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/**
 * The query is exactly this 统一社会信用代码, however typed (lower case, full width, spaces around):
 * the search then opens its 信用档案 directly.
 * @example isExactCode('９１４１０４０２ｍａａ０ｍ６ｄ７１７', '91410402MAA0M6D717') // true
 */
export function isExactCode(q: string, uscc: string | null | undefined): boolean {
  return !!uscc && q.normalize('NFKC').trim().toUpperCase() === uscc;
}

/** A failure worth trying again (server busy or down, rate limit, network), not a refused query. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The search tells a 统一社会信用代码 from a name fragment; ≥ 2 characters either way. */
export function searchProblem(q: string): string | null {
  const text = q.trim();
  if (!text) return '请输入企业名称或统一社会信用代码';
  if ([...text].length < 2) return '请至少输入 2 个字';
  return null;
}

export interface DisclosureParams {
  catalog?: string;
  department?: string;
  from?: string;
  to?: string;
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The 双公示 filters from the page's query string; malformed dates are dropped. */
export function parseDisclosureParams(search: URLSearchParams): DisclosureParams {
  const text = (key: string) => search.get(key)?.trim() || undefined;
  const date = (key: string) => {
    const v = text(key);
    return v && DATE.test(v) ? v : undefined;
  };
  return { catalog: text('catalog'), department: text('department'), from: date('from'), to: date('to'), page: pageParam(search.get('page')) };
}

/** The page's query string for the filters (empty ones and page 1 left out). */
export function disclosureSearch(params: DisclosureParams): string {
  const out = new URLSearchParams();
  for (const key of ['catalog', 'department', 'from', 'to'] as const) {
    const v = params[key];
    if (v) out.set(key, v);
  }
  if (params.page > 1) out.set('page', String(params.page));
  const qs = out.toString();
  return qs ? `?${qs}` : '';
}

/**
 * 'YYYY-MM-DD HH:mm:ss（北京时间）', as printed on the credit report, whatever the browser's time
 * zone: a bank officer compares the two, and 09:06 against a report's 17:06 looks like a forgery.
 */
export function beijingDateTime(iso: string | null | undefined): string {
  return iso ? beijingTime(iso) : '—';
}

export type VerifyOutcome = 'authentic' | 'changed' | 'forged' | 'not_found';

/** What a report verification means for the person holding the report. */
export function verifyOutcome(v: Pick<ReportVerification, 'found' | 'authentic' | 'changed'>): VerifyOutcome {
  if (!v.found) return 'not_found';
  if (!v.authentic) return 'forged';
  return v.changed ? 'changed' : 'authentic';
}

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 first), else the fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}
