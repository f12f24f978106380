import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntries, openDatabase, sqlState, type Database, type NewAuditEntry } from '../src/index';
import { createTestDatabase } from '../src/testing/index';

// docs/operations/database-roles.md: on the server engine the application's role may append to
// and read the audit trail, never change or remove it. This runs the documented grants against a
// test schema and a temporary role, and connects as that role.
const GRANTS = readFileSync(new URL('../../../docs/operations/app-role-grants.sql', import.meta.url), 'utf8');

function entry(action: string): NewAuditEntry {
  return {
    at: new Date(),
    actorKind: 'cli',
    actorId: 'tester',
    actorName: 'tester@host',
    departmentUscc: null,
    action,
    target: null,
    purpose: null,
    clientIp: null,
    userAgent: null,
    outcome: 'success',
    status: 0,
    details: {},
  };
}

async function refusal(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
    return 'allowed';
  } catch (err) {
    return sqlState(err);
  }
}

const PERMISSION_DENIED = '42501';
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('audit trail privileges of the application role on postgres', () => {
  let owner: Database;
  let app: Database;
  const role = `pubcredit_app_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    owner = await createTestDatabase('postgres');
    const schema = (await owner.query<{ s: string }>('select current_schema() as s')).rows[0]?.s ?? '';
    await owner.query(`create role ${role} login`);
    const script = GRANTS.replaceAll('pubcredit_app', role).replace(/\bpubcredit\b/g, schema);
    await owner.transaction((tx) => tx.exec(script));
    // As the server would open it: migrations already applied by the owner, nothing to create.
    const appUrl = new URL(url ?? '');
    appUrl.username = role;
    appUrl.password = '';
    appUrl.searchParams.set('options', `-c search_path=${schema},public`);
    app = await openDatabase({ url: appUrl.toString(), owner: 'audit privileges test' });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.query(`drop owned by ${role}`);
    await owner?.query(`drop role if exists ${role}`);
    await owner?.close();
  });

  it('connects as the application role and appends to the chain', async () => {
    expect((await app.query<{ u: string }>('select current_user as u')).rows[0]?.u).toBe(role);
    const [stored] = await app.transaction((tx) => appendAuditEntries(tx, [entry('role.append')]));
    expect(stored?.seq).toBe(1);
    expect((await app.query('select action from audit_log')).rows).toEqual([{ action: 'role.append' }]);
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit rows, nor switch off their trigger: permission denied', async () => {
    expect(await refusal(app.query(`update audit_log set action = 'forged'`))).toBe(PERMISSION_DENIED);
    expect(await refusal(app.query('delete from audit_log'))).toBe(PERMISSION_DENIED);
    expect(await refusal(app.query('truncate audit_log'))).toBe(PERMISSION_DENIED);
    expect(await refusal(app.query('alter table audit_log disable trigger audit_log_no_update'))).toBe(PERMISSION_DENIED);
    expect(await refusal(app.query('delete from audit_head'))).toBe(PERMISSION_DENIED);
    expect(await refusal(app.query(`insert into schema_migrations (version, name) values (999, 'forged')`))).toBe(PERMISSION_DENIED);
    expect((await owner.query('select action from audit_log')).rows).toEqual([{ action: 'role.append' }]);
  });

  it('still does the application’s ordinary work', async () => {
    await app.query(`insert into departments (uscc, name) values ('11410400MB0000019H', '平顶山市市场监督管理局（测试）')`);
    await app.query(`update departments set name = name || '' where uscc = '11410400MB0000019H'`);
    const [next] = await app.transaction((tx) => appendAuditEntries(tx, [entry('department.create')]));
    expect(next?.seq).toBe(2);
  });
});
