import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBatch, listBatches, listBatchIssues, listQuarantine, type Database } from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';
import { insertBatch, insertDepartment } from './factories';

describe.each(testEngines())('batch repository on %s', (engine) => {
  let db: Database;
  let deptA: string;
  let deptB: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deptA = await insertDepartment(db);
    deptB = await insertDepartment(db);
  });
  afterAll(() => db.close());

  it('gets a batch and lists batches newest first, by department', async () => {
    const older = await insertBatch(db, { sourceDept: deptA, receivedAt: new Date('2024-01-01T08:00:00Z') });
    const newer = await insertBatch(db, { sourceDept: deptA, receivedAt: new Date('2024-02-01T08:00:00Z') });
    const other = await insertBatch(db, { sourceDept: deptB, receivedAt: new Date('2024-03-01T08:00:00Z') });

    expect(await getBatch(db, newer)).toMatchObject({
      batchId: newer,
      sourceDept: deptA,
      fileName: '处罚.csv',
      encoding: 'gb18030',
      total: 3,
      rejected: 1,
      receivedAt: new Date('2024-02-01T08:00:00Z'),
    });
    expect(await getBatch(db, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
    expect((await listBatches(db, { limit: 10, offset: 0 })).map((b) => b.batchId)).toEqual([other, newer, older]);
    expect((await listBatches(db, { sourceDept: deptA, limit: 1, offset: 1 })).map((b) => b.batchId)).toEqual([older]);
  });

  it('lists issues in row order, paged', async () => {
    const batchId = await insertBatch(db, { sourceDept: deptA });
    await db.transaction((tx) =>
      tx.copyFrom(
        'batch_issues',
        ['batch_id', 'row_no', 'field', 'severity', 'rule', 'message'],
        [
          `${batchId},3,CF_WSH,error,doc_no.required,行政处罚决定书文号必填`,
          `${batchId},2,XDR_SHDM,error,uscc.check_digit,"统一社会信用代码校验位错误，应为 L"`,
          `${batchId},2,CF_JDRQ,warning,date.late,决定日期超过 7 个工作日`,
        ].join('\n'),
      ),
    );
    const page1 = await listBatchIssues(db, batchId, { limit: 2, offset: 0 });
    expect(page1.map((i) => [i.rowNo, i.field])).toEqual([
      [2, 'CF_JDRQ'],
      [2, 'XDR_SHDM'],
    ]);
    expect(page1[1]).toMatchObject({ severity: 'error', rule: 'uscc.check_digit', message: '统一社会信用代码校验位错误，应为 L' });
    expect((await listBatchIssues(db, batchId, { limit: 2, offset: 2 })).map((i) => i.rowNo)).toEqual([3]);
  });

  it('streams quarantined rows in row order across pages', async () => {
    const batchId = await insertBatch(db, { sourceDept: deptA });
    const rows = Array.from({ length: 25 }, (_, i) => [
      batchId,
      25 - i + 1,
      JSON.stringify({ 行政相对人名称: `公司${i}`, 备注: 'a,"b"' }),
      JSON.stringify([{ row: 25 - i + 1, field: 'CF_WSH', severity: 'error', rule: 'r', message: '必填' }]),
    ]);
    const csv = rows.map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')).join('\n');
    await db.transaction((tx) => tx.copyFrom('quarantine', ['batch_id', 'row_no', 'raw', 'reasons'], csv));

    const seen = [];
    for await (const row of listQuarantine(db, batchId, { pageSize: 10 })) seen.push(row);
    expect(seen.map((r) => r.rowNo)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(seen[0]?.raw).toEqual({ 行政相对人名称: '公司24', 备注: 'a,"b"' });
    expect(seen[0]?.reasons).toEqual([{ row: 2, field: 'CF_WSH', severity: 'error', rule: 'r', message: '必填' }]);

    const resumed = [];
    for await (const row of listQuarantine(db, batchId, { afterRowNo: 24 })) resumed.push(row.rowNo);
    expect(resumed).toEqual([25, 26]);
  });
});
