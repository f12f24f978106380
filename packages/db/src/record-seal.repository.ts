import type { Tx } from './database';

// Record versions stored before the importer masked personal numbers typed into free text
// (违法事实, 备注 …) hold them in clear in `data`. `pubcredit keys reencrypt` finds and seals them.

/** Where a page of records ends: the primary key of its last row. */
export type RecordPosition = readonly [subjectId: string, recordKey: string, version: number];

export interface RecordTextRow {
  subjectId: string;
  recordKey: string;
  version: number;
  catalog: string;
  edition: string;
  data: Record<string, unknown>;
  piiCipher: string | null;
}

/**
 * A run of 11 or more digits (ASCII or full-width, single spaces or hyphens between them) somewhere
 * in the data: what an ID or mobile number needs. A cheap filter; the caller decides what is personal.
 */
const DIGIT_RUN = '[0-9０-９]([ 　-]?[0-9０-９]){10}';

/**
 * The next record versions after `after`, in primary-key order, whose data holds a long digit run,
 * locked for update.
 */
export async function nextRecordsWithDigitRuns(tx: Tx, after: RecordPosition | null, limit: number): Promise<RecordTextRow[]> {
  const { rows } = await tx.query<{
    subject_id: string;
    record_key: string;
    version: number;
    catalog: string;
    edition: string;
    data: Record<string, unknown>;
    pii_cipher: string | null;
  }>(
    `select subject_id, record_key, version, catalog, edition, data, pii_cipher
       from records
      where ($1::uuid is null or (subject_id, record_key, version) > ($1::uuid, $2::text, $3::int))
        and data::text ~ '${DIGIT_RUN}'
      order by subject_id, record_key, version
      limit $4
      for update`,
    [after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
  );
  return rows.map((r) => ({
    subjectId: r.subject_id,
    recordKey: r.record_key,
    version: r.version,
    catalog: r.catalog,
    edition: r.edition,
    data: r.data,
    piiCipher: r.pii_cipher,
  }));
}

export interface SealedRecord {
  subjectId: string;
  recordKey: string;
  version: number;
  dataJson: string;
  piiCipher: string | null;
  contentHash: string;
}

/**
 * Stores sealed record versions (data masked, the given text encrypted, the content hash the importer
 * now computes) and moves the natural key's hash along where the version is the current one, so a
 * re-import of the same file still counts as unchanged.
 */
export async function storeSealedRecords(tx: Tx, rows: readonly SealedRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const params = [
    rows.map((r) => r.subjectId),
    rows.map((r) => r.recordKey),
    rows.map((r) => r.version),
    rows.map((r) => r.dataJson),
    rows.map((r) => r.piiCipher),
    rows.map((r) => r.contentHash),
  ];
  await tx.query(
    `update records r set data = u.data::jsonb, pii_cipher = u.pii_cipher, content_hash = u.content_hash
       from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
            as u(subject_id, record_key, version, data, pii_cipher, content_hash)
      where r.subject_id = u.subject_id and r.record_key = u.record_key and r.version = u.version`,
    params,
  );
  await tx.query(
    `update record_keys k set content_hash = u.content_hash
       from unnest($1::text[], $2::int[], $3::text[]) as u(record_key, version, content_hash)
      where k.record_key = u.record_key and k.version = u.version`,
    [params[1], params[2], params[5]],
  );
}
