// Issue #2 item 6 "Subjects": records resolve to subjects by USCC or (natural persons) by the keyed
// hash of the ID number, which is stored encrypted and masked, never in clear and never logged;
// name history (曾用名) and 重码 (one USCC, different names across sources).
import { Writable } from 'node:stream';
import { testEngines } from '@pubcredit/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { DEPT_A, DEPT_B } from '../fixtures';
import {
  LEGAL_REP_ID,
  PERSON_ID,
  createImportContext,
  importRows,
  penaltyRow,
  personRow,
  removeTempFiles,
  storedRecords,
  syntheticUscc,
} from './import-helpers';

const fromB = { CF_SJLY: DEPT_B.name, CF_SJLYDM: DEPT_B.uscc, CF_CFJG: DEPT_B.name, CF_CFJGDM: DEPT_B.uscc };

interface SubjectDbRow {
  subject_id: string;
  kind: string;
  uscc: string | null;
  id_type: string | null;
  id_hash: string | null;
  id_cipher: string | null;
  id_masked: string | null;
  name: string;
  name_conflict: boolean;
}

async function subjectBy(ctx: AppContext, where: string, value: string): Promise<SubjectDbRow[]> {
  const { rows } = await ctx.db.query<SubjectDbRow>(
    `select subject_id, kind, uscc, id_type, id_hash, id_cipher, id_masked, name, name_conflict from subjects where ${where} = $1`,
    [value],
  );
  return rows;
}

async function namesOf(ctx: AppContext, subjectId: string): Promise<{ name: string; source_dept: string }[]> {
  const { rows } = await ctx.db.query<{ name: string; source_dept: string }>(
    `select name, source_dept from subject_names where subject_id = $1 order by first_seen_at, name`,
    [subjectId],
  );
  return rows;
}

