import { countDisclosures, listDisclosures, listDisclosuresAfter } from '@pubcredit/db';
import type { Disclosure, DisclosureFilter } from '@pubcredit/db';
import type { CatalogKind, FieldRole } from '@pubcredit/domain';
import { DomainError, TIER_NAMES, isIsoDate, listCatalogs } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { recordFieldText, roleValue } from '../presenters/record-fields';
import { presentRecord } from '../presenters/record.presenter';
import type { DeptNameOf } from '../presenters/record.presenter';
import type { DisclosureList, DisclosureQuery } from '../schemas/disclosure.schema';
import { catalogName, findCatalog } from './catalog.service';
import { departmentDirectory, departmentNames } from './department.service';
import type { ExportFile } from './export/table-export';
import { exportTable } from './export/table-export';
import { beijingToday } from './publicity/today';

/** Totals are counted up to this many matches (the browse shows "more than"). */
export const DISCLOSURE_COUNT_CAP = 1000;
/** A CSV export holds at most this many records: narrow the filters for more. */
export const DISCLOSURE_EXPORT_MAX = 100_000;
const EXPORT_PAGE = 1000;

/** The departments to filter the 双公示 browse by, by name. */
export async function listDisclosureDepartments(ctx: AppContext): Promise<{ items: { uscc: string; name: string }[] }> {
  const { list } = await departmentDirectory(ctx);
  return { items: [...list].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
}

const KIND_NAMES: Record<CatalogKind, string> = { administrative_act: '行政行为信息（双公示、十公示）', list: '名单信息' };

function isCatalogKind(value: string): value is CatalogKind {
  return Object.hasOwn(KIND_NAMES, value);
}

/**
 * The catalogues a browse asks for: those named in `catalog`, else every catalogue of `kind`
 * (the portal's 双公示 page asks for the administrative acts, its list page for the lists), else
 * all (empty). A named catalogue of another kind than `kind` is refused, not silently dropped.
 */
function filterCatalogs(catalog: string | undefined, kind: string | undefined): string[] {
  const asked = catalog ? catalog.split(',').map((c) => c.trim()).filter(Boolean) : [];
  for (const c of asked) {
    if (!findCatalog(c)) {
      const known = listCatalogs().map((k) => k.code).join('、');
      throw new DomainError('INVALID_ARGUMENT', `未知的信息类别：${c}（可选：${known}）`);
    }
  }
  const wanted = kind?.trim();
  if (!wanted) return asked;
  if (!isCatalogKind(wanted)) {
    throw new DomainError('INVALID_ARGUMENT', `参数 kind 应为 administrative_act（${KIND_NAMES.administrative_act}）或 list（${KIND_NAMES.list}），实为“${wanted}”`);
  }
  const ofKind = listCatalogs().filter((c) => c.kind === wanted);
  for (const c of asked) {
    if (!ofKind.some((k) => k.code === c)) throw new DomainError('INVALID_ARGUMENT', `信息类别 ${c}（${catalogName(c)}）不属于${KIND_NAMES[wanted]}`);
  }
  return asked.length > 0 ? asked : ofKind.map((c) => c.code);
}

/** The filter of a browse query, checked; today is Beijing's. */
export function disclosureFilter(ctx: AppContext, q: Omit<DisclosureQuery, 'limit' | 'offset'>): DisclosureFilter {
  const catalogs = filterCatalogs(q.catalog, q.kind);
  for (const [name, value] of [['from', q.from], ['to', q.to]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new DomainError('INVALID_ARGUMENT', `日期 ${name} 应为 YYYY-MM-DD`);
  }
  if (q.from && q.to && q.from > q.to) throw new DomainError('INVALID_ARGUMENT', '起始日期不能晚于截止日期');
  return { today: beijingToday(ctx.now()), catalogs, department: q.department, from: q.from, to: q.to };
}

function presentDisclosure(d: Disclosure, deptName: DeptNameOf): DisclosureList['items'][number] {
  return { ...presentRecord(d, catalogName, deptName), subjectId: d.subjectId, subjectName: d.subjectName };
}

/**
 * 双公示 browse: public records of every subject, newest decision first.
 * @example browseDisclosures(ctx, { catalog: 'administrative_penalty', limit: 20, offset: 0 })
 */
export async function browseDisclosures(ctx: AppContext, query: DisclosureQuery): Promise<DisclosureList> {
  const filter = disclosureFilter(ctx, query);
  const page = { limit: query.limit, offset: query.offset };
  const [rows, total, deptName] = await Promise.all([
    listDisclosures(ctx.db, filter, page),
    countDisclosures(ctx.db, filter, DISCLOSURE_COUNT_CAP + 1),
    departmentNames(ctx),
  ]);
  return {
    items: rows.map((d) => presentDisclosure(d, deptName)),
    total: Math.min(total, DISCLOSURE_COUNT_CAP),
    totalCapped: total > DISCLOSURE_COUNT_CAP,
    limit: query.limit,
    offset: query.offset,
  };
}

/** The CSV's own columns say these; the 详细信息 column leaves them out. */
const DETAIL_SKIPS: ReadonlySet<FieldRole> = new Set<FieldRole>(['subject_name', 'subject_uscc', 'doc_no', 'decision_date']);

const CSV_HEADERS = ['信息类别', '行政相对人名称', '统一社会信用代码', '主体标识', '决定文书号', '决定日期', '报送部门', '报送部门代码', '失信程度', '公示截止日期', '详细信息'];

/**
 * The same columns for the 严重失信主体名单 alone (kind=list), in its own words: a listing is
 * 认定 and 列入, not a 决定 on a 行政相对人.
 */
const LIST_CSV_HEADERS = ['名单类别', '失信主体名称', '统一社会信用代码', '主体标识', '认定决定文书号', '列入日期', '报送部门', '报送部门代码', '失信程度', '公示截止日期', '详细信息'];

/** The export's headers and file names for the browse's kind: the lists' page downloads a file named for them. */
function exportNaming(kind: string | undefined, day: string): { headers: string[]; sheetName: string; fileName: string; asciiName: string } {
  if (kind?.trim() === 'list') {
    return { headers: LIST_CSV_HEADERS, sheetName: '严重失信主体名单', fileName: `严重失信主体名单_${day}.csv`, asciiName: `serious-dishonesty-list_${day}.csv` };
  }
  return { headers: CSV_HEADERS, sheetName: '双公示', fileName: `双公示_${day}.csv`, asciiName: `disclosures_${day}.csv` };
}

/**
 * The 双公示 browse as a CSV file (UTF-8 with BOM, cells guarded against formulas, by the export
 * writer), at most {@link DISCLOSURE_EXPORT_MAX} records, read in keyset pages.
 */
export async function exportDisclosures(ctx: AppContext, query: Omit<DisclosureQuery, 'limit' | 'offset'>): Promise<ExportFile> {
  const filter = disclosureFilter(ctx, query);
  const deptName = await departmentNames(ctx);
  async function* rows(): AsyncGenerator<readonly unknown[]> {
    let after: { decisionDate: string; recordKey: string } | null = null;
    let sent = 0;
    while (sent < DISCLOSURE_EXPORT_MAX) {
      const page: Disclosure[] = await listDisclosuresAfter(ctx.db, filter, after, Math.min(EXPORT_PAGE, DISCLOSURE_EXPORT_MAX - sent));
      for (const d of page) {
        // Masked like every public answer; the detail reads as on the credit report (names, not codes).
        const data = presentRecord(d, catalogName).data;
        yield [
          catalogName(d.catalog),
          d.subjectName,
          roleValue(d.catalog, data, 'subject_uscc'),
          d.subjectId,
          d.docNo,
          d.decisionDate,
          deptName(d.sourceDept) ?? '',
          d.sourceDept,
          d.tier ? TIER_NAMES[d.tier] : '',
          d.maxUntil ?? '',
          recordFieldText(d.catalog, data, DETAIL_SKIPS),
        ];
      }
      sent += page.length;
      const last = page.at(-1);
      if (!last || page.length < EXPORT_PAGE) return;
      after = { decisionDate: last.decisionDate, recordKey: last.recordKey };
    }
  }
  const { headers, sheetName, fileName, asciiName } = exportNaming(query.kind, filter.today);
  return { stream: exportTable({ sheetName, headers, rows: rows() }, 'csv'), fileName, asciiName };
}
