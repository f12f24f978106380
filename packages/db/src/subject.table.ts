export type SubjectKindValue = 'legal_person' | 'individual_business' | 'natural_person';

export interface SubjectRow {
  subject_id: string;
  kind: SubjectKindValue;
  uscc: string | null;
  id_type: string | null;
  id_hash: string | null;
  id_cipher: string | null;
  id_masked: string | null;
  name: string;
  name_conflict: boolean;
  created_at: Date;
  updated_at: Date;
}

/** 信用主体: a legal person, individual business or natural person with a credit archive. */
export interface Subject {
  subjectId: string;
  kind: SubjectKindValue;
  /** 统一社会信用代码 */
  uscc: string | null;
  idType: string | null;
  /** Keyed hash of the ID number, for look-ups. */
  idHash: string | null;
  /** Encrypted ID number: never log or present it. */
  idCipher: string | null;
  /** e.g. 4104**********1234, the only form of the ID number a page may show. */
  idMasked: string | null;
  name: string;
  /** 重码: one USCC reported under different names by different sources. */
  nameConflict: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const SUBJECT_COLUMNS =
  'subject_id, kind, uscc, id_type, id_hash, id_cipher, id_masked, name, name_conflict, created_at, updated_at';

export function toSubject(row: SubjectRow): Subject {
  return {
    subjectId: row.subject_id,
    kind: row.kind,
    uscc: row.uscc,
    idType: row.id_type,
    idHash: row.id_hash,
    idCipher: row.id_cipher,
    idMasked: row.id_masked,
    name: row.name,
    nameConflict: row.name_conflict,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface SubjectNameRow {
  subject_id: string;
  name: string;
  source_dept: string;
  first_seen_at: Date;
  last_seen_at: Date;
}

/** 曾用名: a name a source department reported for the subject, and when. */
export interface SubjectName {
  subjectId: string;
  name: string;
  sourceDept: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export function toSubjectName(row: SubjectNameRow): SubjectName {
  return {
    subjectId: row.subject_id,
    name: row.name,
    sourceDept: row.source_dept,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}
