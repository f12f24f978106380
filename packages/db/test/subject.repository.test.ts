import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findSubjectByIdHash,
  findSubjectByUscc,
  getSubject,
  listCurrentRecords,
  listRecordVersions,
  listSubjectNames,
  type Database,
} from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';
import { insertBatch, insertDepartment, insertRecord, insertSubject } from './factories';

describe.each(testEngines())('subject repository on %s', (engine) => {
  let db: Database;
  let dept: string;
  let batchId: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dept = await insertDepartment(db);
    batchId = await insertBatch(db, { sourceDept: dept });
  });
  afterAll(() => db.close());

  it('finds subjects by USCC, ID hash and id', async () => {
    const company = await insertSubject(db, { uscc: '91410400MA44XXXX1Y', name: '平顶山市鹰城商贸有限公司' });
    const person = await insertSubject(db, { uscc: null, idHash: 'hash-1', kind: 'natural_person', name: '张三' });

    const found = await findSubjectByUscc(db, '91410400MA44XXXX1Y');
    expect(found).toMatchObject({ subjectId: company, kind: 'legal_person', name: '平顶山市鹰城商贸有限公司', nameConflict: false });
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(await findSubjectByIdHash(db, 'hash-1')).toMatchObject({ subjectId: person, idMasked: '4104**********1234' });
    expect((await getSubject(db, person))?.name).toBe('张三');
    expect(await findSubjectByUscc(db, 'missing')).toBeUndefined();
  });

  it('lists former names oldest first', async () => {
    const subject = await insertSubject(db);
    await db.query(
      `insert into subject_names (subject_id, name, source_dept, first_seen_at, last_seen_at) values
         ($1, '鹰城新名称有限公司', $2, '2024-05-01T00:00:00Z', '2024-06-01T00:00:00Z'),
         ($1, '鹰城旧名称有限公司', $2, '2020-01-01T00:00:00Z', '2024-04-30T00:00:00Z')`,
      [subject, dept],
    );
    const names = await listSubjectNames(db, subject);
    expect(names.map((n) => n.name)).toEqual(['鹰城旧名称有限公司', '鹰城新名称有限公司']);
    expect(names[0]?.firstSeenAt).toEqual(new Date('2020-01-01T00:00:00Z'));
  });

  it('lists current records newest first, by catalogue, paged', async () => {
    const subject = await insertSubject(db);
    const key = await insertRecord(db, { subjectId: subject, batchId, sourceDept: dept, decisionDate: '2023-01-05', superseded: true });
    await insertRecord(db, { subjectId: subject, batchId, sourceDept: dept, recordKey: key, version: 2, decisionDate: '2023-01-06' });
    await insertRecord(db, { subjectId: subject, batchId, sourceDept: dept, decisionDate: '2024-07-01' });
    await insertRecord(db, { subjectId: subject, batchId, sourceDept: dept, decisionDate: '2022-02-02', catalog: 'administrative_license' });

    const all = await listCurrentRecords(db, subject, { limit: 10, offset: 0 });
    expect(all.map((r) => r.decisionDate)).toEqual(['2024-07-01', '2023-01-06', '2022-02-02']);
    expect(all[1]).toMatchObject({ recordKey: key, version: 2, supersededAt: null, sourceDept: dept, batchId });
    expect(all[0]?.data).toHaveProperty('CF_WSH');

    const penalties = await listCurrentRecords(db, subject, { catalog: 'administrative_penalty', limit: 1, offset: 1 });
    expect(penalties.map((r) => r.decisionDate)).toEqual(['2023-01-06']);
  });

  it('lists every version of a record', async () => {
    const subject = await insertSubject(db);
    const key = await insertRecord(db, { subjectId: subject, batchId, sourceDept: dept, superseded: true });
    await insertRecord(db, { subjectId: subject, batchId, sourceDept: dept, recordKey: key, version: 2 });
    const versions = await listRecordVersions(db, key, '2026-06-01');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.map((v) => v.publicState)).toEqual(['superseded', 'public']);
    expect(versions[0]?.supersededAt).toBeInstanceOf(Date);
    expect(versions[1]?.supersededAt).toBeNull();
    expect(await listRecordVersions(db, 'missing', '2026-06-01')).toEqual([]);
  });
});
