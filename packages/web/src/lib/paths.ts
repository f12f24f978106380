import type { Section } from './roles';

/** The staff console lives under /console; `/` is the public portal's. */
export const CONSOLE_BASE = '/console';

export const CONSOLE_PATHS = {
  home: CONSOLE_BASE,
  login: `${CONSOLE_BASE}/login`,
  password: `${CONSOLE_BASE}/password`,
  users: `${CONSOLE_BASE}/users`,
  departments: `${CONSOLE_BASE}/departments`,
  apikeys: `${CONSOLE_BASE}/apikeys`,
  upload: `${CONSOLE_BASE}/upload`,
  batches: `${CONSOLE_BASE}/batches`,
  audit: `${CONSOLE_BASE}/audit`,
} as const;

export function sectionPath(section: Section): string {
  return CONSOLE_PATHS[section];
}

export function batchPath(batchId: string): string {
  return `${CONSOLE_PATHS.batches}/${encodeURIComponent(batchId)}`;
}

/**
 * Where to go after login: the page the user was sent away from, if it is a console page, else
 * the first section of the role. Never an outside URL (open redirect).
 */
export function afterLoginPath(from: string | null | undefined, firstSection: Section | undefined): string {
  if (from && from.startsWith(`${CONSOLE_BASE}/`) && !from.startsWith('//') && from !== CONSOLE_PATHS.login) return from;
  return firstSection ? sectionPath(firstSection) : CONSOLE_PATHS.home;
}
