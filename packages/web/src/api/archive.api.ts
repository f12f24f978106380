/**
 * 信用档案核查 (staff): every current record of a subject, public or not, with its publicity state;
 * a record's versions; ending a record's publicity. Mirrors the server's archive and record schemas
 * (packages/server/src/schemas; OpenAPI at /docs). Each read is audited as a read of non-public data.
 */
import { api } from './api-client';
import type { PublicRecord, Subject } from './portal.types';

/** Where a record stands towards the public: shown, never shown, or no longer shown (and why). */
export const PUBLIC_STATES = ['public', 'never_public', 'expired', 'repaired', 'withdrawn'] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

export type PublicityEndReason = 'expired' | 'repaired' | 'withdrawn';

/** The publicity fields the staff see on a record (and on each of its versions). */
export interface PublicityStatus {
  publicState: PublicState;
  publicityEndReason: PublicityEndReason | null;
  publicityEndedAt: string | null;
  /** Never published (Henan regulation Art.13: 简易程序 penalties of natural persons). */
  neverPublic: boolean;
  simpleProcedure: boolean;
}

export type ArchiveRecord = PublicRecord & PublicityStatus;

export interface StaffArchive {
  subject: Subject;
  records: ArchiveRecord[];
  /** Records matching the filter. */
  total: number;
  /** Records of the subject per state, every catalogue, as this viewer sees them. */
  states: Record<PublicState, number>;
}

export interface ArchiveFilter {
  catalog?: string;
  state?: PublicState;
}

/** A subject's records as the staff member may see them (a department's staff: their own department's). */
export function getStaffArchive(code: string, filter: ArchiveFilter, limit: number, offset: number): Promise<StaffArchive> {
  return api.get<StaffArchive>(`/archive/subjects/${encodeURIComponent(code)}`, {
    query: { catalog: filter.catalog, state: filter.state, limit, offset },
  });
}

/** The subjectId of the natural person with this 居民身份证号码 (sent in the body, never in a URL). */
export async function lookupSubjectByIdNumber(idNumber: string): Promise<string> {
  return (await api.post<{ subjectId: string }>('/archive/subjects/lookup', { idNumber })).subjectId;
}

/** A version's state: an older version is 'superseded' (已被取代), whatever its record's state. */
export type VersionState = PublicState | 'superseded';

export type RecordVersion = Omit<ArchiveRecord, 'publicState'> & { publicState: VersionState; supersededAt: string | null };

export interface RecordVersions {
  recordKey: string;
  versions: RecordVersion[];
}

/** Every version of a record, the superseded ones too. */
export function listRecordVersions(recordKey: string): Promise<RecordVersions> {
  return api.get<RecordVersions>(`/records/${encodeURIComponent(recordKey)}/versions`);
}

export interface PublicityEndInput {
  reason: 'repaired' | 'withdrawn';
  /** 依据, 1–500 characters. */
  note: string;
}

export interface PublicityEnd {
  recordKey: string;
  publicityEndReason: PublicityEndReason;
  publicityEndedAt: string;
}

/** 终止公示 (信用中心业务员): the record stays, staff still see it; the public no longer does. */
export function endPublicity(recordKey: string, input: PublicityEndInput): Promise<PublicityEnd> {
  return api.post<PublicityEnd>(`/records/${encodeURIComponent(recordKey)}/publicity/end`, input);
}
