import type { Role } from '../api/types';
import { SECTIONS, canAccess, sectionsFor } from './roles';
import type { Section } from './roles';

/** The staff console lives under /console; `/` is the public portal's. */
export const CONSOLE_BASE = '/console';

export const CONSOLE_PATHS = {
  home: CONSOLE_BASE,
  login: `${CONSOLE_BASE}/login`,
  password: `${CONSOLE_BASE}/password`,
  totp: `${CONSOLE_BASE}/totp`,
  users: `${CONSOLE_BASE}/users`,
  departments: `${CONSOLE_BASE}/departments`,
  apikeys: `${CONSOLE_BASE}/apikeys`,
  upload: `${CONSOLE_BASE}/upload`,
  batches: `${CONSOLE_BASE}/batches`,
  archive: `${CONSOLE_BASE}/archive`,
  audit: `${CONSOLE_BASE}/audit`,
} as const;

export function sectionPath(section: Section): string {
  return CONSOLE_PATHS[section];
}

export function batchPath(batchId: string): string {
  return `${CONSOLE_PATHS.batches}/${encodeURIComponent(batchId)}`;
}

/**
 * 信用档案核查 of a subject, by 统一社会信用代码 or subjectId: never an ID number (a natural person is
 * found through the lookup, which answers the subjectId).
 */
export function archivePath(code: string): string {
  return `${CONSOLE_PATHS.archive}/${encodeURIComponent(code)}`;
}

/** The section a console path belongs to (its page or a sub-page), if any. */
export function sectionOfPath(path: string): Section | undefined {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return SECTIONS.find((s) => pathname === CONSOLE_PATHS[s] || pathname.startsWith(`${CONSOLE_PATHS[s]}/`));
}

/**
 * Where to go after login: the page the user was sent away from, when it is a console section the
 * role may use (the previous user of the browser may have had another role), else the role's first
 * section. Never an outside URL (open redirect).
 */
export function afterLoginPath(from: string | null | undefined, role: Role): string {
  const first = sectionsFor(role)[0];
  const fallback = first ? sectionPath(first) : CONSOLE_PATHS.home;
  if (!from || !from.startsWith(`${CONSOLE_BASE}/`)) return fallback;
  const section = sectionOfPath(from);
  return section && canAccess(role, section) ? from : fallback;
}

/** The public portal's pages (issue #4). */
export const PORTAL_PATHS = {
  home: '/',
  search: '/search',
  disclosures: '/disclosures',
  /** 严重失信主体名单: the lists' browse (not 双公示, which is the administrative acts'). */
  dishonestyList: '/serious-dishonesty-list',
} as const;

/** 信用档案 of a subject, by 统一社会信用代码 or subjectId (never an ID number). */
export function subjectPath(code: string): string {
  return `/subjects/${encodeURIComponent(code)}`;
}

/** The printable 信用码 card of a subject. */
export function subjectCardPath(code: string): string {
  return `${subjectPath(code)}/card`;
}

/** Where a report's QR code leads. */
export function verifyPath(reportNo: string): string {
  return `/verify/${encodeURIComponent(reportNo)}`;
}
