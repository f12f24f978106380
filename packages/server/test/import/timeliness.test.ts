// Issue #2 item 7 "Timeliness facts": each record keeps its decision date, when it was received and
// the working days between them (statutory holidays and 调休 counted, start day not counted,
// regulations §3.7, §6.2), on the Beijing calendar day of receipt.
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import { createImportContext, importRows, penaltyRow, removeTempFiles, storedRecords, syntheticUscc } from './import-helpers';

describe.each(testEngines())('report working days on %s', (engine) => {
  let ctx: AppContext;
  let setNow: (iso: string) => void;
  let n = 0;

  beforeAll(async () => {
    ({ ctx, setNow } = await createImportContext(engine));
  });
  afterAll(async () => {
    await ctx?.db.close();
    removeTempFiles();
  });

  async function importDecidedOn(decisionDate: string, receivedIso: string) {
    setNow(receivedIso);
    n++;
    const result = await importRows(ctx, [
      penaltyRow({ CF_WSH: `平市监罚〔2024〕T${n}号`, CF_XDR_SHXYM: syntheticUscc(900 + n), CF_JDRQ: decisionDate, CF_YXQ: '2026-12-31' }),
    ]);
    expect(result).toMatchObject({ accepted: 1 });
    const [rec] = await storedRecords(ctx, result.batchId);
    return { rec, result };
  }

  it.each([
    // 国庆 2024: 10-01…10-07 off, 调休 Sun 09-29 and Sat 10-12 worked (国办发明电〔2023〕7号).
    ['decided before 国庆 2024, received after (10-12 is a make-up working day)', '2024-09-30', '2024-10-15T02:00:00Z', 7],
    ['received at 01:00 Beijing on 10-15, still 10-14 in UTC: counted on the Beijing day', '2024-09-30', '2024-10-14T17:00:00Z', 7],
    ['received at 23:00 Beijing on 10-14', '2024-09-30', '2024-10-14T15:00:00Z', 6],
    ['received on the day of decision', '2024-10-15', '2024-10-15T02:00:00Z', 0],
    ['an ordinary week: Monday to Friday', '2024-03-04', '2024-03-08T02:00:00Z', 4],
    ['over 春节 2024 (02-10…02-17 off, 02-04 and 02-18 worked)', '2024-02-08', '2024-02-19T02:00:00Z', 3],
  ])('%s', async (_what, decisionDate, receivedIso, days) => {
    const { rec } = await importDecidedOn(decisionDate, receivedIso);
    expect(rec?.decision_date).toBe(decisionDate);
    expect(rec?.received_at.toISOString()).toBe(new Date(receivedIso).toISOString());
    expect(rec?.report_working_days).toBe(days);
  });

  it('received in a year the calendar lacks (2027, chinese-days ends with 2026): stored, no working days, a warning naming that year', async () => {
    const { rec, result } = await importDecidedOn('2026-12-28', '2027-01-04T02:00:00Z');
    expect(rec?.report_working_days).toBeNull();
    expect(result.issues).toEqual([
      {
        row: 2,
        field: 'CF_JDRQ',
        severity: 'warning',
        rule: 'calendar.year_unknown',
        message: '缺少 2027 年的官方节假日安排，暂不计算本行的报送时效（工作日）；请平台管理员载入该年日历（pubcredit calendar load）',
      },
    ]);
  });
});
