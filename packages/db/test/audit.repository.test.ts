import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_GENESIS_HASH,
  appendAuditEntries,
  appendAuditEntriesOnce,
  auditEntryHash,
  entryProblem,
  getAuditHead,
  readAuditChain,
  searchAuditEntries,
  type AuditEntry,
  type Database,
  type NewAuditEntry,
} from '../src/index';
import { createTestDatabase, testEngines } from '../src/testing/index';

function entry(over: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    at: new Date('2024-05-01T02:03:04.567Z'),
    actorKind: 'user',
    actorId: 'u-1',
    actorName: 'zhangsan',
    departmentUscc: null,
    action: 'user.create',
    target: '/api/v1/users',
    purpose: null,
    clientIp: '10.0.0.1',
    userAgent: 'vitest',
    outcome: 'success',
    status: 201,
    details: { b: 1, a: { d: [1, 'x'], c: null } },
    ...over,
  };
}

async function chain(db: Database): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for await (const e of readAuditChain(db, { pageSize: 7 })) all.push(e);
  return all;
}

function problems(entries: readonly AuditEntry[]): string[] {
  let prev = AUDIT_GENESIS_HASH;
  return entries.flatMap((e, i) => {
    const problem = entryProblem(e, i + 1, prev);
    prev = e.hash;
    return problem ? [`${e.seq}:${problem}`] : [];
  });
}

