import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { CIPHER_COLUMNS, findSubjectByIdHash, setPendingTotpSecret } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import { createDataKeys } from '../src/crypto/data-keys';
import { addKey, singleKeyring } from '../src/crypto/keyring';
import { cipherUsage, reencryptAll } from '../src/services/key-rotation.service';
import { exportRejectedRows } from '../src/services/rejected-export.service';
import { createUser } from '../src/services/user.service';
import { DEPT_A } from './fixtures';
import { LEGAL_REP_ID, PERSON_ID, createImportContext, importRows, penaltyRow, personRow, removeTempFiles } from './import/import-helpers';

const BAD_ID = '410402199001011231'; // wrong check digit: the row is rejected
const PHONE = '13812345678';

const rows = [
  personRow({ CF_WSH: '平市监罚〔2024〕11号' }),
  penaltyRow({ CF_WSH: '平市监罚〔2024〕12号', CF_FR_ZJLX: '身份证', CF_FR_ZJHM: LEGAL_REP_ID }),
  personRow({ CF_WSH: '平市监罚〔2024〕13号', CF_XDR_ZJHM: BAD_ID, BZ: `联系电话${PHONE}` }),
];

async function allCiphers(ctx: AppContext): Promise<string[]> {
  const out: string[] = [];
  for (const col of CIPHER_COLUMNS) {
    const { rows: found } = await ctx.db.query<{ c: string }>(`select ${col.column} as c from ${col.table} where ${col.column} is not null`);
    out.push(...found.map((r) => r.c));
  }
  return out;
}

async function rejectedCsv(ctx: AppContext, batchId: string, viewer?: string): Promise<string> {
  return text((await exportRejectedRows(ctx, batchId, 'csv', viewer)).stream);
}

describe.each(testEngines())('personal data at rest and key rotation on %s', (engine) => {
  let ctx: AppContext;
  let rotated: AppContext;
  let batchId: string;
  const root = randomBytes(32);

  beforeAll(async () => {
    ({ ctx } = await createImportContext(engine));
    ctx.keys = createDataKeys(singleKeyring(root));
    const result = await importRows(ctx, rows);
    expect([result.accepted, result.rejected]).toEqual([2, 1]);
    batchId = result.batchId ?? '';
    const { user } = await createUser(ctx, { username: 'totpuser', role: 'auditor' });
    await setPendingTotpSecret(ctx.db, user.id, ctx.keys.encrypt('JBSWY3DPEHPK3PXP'));
    // A row quarantined before migration 005: in clear, not sealed.
    await ctx.db.query(
      `insert into quarantine (batch_id, row_no, raw, reasons, pii_sealed) values ($1, 99, $2::jsonb, '[]'::jsonb, false)`,
      [batchId, JSON.stringify({ 行政相对人名称: '李四', 证件号码: BAD_ID })],
    );
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  it('keeps a rejected natural person’s ID and phone number encrypted in quarantine', async () => {
    const { rows: stored } = await ctx.db.query<{ raw: Record<string, string>; pii_cipher: string | null }>(
      'select raw, pii_cipher from quarantine where batch_id = $1 and pii_sealed',
      [batchId],
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(BAD_ID);
    expect(JSON.stringify(stored)).not.toContain(PHONE);
    expect(stored[0]?.raw.CF_XDR_ZJHM).toBe('4104**********1231');
    expect(stored[0]?.raw.BZ).toBe('联系电话138****5678');
    expect(JSON.parse(ctx.keys.decrypt(stored[0]?.pii_cipher ?? ''))).toEqual({ CF_XDR_ZJHM: BAD_ID, BZ: `联系电话${PHONE}` });
  });

  it('reveals them only in the department’s own rejected download', async () => {
    const own = await rejectedCsv(ctx, batchId, DEPT_A.uscc);
    expect(own).toContain(BAD_ID);
    expect(own).toContain(PHONE);
    const centre = await rejectedCsv(ctx, batchId);
    expect(centre).not.toContain(BAD_ID);
    expect(centre).not.toContain(PHONE);
    expect(centre).toContain('4104**********1231');
  });

  it('rotates: re-encrypts every column under the new key in pages, seals legacy rows, keeps hashes', async () => {
    const before = await cipherUsage(ctx);
    expect(before.unsealedQuarantine).toBe(1);
    const { ring } = addKey(singleKeyring(root), new Date());
    rotated = { ...ctx, keys: createDataKeys(ring) };
    const progress: string[] = [];
    const report = await reencryptAll(rotated, { batchSize: 1, onProgress: (t, _c, n) => progress.push(`${t}:${n}`) });
    expect(report.columns).toEqual([
      { table: 'subjects', column: 'id_cipher', reencrypted: 1 },
      { table: 'records', column: 'pii_cipher', reencrypted: 2 },
      { table: 'quarantine', column: 'pii_cipher', reencrypted: 1 },
      { table: 'users', column: 'totp_secret_cipher', reencrypted: 1 },
    ]);
    expect(report.quarantineSealed).toBe(1);
    expect(progress).toContain('records:2');

    const ciphers = await allCiphers(rotated);
    expect(ciphers).toHaveLength(6);
    for (const c of ciphers) {
      expect(c.startsWith(`v2:${ring.current}:`)).toBe(true);
      expect(() => rotated.keys.decrypt(c)).not.toThrow();
      expect(() => ctx.keys.decrypt(c)).toThrow();
    }
    const usage = await cipherUsage(rotated);
    expect(usage.unsealedQuarantine).toBe(0);
    for (const col of usage.columns) expect(Object.keys(col.byKey)).toEqual([ring.current]);
  });

  it('still finds a person by the keyed hash of the ID number, and decrypts it', async () => {
    const subject = await findSubjectByIdHash(rotated.db, rotated.keys.hash(PERSON_ID));
    expect(subject?.idMasked).toBe('4104**********1230');
    expect(rotated.keys.decrypt(subject?.idCipher ?? '')).toBe(PERSON_ID);
  });

  it('sealed the legacy row and still reveals it to the department', async () => {
    const { rows: legacy } = await ctx.db.query<{ raw: Record<string, string> }>('select raw from quarantine where row_no = 99');
    expect(legacy[0]?.raw.证件号码).toBe('4104**********1231');
    const own = await rejectedCsv(rotated, batchId, DEPT_A.uscc);
    expect(own.match(new RegExp(BAD_ID, 'g'))).toHaveLength(2);
  });

  it('counts a re-import after rotation as unchanged (fingerprints keep the root key), and a second run does nothing', async () => {
    const again = await importRows(rotated, rows.slice(0, 2));
    expect([again.unchanged, again.created, again.updated]).toEqual([2, 0, 0]);
    const report = await reencryptAll(rotated);
    expect(report.columns.map((c) => c.reencrypted)).toEqual([0, 0, 0, 0]);
    expect(report.quarantineSealed).toBe(0);
  });
});
