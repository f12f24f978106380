import {
  CIPHER_COLUMNS,
  countCiphersByKey,
  countUnsealedQuarantine,
  nextCiphersNotUnder,
  nextUnsealedQuarantine,
  sealQuarantineRows,
  updateCiphers,
} from '@pubcredit/db';
import type { CipherColumn } from '@pubcredit/db';
import { listCatalogEditions } from '@pubcredit/domain';
import type { AppContext } from '../context';
import { MasterKeyError } from '../crypto/master-key';
import { findCatalog } from './catalog.service';
import { personalHeaderTest, sealRow } from './quarantine-seal.service';
import { sealLegacyRecords } from './record-seal.service';

/** Rows re-encrypted per transaction: small enough to keep locks short, large enough to be quick. */
export const REENCRYPT_BATCH = 1000;

export interface ColumnUsage {
  table: string;
  column: string;
  /** Cipher texts per key id (the root's `v1:` ones counted under the root). */
  byKey: Record<string, number>;
}

export interface CipherUsage {
  rootKeyId: string;
  currentKeyId: string;
  keyIds: readonly string[];
  columns: ColumnUsage[];
  /** Quarantined rows stored before personal cells were sealed (in clear). */
  unsealedQuarantine: number;
}

/** Which key made how many cipher texts of each encrypted column (`pubcredit keys status`). */
export async function cipherUsage(ctx: Pick<AppContext, 'db' | 'keys'>): Promise<CipherUsage> {
  const rootKeyId = ctx.keys.keyIds[0] ?? '';
  const columns: ColumnUsage[] = [];
  for (const col of CIPHER_COLUMNS) {
    const counts = await countCiphersByKey(ctx.db, col);
    const byKey: Record<string, number> = {};
    for (const [id, n] of Object.entries(counts)) {
      const keyId = id === 'v1' ? rootKeyId : id;
      byKey[keyId] = (byKey[keyId] ?? 0) + n;
    }
    columns.push({ table: col.table, column: col.column, byKey });
  }
  return {
    rootKeyId,
    currentKeyId: ctx.keys.currentKeyId,
    keyIds: ctx.keys.keyIds,
    columns,
    unsealedQuarantine: await countUnsealedQuarantine(ctx.db),
  };
}

export interface ReencryptReport {
  currentKeyId: string;
  columns: { table: string; column: string; reencrypted: number }[];
  /** Legacy quarantined rows sealed on the way. */
  quarantineSealed: number;
  /** Record versions whose free text held an ID or mobile number in clear, sealed on the way. */
  recordsSealed: number;
}

export interface ReencryptOptions {
  batchSize?: number;
  onProgress?: (table: string, column: string, done: number) => void;
}

async function reencryptColumn(ctx: Pick<AppContext, 'db' | 'keys'>, col: CipherColumn, opts: ReencryptOptions): Promise<number> {
  const { keys } = ctx;
  let after: unknown[] | null = null;
  let done = 0;
  for (;;) {
    // One transaction per page: an interrupted run keeps what it did, and running again resumes.
    const page: number = await ctx.db.transaction(async (tx) => {
      const cells = await nextCiphersNotUnder(tx, col, { after, currentPrefix: keys.currentPrefix, limit: opts.batchSize ?? REENCRYPT_BATCH });
      const renewed = cells.map((cell) => {
        try {
          return { key: cell.key, cipher: keys.encrypt(keys.decrypt(cell.cipher)) };
        } catch (err) {
          throw new MasterKeyError(
            `无法解密 ${col.table}.${col.column}（主键 ${cell.key.join(', ')}）：${err instanceof Error ? err.message : String(err)}；请检查密钥环是否缺少旧密钥`,
          );
        }
      });
      await updateCiphers(tx, col, renewed);
      after = cells[cells.length - 1]?.key ?? after;
      return cells.length;
    });
    if (page === 0) return done;
    done += page;
    opts.onProgress?.(col.table, col.column, done);
  }
}

/** Encrypts the personal cells of quarantined rows stored in clear before migration 005. */
async function sealLegacyQuarantine(ctx: Pick<AppContext, 'db' | 'keys'>, opts: ReencryptOptions): Promise<number> {
  const tests = new Map<string, (header: string) => boolean>();
  const isPersonalFor = (code: string, edition: string): ((header: string) => boolean) => {
    const id = `${code}\u0000${edition}`;
    let test = tests.get(id);
    if (!test) {
      const catalog = listCatalogEditions(code).find((c) => c.edition === edition) ?? findCatalog(code);
      // A catalogue the registry no longer knows: the ID and mobile patterns still apply.
      test = catalog ? personalHeaderTest(catalog) : () => false;
      tests.set(id, test);
    }
    return test;
  };
  let done = 0;
  for (;;) {
    const page = await ctx.db.transaction(async (tx) => {
      const rows = await nextUnsealedQuarantine(tx, opts.batchSize ?? REENCRYPT_BATCH);
      const sealed = rows.map((r) => ({ batchId: r.batchId, rowNo: r.rowNo, ...sealRow(r.raw, isPersonalFor(r.catalog, r.edition), ctx.keys) }));
      await sealQuarantineRows(tx, sealed);
      return rows.length;
    });
    if (page === 0) return done;
    done += page;
    opts.onProgress?.('quarantine', 'raw', done);
  }
}

/**
 * Re-encrypts every cipher text not made with the current key (subjects, records, quarantine,
 * TOTP secrets), page by page, and seals quarantined rows and record versions still holding personal
 * numbers in clear. Idempotent: running it
 * again finds nothing, or resumes where an interrupted run stopped. Keyed hashes and fingerprints
 * derive from the root key and stay as they are.
 */
export async function reencryptAll(ctx: Pick<AppContext, 'db' | 'keys'>, opts: ReencryptOptions = {}): Promise<ReencryptReport> {
  const columns: ReencryptReport['columns'] = [];
  for (const col of CIPHER_COLUMNS) {
    columns.push({ table: col.table, column: col.column, reencrypted: await reencryptColumn(ctx, col, opts) });
  }
  const quarantineSealed = await sealLegacyQuarantine(ctx, opts);
  const recordsSealed = await sealLegacyRecords(ctx, opts);
  return { currentKeyId: ctx.keys.currentKeyId, columns, quarantineSealed, recordsSealed };
}
