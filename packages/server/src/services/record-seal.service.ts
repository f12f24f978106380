import { nextRecordsWithDigitRuns, storeSealedRecords } from '@pubcredit/db';
import type { RecordPosition, RecordTextRow, SealedRecord } from '@pubcredit/db';
import { listCatalogEditions } from '@pubcredit/domain';
import type { CatalogDef } from '@pubcredit/domain';
import type { AppContext } from '../context';
import type { DataKeys } from '../crypto/data-keys';
import { freeTextFields, sealFreeText } from './import/free-text';

/**
 * A record version stored before the importer sealed free text, sealed as the importer does now:
 * the personal numbers in its free-text fields masked, the given texts added to the encrypted
 * personal fields, and the content hash the importer would compute for the same row (so that a
 * re-import still counts as unchanged). Null when there is nothing to seal.
 */
export function sealRecord(row: RecordTextRow, catalog: CatalogDef, keys: Pick<DataKeys, 'encrypt' | 'decrypt' | 'fingerprint'>): SealedRecord | null {
  // The importer's JSON: catalogue order (keys it does not know after them, so nothing is lost).
  const values: Record<string, unknown> = {};
  for (const f of catalog.fields) if (f.code in row.data) values[f.code] = row.data[f.code];
  for (const [code, value] of Object.entries(row.data)) if (!(code in values)) values[code] = value;
  const freePlain: Record<string, string> = {};
  sealFreeText(freeTextFields(catalog), values, freePlain);
  if (Object.keys(freePlain).length === 0) return null;
  const given = row.piiCipher ? (JSON.parse(keys.decrypt(row.piiCipher)) as Record<string, string>) : {};
  // The importer's order of the given values: personal fields, then free text, each in catalogue order.
  const plain: Record<string, string> = {};
  for (const f of catalog.fields) {
    const v = given[f.code];
    if (f.personal && typeof v === 'string') plain[f.code] = v;
  }
  Object.assign(plain, freePlain);
  const dataJson = JSON.stringify(values);
  const plainJson = JSON.stringify(plain);
  return {
    subjectId: row.subjectId,
    recordKey: row.recordKey,
    version: row.version,
    dataJson,
    piiCipher: keys.encrypt(plainJson),
    contentHash: keys.fingerprint(`${dataJson}\u0000${plainJson}`),
  };
}

export interface RecordSealOptions {
  batchSize?: number;
  onProgress?: (table: string, column: string, done: number) => void;
}

/**
 * Seals every record version (current and superseded) still holding an ID or mobile number in
 * clear in a free-text field, page by page in key order; idempotent. Returns how many it sealed.
 */
export async function sealLegacyRecords(ctx: Pick<AppContext, 'db' | 'keys'>, opts: RecordSealOptions = {}): Promise<number> {
  const editions = new Map<string, CatalogDef | undefined>();
  const catalogOf = (code: string, edition: string): CatalogDef | undefined => {
    const id = `${code}\u0000${edition}`;
    if (!editions.has(id)) editions.set(id, listCatalogEditions(code).find((c) => c.edition === edition));
    return editions.get(id);
  };
  let after: RecordPosition | null = null;
  let done = 0;
  for (;;) {
    const page: { scanned: number; sealed: number } = await ctx.db.transaction(async (tx) => {
      const rows = await nextRecordsWithDigitRuns(tx, after, opts.batchSize ?? 1000);
      const sealed = rows.flatMap((r) => {
        // An edition the registry no longer knows: its fields cannot be told apart; left as it is.
        const catalog = catalogOf(r.catalog, r.edition);
        const s = catalog ? sealRecord(r, catalog, ctx.keys) : null;
        return s ? [s] : [];
      });
      await storeSealedRecords(tx, sealed);
      const last = rows[rows.length - 1];
      if (last) after = [last.subjectId, last.recordKey, last.version];
      return { scanned: rows.length, sealed: sealed.length };
    });
    if (page.scanned === 0) return done;
    done += page.sealed;
    if (page.sealed > 0) opts.onProgress?.('records', 'data', done);
  }
}
