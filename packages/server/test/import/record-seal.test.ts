import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { reencryptAll } from '../../src/services/key-rotation.service';
import { PERSON_ID, createImportContext, importRows, penaltyRow, personRow, removeTempFiles } from './import-helpers';

const TYPED_ID = '410402 19850312 1233'; // split by spaces, wrong check digit: still a person's
const MOBILE = '13812345678';

const rows = [
  personRow({ CF_WSH: '平市监罚〔2024〕21号', CF_SY: `当事人（身份证号${TYPED_ID}）无照经营`, BZ: `联系电话${MOBILE}` }),
  penaltyRow({ CF_WSH: '平市监罚〔2024〕22号', BZ: '许可证号41040020260627020，罚款 5000 元' }),
];

interface StoredRecord {
  doc_no: string;
  data: Record<string, unknown>;
  pii_cipher: string | null;
  content_hash: string;
}

async function stored(ctx: AppContext): Promise<StoredRecord[]> {
  const { rows: found } = await ctx.db.query<StoredRecord>('select doc_no, data, pii_cipher, content_hash from records order by doc_no');
  return found;
}

describe.each(testEngines())('records stored with personal numbers in free text, sealed on %s', (engine) => {
  let ctx: AppContext;
  let sealedByImporter: StoredRecord[];

  beforeAll(async () => {
    ({ ctx } = await createImportContext(engine));
    expect((await importRows(ctx, rows)).accepted).toBe(2);
    sealedByImporter = await stored(ctx);
    // What an importer before free-text sealing stored: the text in clear, only the ID field encrypted.
    const person = sealedByImporter[0];
    await ctx.db.query(
      `update records set data = data || $2::jsonb, pii_cipher = $3, content_hash = 'legacy' where doc_no = $1`,
      [person?.doc_no, JSON.stringify({ CF_SY: `当事人（身份证号${TYPED_ID}）无照经营`, BZ: `联系电话${MOBILE}` }), ctx.keys.encrypt(JSON.stringify({ CF_XDR_ZJHM: PERSON_ID }))],
    );
    await ctx.db.query(`update record_keys set content_hash = 'legacy' where content_hash = $1`, [person?.content_hash]);
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  it('keys reencrypt masks them, encrypts the given text and restores the importer’s content hash', async () => {
    expect(JSON.stringify(await stored(ctx))).toContain(MOBILE);
    const report = await reencryptAll(ctx);
    expect(report.recordsSealed).toBe(1);
    const after = await stored(ctx);
    expect(JSON.stringify(after.map((r) => r.data))).not.toContain(MOBILE);
    expect(after.map((r) => [r.data, r.content_hash])).toEqual(sealedByImporter.map((r) => [r.data, r.content_hash]));
    expect(after[0]?.data.CF_SY).toBe('当事人（身份证号4104** ******** 1233）无照经营');
    expect(JSON.parse(ctx.keys.decrypt(after[0]?.pii_cipher ?? ''))).toEqual({
      CF_XDR_ZJHM: PERSON_ID,
      CF_SY: `当事人（身份证号${TYPED_ID}）无照经营`,
      BZ: `联系电话${MOBILE}`,
    });
    // The licence number in the other record is no personal number: left as it is.
    expect(after[1]?.data.BZ).toBe('许可证号41040020260627020，罚款 5000 元');
  });

  it('is idempotent, and the same file imported again is unchanged', async () => {
    expect((await reencryptAll(ctx)).recordsSealed).toBe(0);
    const again = await importRows(ctx, rows);
    expect([again.unchanged, again.updated, again.created]).toEqual([2, 0, 0]);
  });
});
