/**
 * Pure helpers of 信用档案核查 (unit-tested in archive-format.test.ts): the publicity states in
 * Chinese, the publicity period of a row, and the page's filters in its query string.
 */
import { PUBLIC_STATES } from '../../api/archive.api';
import type { ArchiveRecord, PublicState, VersionState } from '../../api/archive.api';
import type { Subject } from '../../api/portal.types';
import type { Role } from '../../api/types';
import type { Tone } from '../../components/status-tag';

export const STATE_LABELS: Readonly<Record<VersionState, string>> = {
  public: '公示中',
  never_public: '不予公示',
  expired: '已到期',
  repaired: '已修复',
  withdrawn: '已撤销',
  superseded: '已被取代',
};

export const STATE_TONES: Readonly<Record<VersionState, Tone>> = {
  public: 'success',
  never_public: 'neutral',
  expired: 'neutral',
  repaired: 'info',
  withdrawn: 'warning',
  superseded: 'neutral',
};

export function isPublicState(value: unknown): value is PublicState {
  return typeof value === 'string' && (PUBLIC_STATES as readonly string[]).includes(value);
}

/**
 * The state of a record as its tag says it: 不予公示 says why when the reason is the 简易程序
 * (Henan regulation Art.13); an unknown state (a newer server) shows as it came.
 * @example stateLabel({ publicState: 'never_public', simpleProcedure: true }) // '不予公示（简易程序）'
 */
export function stateLabel(record: { publicState: VersionState; simpleProcedure: boolean }): string {
  const label = STATE_LABELS[record.publicState] ?? record.publicState;
  return record.publicState === 'never_public' && record.simpleProcedure ? `${label}（简易程序）` : label;
}

/**
 * 终止公示 is the 信用中心业务员's, on a record that is public now (one that ended keeps its reason
 * and time; one never public has nothing to end). The server decides; this only hides the button.
 */
export function canEndPublicity(role: Role, record: Pick<ArchiveRecord, 'publicState'>): boolean {
  return role === 'credit_officer' && record.publicState === 'public';
}

/** The state filter's options: 全部 and each state, with the viewer's count of it. */
export function stateOptions(counts: Partial<Record<PublicState, number>> | undefined): { value: PublicState | 'all'; label: string }[] {
  const total = PUBLIC_STATES.reduce((sum, s) => sum + (counts?.[s] ?? 0), 0);
  const withCount = (label: string, n: number) => (counts ? `${label}（${n}）` : label);
  return [
    { value: 'all', label: withCount('全部', total) },
    ...PUBLIC_STATES.map((s) => ({ value: s, label: withCount(STATE_LABELS[s], counts?.[s] ?? 0) })),
  ];
}

/**
 * A row's 公示期: to maxUntil (the last public day) and, for 失信信息, when 信用修复 may be asked
 * from (minUntil); '—' for a record without a publicity period (行政许可…).
 */
export function periodLines(record: Pick<ArchiveRecord, 'minUntil' | 'maxUntil'>): string[] {
  const lines: string[] = [];
  if (record.maxUntil) lines.push(`至 ${record.maxUntil}`);
  if (record.minUntil) lines.push(`可申请修复自 ${record.minUntil}`);
  return lines.length ? lines : ['—'];
}

/** 曾用名: the names departments reported other than the current one, each once. */
export function otherNames(subject: Pick<Subject, 'name' | 'formerNames'>): string[] {
  return [...new Set(subject.formerNames.map((f) => f.name))].filter((n) => n !== subject.name);
}

export interface ArchiveParams {
  state?: PublicState;
  catalog?: string;
  page: number;
}

/** The filters from the page's query string; an unknown state or page is dropped. */
export function parseArchiveParams(search: URLSearchParams): ArchiveParams {
  const state = search.get('state');
  const catalog = search.get('catalog')?.trim() || undefined;
  const page = Number(search.get('page'));
  return { state: isPublicState(state) ? state : undefined, catalog, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/** The query string of the filters (empty ones and page 1 left out). */
export function archiveSearch(params: ArchiveParams): string {
  const out = new URLSearchParams();
  if (params.state) out.set('state', params.state);
  if (params.catalog) out.set('catalog', params.catalog);
  if (params.page > 1) out.set('page', String(params.page));
  const qs = out.toString();
  return qs ? `?${qs}` : '';
}
