import { api, buildUrl } from './api-client';

/** One entry of the audit trail: who did what, when, for what purpose, from where, with what outcome. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target?: string | null;
  purpose?: string | null;
  client?: string | null;
  outcome: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  total?: number;
}

export function searchAudit(query: AuditQuery): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { query: { ...query } });
}

/** Where the browser downloads the same search as CSV (the session cookie authorises it). */
export function auditExportUrl(query: Omit<AuditQuery, 'limit' | 'offset'>): string {
  return buildUrl('/audit/export.csv', { ...query });
}
