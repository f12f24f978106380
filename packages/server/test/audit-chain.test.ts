import { auditEntryHash, getAuditHead, searchAuditEntries } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../src/audit/audit-actor';
import type { AuditActor } from '../src/audit/audit-actor';
import { recordAudit, verifyAuditChain } from '../src/audit/audit.service';
import type { AuditRecord } from '../src/audit/audit.service';
import type { AppContext } from '../src/context';
import { createTestContext } from './test-context';

const officer: AuditActor = { kind: 'user', id: 'u-1', name: 'wang', departmentUscc: null };

function record(i: number, over: Partial<AuditRecord> = {}): AuditRecord {
  return { actor: officer, action: 'subject.read', target: `/subjects/${i}`, outcome: 'success', status: 200, details: { i }, ...over };
}

/** Changes audit_log as a superuser would: with its append-only trigger switched off meanwhile. */
async function asSuperuser(ctx: AppContext, statement: string, params: unknown[] = []): Promise<void> {
  await ctx.db.query('alter table audit_log disable trigger audit_log_no_update');
  try {
    await ctx.db.query(statement, params);
  } finally {
    await ctx.db.query('alter table audit_log enable trigger audit_log_no_update');
  }
}

const COLUMNS =
  'seq, at, actor_kind, actor_id, actor_name, department_uscc, action, target, purpose, client_ip, user_agent, outcome, status, details, prev_hash, hash';

/** Puts a saved row back (after a deletion test). */
async function reinsert(ctx: AppContext, row: Record<string, unknown>): Promise<void> {
  const values = COLUMNS.split(', ').map((c) => (c === 'details' ? JSON.stringify(row[c]) : row[c]));
  await ctx.db.query(`insert into audit_log (${COLUMNS}) values (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
}

async function row(ctx: AppContext, seq: number): Promise<Record<string, unknown>> {
  const { rows } = await ctx.db.query(`select ${COLUMNS} from audit_log where seq = $1`, [seq]);
  if (!rows[0]) throw new Error(`no entry ${seq}`);
  return rows[0];
}

describe.each(testEngines())('audit chain on %s', (engine) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    for (let i = 1; i <= 10; i++) await recordAudit(ctx, record(i));
  });
  afterAll(() => ctx.db.close());

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 10, head: { seq: 10 } });
  });

  it('records inside a transaction: kept on commit, gone without a gap on rollback', async () => {
    await expect(
      ctx.db.transaction(async (tx) => {
        await recordAudit(ctx, record(99, { action: 'rolled.back' }), { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const kept = await ctx.db.transaction((tx) => recordAudit(ctx, record(11), { tx }));
    expect(kept.seq).toBe(11);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 11 });
  });

  it('fails at exactly the entry changed directly in SQL', async () => {
    const saved = await row(ctx, 5);
    await asSuperuser(ctx, `update audit_log set actor_name = 'someone else' where seq = 5`);
    const result = await verifyAuditChain(ctx);
    expect(result).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5, reason: 'altered' } });
    expect(result.firstBroken?.message).toMatch(/^审计记录第 5 条被篡改或删除/);

    // A careful forger recomputes the changed entry's hash: the next entry no longer links to it.
    const [fifth] = await searchAuditEntries(ctx.db, {}, { limit: 1, offset: (await getAuditHead(ctx.db)).seq - 5 });
    if (!fifth) throw new Error('no entry 5');
    const forged = auditEntryHash({ ...fifth, actorName: 'someone else' }, 5, fifth.prevHash);
    await asSuperuser(ctx, `update audit_log set hash = $1 where seq = 5`, [forged]);
    expect((await verifyAuditChain(ctx)).firstBroken).toMatchObject({ seq: 6, reason: 'unlinked' });
    await asSuperuser(ctx, `update audit_log set actor_name = $1, hash = $2 where seq = 5`, [saved.actor_name, saved.hash]);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 11 });
  });

  it('fails at exactly the entry deleted, in the middle and at the end', async () => {
    const middle = await row(ctx, 7);
    await asSuperuser(ctx, 'delete from audit_log where seq = 7');
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, checked: 6, firstBroken: { seq: 7, reason: 'missing' } });
    await reinsert(ctx, middle);

    const last = await row(ctx, 11);
    await asSuperuser(ctx, 'delete from audit_log where seq = 11');
    const result = await verifyAuditChain(ctx);
    expect(result).toMatchObject({ ok: false, checked: 10, firstBroken: { seq: 11, reason: 'missing' } });
    expect(result.firstBroken?.message).toContain('审计记录第 11 条被篡改或删除');
    await reinsert(ctx, last);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 11 });
  });

  it('fails where entries were swapped', async () => {
    const [a, b] = [await row(ctx, 3), await row(ctx, 4)];
    await asSuperuser(ctx, 'update audit_log set seq = -4 where seq = 4');
    await asSuperuser(ctx, 'update audit_log set seq = 4 where seq = 3');
    await asSuperuser(ctx, 'update audit_log set seq = 3 where seq = -4');
    expect((await verifyAuditChain(ctx)).firstBroken).toMatchObject({ seq: 3, reason: 'altered' });
    await asSuperuser(ctx, 'delete from audit_log where seq in (3, 4)');
    await reinsert(ctx, a);
    await reinsert(ctx, b);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true });
  });

  it('fails at an entry inserted past the head', async () => {
    const last = await row(ctx, 11);
    await reinsert(ctx, { ...last, seq: 12, prev_hash: last.hash });
    expect((await verifyAuditChain(ctx)).firstBroken).toMatchObject({ seq: 12, reason: 'beyond_head' });
    await asSuperuser(ctx, 'delete from audit_log where seq = 12');
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 11 });
  });

  it('keeps a valid chain under parallel appends', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => recordAudit(ctx, record(100 + i, { actor: cliActor() }))));
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, checked: 71, head: { seq: 71 } });
  });

  it('never stores a full personal ID number or a credential', async () => {
    const entry = await recordAudit(
      ctx,
      record(1, {
        target: '/api/v1/subjects?idNumber=410402199001011234',
        purpose: '核查 410402199001011234 的申请',
        details: { body: { idNumber: '41040219900101123X', note: '联系 13812345678，证件 410402199001011234', password: 'Secret-2024!' } },
      }),
    );
    const stored = JSON.stringify(await row(ctx, entry.seq));
    expect(stored).not.toMatch(/410402199001011234|41040219900101123X|13812345678|Secret-2024!/);
    expect(entry.target).toBe('/api/v1/subjects?idNumber=4104**********1234');
    expect(entry.details).toEqual({
      body: { idNumber: '4104**********123X', note: '联系 138****5678，证件 4104**********1234', password: '[已隐去]' },
    });
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true });
  });
});
