// A table-driven suite: one file of rows, one defect per row, imported once per engine; each case
// then checks its row's issues (row, field, severity, rule, Chinese message) and where it went.
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { ImportResult } from '../../src/services/import/import.service';
import {
  createImportContext,
  expectNothingLost,
  expectRowIssues,
  importRows,
  issuesOf,
  quarantinedRows,
  removeTempFiles,
  storedRecords,
} from './import-helpers';
import type { PenaltyRow, QuarantinedRow, StoredRecord } from './import-helpers';

export interface FieldRule {
  field: string;
  rule: string;
}

export interface DefectCase {
  /** What is wrong, with its source (standard or law). */
  name: string;
  row: PenaltyRow;
  /** Exactly the errors the row must get (none: the row is valid). */
  errors?: FieldRule[];
  /** Warnings the row must get (among others). */
  warnings?: FieldRule[];
  /** Stored as a record (true) or quarantined (false). */
  stored: boolean;
  /** Fields the stored record must hold, normalised. */
  data?: Record<string, unknown>;
  /** A fragment every message of the expected errors/warnings must contain. */
  message?: RegExp;
}

export function defectSuite(title: string, cases: readonly DefectCase[]): void {
  const numbered = cases.map((c, i) => ({ ...c, rowNo: i + 2 })); // the header is row 1

  describe.each(testEngines())(`${title} on %s`, (engine) => {
    let ctx: AppContext;
    let result: ImportResult;
    let stored: Map<number, StoredRecord>;
    let quarantined: Map<number, QuarantinedRow>;

    beforeAll(async () => {
      ({ ctx } = await createImportContext(engine));
      result = await importRows(ctx, cases.map((c) => c.row));
      stored = new Map((await storedRecords(ctx, result.batchId)).map((r) => [r.row_no, r]));
      quarantined = new Map((await quarantinedRows(ctx, result.batchId)).map((r) => [r.row_no, r]));
    });
    afterAll(async () => {
      await ctx?.db.close();
      removeTempFiles();
    });

    it.each(numbered)('row $rowNo: $name', (c) => {
      const errors = c.errors ?? [];
      const warnings = c.warnings ?? [];
      expectRowIssues(result, c.rowNo, errors, warnings);
      if (c.message) {
        const flagged = issuesOf(result, c.rowNo).filter((i) => [...errors, ...warnings].some((e) => e.field === i.field && e.rule === i.rule));
        for (const i of flagged) expect(i.message).toMatch(c.message);
      }
      if (c.stored) {
        expect(quarantined.has(c.rowNo), `row ${c.rowNo} must not be quarantined`).toBe(false);
        const rec = stored.get(c.rowNo);
        expect(rec, `row ${c.rowNo} must be stored`).toBeDefined();
        if (c.data) expect(rec?.data).toMatchObject(c.data);
      } else {
        expect(stored.has(c.rowNo), `row ${c.rowNo} must not be stored`).toBe(false);
        const q = quarantined.get(c.rowNo);
        expect(q, `row ${c.rowNo} must be quarantined`).toBeDefined();
        // The reasons travel with the row, and the row is kept exactly as given, by header.
        for (const e of errors) expect(q?.reasons).toContainEqual(expect.objectContaining({ row: c.rowNo, ...e, severity: 'error' }));
        for (const [code, value] of Object.entries(c.row)) expect(q?.raw[code], `raw ${code}`).toBe(value);
      }
    });

    it('stores or quarantines every row, and the batch row agrees with the result', async () => {
      expect(result.total).toBe(cases.length);
      expect(result.rejected).toBe(cases.filter((c) => !c.stored).length);
      expect(result.created).toBe(cases.filter((c) => c.stored).length);
      await expectNothingLost(ctx, result);
    });

    it('keeps every issue with the batch (batch_issues)', async () => {
      const { rows } = await ctx.db.query<{ row: number; field: string; severity: string; rule: string; message: string }>(
        `select row_no as row, field, severity, rule, message from batch_issues where batch_id = $1`,
        [result.batchId],
      );
      const key = (i: { row: number; field: string; rule: string; severity: string }) => `${i.row}|${i.field}|${i.rule}|${i.severity}`;
      expect(rows.map(key).sort()).toEqual(result.issues.map(key).sort());
    });
  });
}