describe.each(testEngines())('audit repository on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('numbers and chains entries from the genesis hash, and reads back what it hashed', async () => {
    const [first, second] = await db.transaction((tx) =>
      appendAuditEntries(tx, [entry(), entry({ action: 'batch.upload', details: { text: 'a\u0000b\ud800' } })]),
    );
    expect(first).toMatchObject({ seq: 1, prevHash: AUDIT_GENESIS_HASH });
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ seq: 2, prevHash: first?.hash });
    // Not storable as given: NUL dropped, the lone surrogate replaced, before hashing.
    expect(second?.details).toEqual({ text: 'ab\ufffd' });
    const stored = await chain(db);
    expect(stored).toEqual([first, second]);
    expect(problems(stored)).toEqual([]);
    expect(await getAuditHead(db)).toEqual({ seq: 2, hash: second?.hash });
  });

  it('hashes with SM3 over every field: changing any one changes the hash', () => {
    const base = auditEntryHash(entry(), 1, AUDIT_GENESIS_HASH);
    expect(auditEntryHash(entry({ details: { a: { c: null, d: [1, 'x'] }, b: 1 } }), 1, AUDIT_GENESIS_HASH)).toBe(base);
    for (const changed of [entry({ actorName: 'lisi' }), entry({ status: 200 }), entry({ details: { b: 2 } }), entry({ at: new Date(0) })]) {
      expect(auditEntryHash(changed, 1, AUDIT_GENESIS_HASH)).not.toBe(base);
    }
    expect(auditEntryHash(entry(), 2, AUDIT_GENESIS_HASH)).not.toBe(base);
    expect(auditEntryHash(entry(), 1, 'f'.repeat(64))).not.toBe(base);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit_log, and moving the head anywhere but forward onto an entry', async () => {
    await expect(db.query(`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_log where seq = 2')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query('update audit_head set seq = 1')).rejects.toThrow(/advance/);
    await expect(db.query(`update audit_head set seq = 3, hash = 'x'`)).rejects.toThrow(/advance/);
    await expect(db.query('delete from audit_head')).rejects.toThrow(/refused/);
    expect(problems(await chain(db))).toEqual([]);
  });

  it('keeps one linear chain under concurrent appends', async () => {
    const before = (await getAuditHead(db)).seq;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction((tx) => appendAuditEntries(tx, [entry({ action: `parallel.${i}` }), entry({ action: `parallel.${i}.b` })])),
      ),
    );
    const stored = await chain(db);
    expect(stored).toHaveLength(before + 80);
    expect(problems(stored)).toEqual([]);
    // Each writer's two entries are adjacent: a writer holds the head for its whole transaction.
    for (let i = 0; i < 40; i++) {
      const a = stored.findIndex((e) => e.action === `parallel.${i}`);
      expect(stored[a + 1]?.action).toBe(`parallel.${i}.b`);
    }
  });

  it('leaves no trace of an append whose transaction rolls back, and no gap', async () => {
    const before = await getAuditHead(db);
    await expect(
      db.transaction(async (tx) => {
        await appendAuditEntries(tx, [entry({ action: 'rolled.back' })]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await getAuditHead(db)).toEqual(before);
    const [next] = await db.transaction((tx) => appendAuditEntries(tx, [entry({ action: 'after.rollback' })]));
    expect(next?.seq).toBe(before.seq + 1);
  });

  it('searches newest first by actor, action prefix, outcome and time', async () => {
    await db.transaction((tx) =>
      appendAuditEntries(tx, [
        entry({ actorName: 'Auditor_Wang', action: 'audit.export', at: new Date('2024-06-01T00:00:00Z') }),
        entry({ actorKind: 'key', actorId: 'k-9', actorName: '政务服务网', action: 'credit.check', outcome: 'denied', status: 403 }),
      ]),
    );
    const page = { limit: 10, offset: 0 };
    expect((await searchAuditEntries(db, { actor: 'auditor_', action: 'audit' }, page)).map((e) => e.action)).toEqual(['audit.export']);
    expect((await searchAuditEntries(db, { actor: 'k-9', outcome: 'denied' }, page)).map((e) => e.actorName)).toEqual(['政务服务网']);
    // '%' is a literal, not LIKE's wildcard.
    expect(await searchAuditEntries(db, { actor: 'auditor%' }, page)).toEqual([]);
    const june = await searchAuditEntries(db, { from: new Date('2024-05-31T00:00:00Z'), to: new Date('2024-06-02T00:00:00Z') }, page);
    expect(june.map((e) => e.action)).toEqual(['audit.export']);
    const newest = await searchAuditEntries(db, {}, { limit: 2, offset: 0 });
    expect(newest.map((e) => e.seq)).toEqual([(await getAuditHead(db)).seq, (await getAuditHead(db)).seq - 1]);
  });

  it('appends an entry with an id once: a second append of the same ids adds nothing (spool replay)', async () => {
    const ids = ['0b8a3a52-6f0e-4a9c-9d2b-2f1f0c1d7e01', '0b8a3a52-6f0e-4a9c-9d2b-2f1f0c1d7e02'];
    const before = await getAuditHead(db);
    const first = await db.transaction((tx) => appendAuditEntriesOnce(tx, [entry({ action: 'once.a', entryId: ids[0] })]));
    expect(first.map((e) => [e.seq, e.action])).toEqual([[before.seq + 1, 'once.a']]);
    // The first is in the chain already (as after a replay cut short): only the second is appended.
    const again = await db.transaction((tx) =>
      appendAuditEntriesOnce(tx, [entry({ action: 'once.a', entryId: ids[0] }), entry({ action: 'once.b', entryId: ids[1]?.toUpperCase() }), entry({ action: 'once.no-id' })]),
    );
    expect(again.map((e) => [e.seq, e.action])).toEqual([
      [before.seq + 2, 'once.b'],
      [before.seq + 3, 'once.no-id'],
    ]);
    expect(await db.transaction((tx) => appendAuditEntriesOnce(tx, [entry({ action: 'once.b', entryId: ids[1] })]))).toEqual([]);
    const { rows } = await db.query<{ entry_id: string; n: string }>(
      'select entry_id::text, count(*) as n from audit_log where entry_id is not null group by entry_id order by entry_id',
    );
    expect(rows.map((r) => [r.entry_id, Number(r.n)])).toEqual(ids.map((id) => [id, 1]));
    expect(problems(await chain(db))).toEqual([]);
  });

  it('refuses a second entry with the same id at the database too (unique index)', async () => {
    const id = '0b8a3a52-6f0e-4a9c-9d2b-2f1f0c1d7e03';
    await db.transaction((tx) => appendAuditEntries(tx, [entry({ entryId: id })]));
    await expect(db.transaction((tx) => appendAuditEntries(tx, [entry({ entryId: id })]))).rejects.toThrow(/audit_log_entry_id_idx/);
  });
});