describe.each(testEngines())('subjects on %s', (engine) => {
  let ctx: AppContext;
  let setNow: (iso: string) => void;
  const logLines: string[] = [];

  beforeAll(async () => {
    ({ ctx, setNow } = await createImportContext(engine, '2025-05-01T02:00:00Z'));
    // Every log line of the imports, at the most verbose level, to scan for ID numbers.
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    ctx = { ...ctx, log: pino({ level: 'trace' }, sink) };
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  describe('natural persons', () => {
    let batchId: string | null;

    beforeAll(async () => {
      const result = await importRows(ctx, [
        personRow({ CF_WSH: '平市监罚〔2024〕P1号' }),
        personRow({ CF_WSH: '平市监罚〔2024〕P2号', CF_XDR_ZJLX: '01' }),
        penaltyRow({ CF_WSH: '平市监罚〔2024〕P3号', CF_XDR_SHXYM: syntheticUscc(800), CF_FR_ZJLX: '身份证', CF_FR_ZJHM: LEGAL_REP_ID }),
      ]);
      expect(result).toMatchObject({ total: 3, accepted: 3, issues: [] });
      batchId = result.batchId;
    });

    it('resolve by the keyed hash of the ID number to one subject, encrypted and masked', async () => {
      const subjects = await subjectBy(ctx, 'id_hash', ctx.keys.hash(PERSON_ID));
      expect(subjects).toHaveLength(1);
      const [s] = subjects;
      expect(s).toMatchObject({ kind: 'natural_person', uscc: null, id_type: '01', id_masked: '4104**********1230', name: '张三' });
      expect(ctx.keys.decrypt(s?.id_cipher ?? '')).toBe(PERSON_ID);
      const records = await storedRecords(ctx, batchId);
      expect(records.filter((r) => r.subject_id === s?.subject_id).map((r) => r.row_no)).toEqual([2, 3]);
    });

    it('records hold the masked number in data and the full one only encrypted', async () => {
      const [p1, , company] = await storedRecords(ctx, batchId);
      expect(p1?.data.CF_XDR_ZJHM).toBe('4104**********1230');
      expect(JSON.parse(ctx.keys.decrypt(p1?.pii_cipher ?? ''))).toEqual({ CF_XDR_ZJHM: PERSON_ID });
      expect(company?.data.CF_FR_ZJHM).toBe('4104**********0021');
      expect(JSON.parse(ctx.keys.decrypt(company?.pii_cipher ?? ''))).toEqual({ CF_FR_ZJHM: LEGAL_REP_ID });
    });

    it('the full ID number is nowhere in the database in clear', async () => {
      for (const table of ['records', 'record_keys', 'subjects', 'subject_names', 'batches', 'batch_issues', 'quarantine']) {
        const { rows } = await ctx.db.query<{ t: string }>(`select t::text as t from ${table} t`);
        for (const { t } of rows) {
          expect(t, table).not.toContain(PERSON_ID);
          expect(t, table).not.toContain(LEGAL_REP_ID);
        }
      }
    });

    it('the full ID number is never logged', () => {
      expect(logLines.length).toBeGreaterThan(0);
      for (const line of logLines) {
        expect(line).not.toContain(PERSON_ID);
        expect(line).not.toContain(LEGAL_REP_ID);
      }
    });
  });

  it('an ID or mobile number typed into a free text is stored masked, the text as given only encrypted', async () => {
    const mistyped = '410402199001011231';
    const given = { CF_SY: `当事人张三（身份证号${PERSON_ID}，另报${mistyped}）`, BZ: '联系电话13812345678' };
    const result = await importRows(ctx, [personRow({ CF_WSH: '平市监罚〔2024〕P4号', ...given })]);
    expect(result).toMatchObject({ accepted: 1, issues: [] });
    const [record] = await storedRecords(ctx, result.batchId);
    expect(record?.data).toMatchObject({ CF_SY: '当事人张三（身份证号4104**********1230，另报4104**********1231）', BZ: '联系电话138****5678' });
    expect(JSON.parse(ctx.keys.decrypt(record?.pii_cipher ?? ''))).toEqual({ CF_XDR_ZJHM: PERSON_ID, ...given });
    const { rows } = await ctx.db.query<{ t: string }>('select t::text as t from records t where batch_id = $1', [result.batchId]);
    for (const { t } of rows) for (const number of [PERSON_ID, mistyped, '13812345678']) expect(t).not.toContain(number);
  });

  describe('legal persons and 个体工商户', () => {
    it('resolve by USCC; 个体工商户 keep their kind', async () => {
      const result = await importRows(ctx, [
        penaltyRow({ CF_WSH: '平市监罚〔2024〕L1号', CF_XDR_SHXYM: syntheticUscc(801), CF_XDR_MC: '平顶山市主体测试有限公司' }),
        penaltyRow({ CF_WSH: '平市监罚〔2024〕L2号', CF_XDR_SHXYM: syntheticUscc(801), CF_XDR_MC: '平顶山市主体测试有限公司' }),
        penaltyRow({ CF_WSH: '平市监罚〔2024〕L3号', CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '92340602MA2PBMEM24', CF_XDR_MC: '新华区老王烩面馆', CF_FRDB: '' }),
      ]);
      expect(result).toMatchObject({ accepted: 3, rejected: 0 });
      const [company] = await subjectBy(ctx, 'uscc', syntheticUscc(801));
      expect(company).toMatchObject({ kind: 'legal_person', name: '平顶山市主体测试有限公司', name_conflict: false });
      const records = await storedRecords(ctx, result.batchId);
      expect(records.slice(0, 2).map((r) => r.subject_id)).toEqual([company?.subject_id, company?.subject_id]);
      expect(await subjectBy(ctx, 'uscc', '92340602MA2PBMEM24')).toEqual([
        expect.objectContaining({ kind: 'individual_business', name: '新华区老王烩面馆', id_hash: null }),
      ]);
    });
  });

  describe('name history and 重码', () => {
    it('one USCC under different names from two departments is flagged 重码', async () => {
      setNow('2025-05-02T02:00:00Z');
      const uscc = syntheticUscc(810);
      await importRows(ctx, [penaltyRow({ CF_WSH: '平市监罚〔2024〕N1号', CF_XDR_SHXYM: uscc, CF_XDR_MC: '平顶山市甲乙建材有限公司' })]);
      const [before] = await subjectBy(ctx, 'uscc', uscc);
      expect(before?.name_conflict).toBe(false);

      setNow('2025-05-03T02:00:00Z');
      await importRows(ctx, [penaltyRow({ CF_WSH: '平环罚〔2024〕N1号', CF_XDR_SHXYM: uscc, CF_XDR_MC: '平顶山市丙丁建材有限公司', ...fromB })], { source: DEPT_B.uscc });
      const subjects = await subjectBy(ctx, 'uscc', uscc);
      expect(subjects).toHaveLength(1);
      expect(subjects[0]?.name_conflict).toBe(true);
      expect(await namesOf(ctx, subjects[0]?.subject_id ?? '')).toEqual([
        { name: '平顶山市甲乙建材有限公司', source_dept: DEPT_A.uscc },
        { name: '平顶山市丙丁建材有限公司', source_dept: DEPT_B.uscc },
      ]);

      // Once the first department reports the same name, the sources agree again.
      setNow('2025-05-04T02:00:00Z');
      await importRows(ctx, [penaltyRow({ CF_WSH: '平市监罚〔2024〕N2号', CF_XDR_SHXYM: uscc, CF_XDR_MC: '平顶山市丙丁建材有限公司' })]);
      expect((await subjectBy(ctx, 'uscc', uscc))[0]?.name_conflict).toBe(false);
    });

    it('a later new name from the same department is a rename: both names kept, no 重码', async () => {
      const uscc = syntheticUscc(820);
      setNow('2025-05-05T02:00:00Z');
      await importRows(ctx, [penaltyRow({ CF_WSH: '平市监罚〔2024〕N3号', CF_XDR_SHXYM: uscc, CF_XDR_MC: '平顶山市新华区旧名商行' })]);
      setNow('2025-05-06T02:00:00Z');
      await importRows(ctx, [penaltyRow({ CF_WSH: '平市监罚〔2024〕N4号', CF_XDR_SHXYM: uscc, CF_XDR_MC: '平顶山市新名商贸有限公司' })]);

      const [s] = await subjectBy(ctx, 'uscc', uscc);
      expect(s).toMatchObject({ name: '平顶山市新名商贸有限公司', name_conflict: false });
      expect(await namesOf(ctx, s?.subject_id ?? '')).toEqual([
        { name: '平顶山市新华区旧名商行', source_dept: DEPT_A.uscc },
        { name: '平顶山市新名商贸有限公司', source_dept: DEPT_A.uscc },
      ]);
    });

    it('re-importing the old record after a rename does not bring the old name back or raise 重码', async () => {
      const uscc = syntheticUscc(820);
      setNow('2025-05-07T02:00:00Z');
      // The N3 record (old name) again, unchanged: it is a sighting of the old name, not news.
      const result = await importRows(ctx, [penaltyRow({ CF_WSH: '平市监罚〔2024〕N3号', CF_XDR_SHXYM: uscc, CF_XDR_MC: '平顶山市新华区旧名商行' })]);
      expect(result).toMatchObject({ unchanged: 1 });
      const [s] = await subjectBy(ctx, 'uscc', uscc);
      expect(s).toMatchObject({ name: '平顶山市新名商贸有限公司', name_conflict: false });
    });
  });
});
