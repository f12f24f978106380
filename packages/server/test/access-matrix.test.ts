import { randomUUID } from 'node:crypto';
import type { User } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import { ROLES, isDepartmentRole } from '@pubcredit/domain';
import type { Role } from '@pubcredit/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import { createApiKey } from '../src/services/api-key.service';
import { API_SCOPES, SCOPE_HOLDER } from '../src/services/api-scopes';
import type { ApiScope } from '../src/services/api-scopes';
import { COMPANY_USCC, DEPT_A, DEPT_B, addDepartments, insertSubjectFixture } from './fixtures';
import { addStaff, sessionFor } from './staff';
import { createTestApp, createTestContext } from './test-context';

// The authorisation matrix (issue #3): every route of the app × every kind of caller. Each route
// must refuse everyone it must refuse (401 when the caller is unknown, 403 when known but not
// allowed) and admit everyone it must admit (any status but 401/403: admitted callers send empty
// bodies or unknown ids, so nothing changes). A route missing from EXPECTED fails the test.

/** Who must be admitted; `owner`: the route's resource belongs to department A. */
type Expected = 'public' | { staff?: readonly Role[]; key?: ApiScope; owner?: 'A' };

interface Entry {
  expect: Expected;
  /** The URL to call when the route has parameters. */
  url?: string;
}

const ANY_STAFF = ROLES;
const ADMIN: Expected = { staff: ['platform_admin'] };
const BATCH_READ = { staff: ['dept_reporter', 'dept_reviewer', 'credit_officer'], key: 'batches:read' } as const;
const AUDIT: Expected = { staff: ['auditor', 'platform_admin'] };
const ARCHIVE: Expected = { staff: ['credit_officer', 'dept_reporter', 'dept_reviewer'] };
const NO_SUCH_ID = randomUUID();

function expectedTable(batchId: string, recordKey: string): Record<string, Entry> {
  const batch = `/api/v1/batches/${batchId}`;
  return {
    // external plugins (no declaration: public by nature)
    'GET /docs': { expect: 'public' },
    'GET /docs/': { expect: 'public' },
    'GET /docs/static/index.html': { expect: 'public' },
    'GET /docs/static/swagger-initializer.js': { expect: 'public' },
    'GET /docs/json': { expect: 'public' },
    'GET /docs/yaml': { expect: 'public' },
    'GET /docs/static/*': { expect: 'public', url: '/docs/static/swagger-ui.css' },
    'GET /': { expect: 'public' },
    // Prometheus metrics: a system key with metrics:read (the scraper) or the administrator
    'GET /metrics': { expect: { staff: ['platform_admin'], key: 'metrics:read' } },
    // public API
    'GET /api/v1/health': { expect: 'public' },
    'GET /api/v1/subjects': { expect: 'public', url: '/api/v1/subjects?q=鹰城' },
    'GET /api/v1/subjects/:code': { expect: 'public', url: `/api/v1/subjects/${COMPANY_USCC}` },
    'GET /api/v1/subjects/:code/records': { expect: 'public', url: `/api/v1/subjects/${COMPANY_USCC}/records` },
    'GET /api/v1/disclosures': { expect: 'public' },
    'GET /api/v1/disclosures.csv': { expect: 'public' },
    'GET /api/v1/disclosures/departments': { expect: 'public' },
    'GET /api/v1/subjects/:code/report.json': { expect: 'public', url: `/api/v1/subjects/${COMPANY_USCC}/report.json` },
    'GET /api/v1/subjects/:code/report.pdf': { expect: 'public', url: `/api/v1/subjects/${COMPANY_USCC}/report.pdf` },
    'GET /api/v1/reports/:reportNo/verify': { expect: 'public', url: '/api/v1/reports/PDS-20260101-0000AAAA/verify' },
    'GET /api/v1/reports/signing-key': { expect: 'public' },
    'GET /api/v1/subjects/:code/qrcode.svg': { expect: 'public', url: `/api/v1/subjects/${COMPANY_USCC}/qrcode.svg` },
    'GET /api/v1/subjects/:code/qrcode.png': { expect: 'public', url: `/api/v1/subjects/${COMPANY_USCC}/qrcode.png` },
    'GET /api/v1/catalogs': { expect: 'public' },
    'GET /api/v1/catalogs/:code/template.csv': { expect: 'public', url: '/api/v1/catalogs/administrative_penalty/template.csv' },
    'GET /api/v1/catalogs/:code/template.xlsx': { expect: 'public', url: '/api/v1/catalogs/administrative_penalty/template.xlsx' },
    'POST /api/v1/auth/login': { expect: 'public' },
    // batches: a department its own; the credit centre every department's
    'POST /api/v1/batches': { expect: { staff: ['dept_reporter'], key: 'batches:write' } },
    'GET /api/v1/batches': { expect: BATCH_READ },
    'GET /api/v1/batches/:id': { expect: { ...BATCH_READ, owner: 'A' }, url: batch },
    'GET /api/v1/batches/:id/issues': { expect: { ...BATCH_READ, owner: 'A' }, url: `${batch}/issues` },
    'GET /api/v1/batches/:id/rejected.csv': { expect: { ...BATCH_READ, owner: 'A' }, url: `${batch}/rejected.csv` },
    'GET /api/v1/batches/:id/rejected.xlsx': { expect: { ...BATCH_READ, owner: 'A' }, url: `${batch}/rejected.xlsx` },
    // records: every version (non-public ones too) for staff; a department its own records
    'GET /api/v1/records/:recordKey/versions': {
      expect: { staff: ['credit_officer', 'dept_reporter', 'dept_reviewer'], owner: 'A' },
      url: `/api/v1/records/${recordKey}/versions`,
    },
    // 信用档案核查: the whole archive of a subject, non-public records too (a department sees its own records in it)
    'GET /api/v1/archive/subjects/:code': { expect: ARCHIVE, url: `/api/v1/archive/subjects/${COMPANY_USCC}` },
    'POST /api/v1/archive/subjects/lookup': { expect: ARCHIVE },
    'POST /api/v1/records/:recordKey/publicity/end': { expect: { staff: ['credit_officer'] }, url: `/api/v1/records/${recordKey}/publicity/end` },
    // one's own session
    'POST /api/v1/auth/logout': { expect: { staff: ANY_STAFF } },
    'GET /api/v1/auth/session': { expect: { staff: ANY_STAFF } },
    'POST /api/v1/auth/password': { expect: { staff: ANY_STAFF } },
    'POST /api/v1/auth/totp/setup': { expect: { staff: ANY_STAFF } },
    'POST /api/v1/auth/totp/confirm': { expect: { staff: ANY_STAFF } },
    // administration
    'GET /api/v1/users': { expect: ADMIN },
    'POST /api/v1/users': { expect: ADMIN },
    'PATCH /api/v1/users/:id': { expect: ADMIN, url: `/api/v1/users/${NO_SUCH_ID}` },
    'POST /api/v1/users/:id/reset-password': { expect: ADMIN, url: `/api/v1/users/${NO_SUCH_ID}/reset-password` },
    'GET /api/v1/departments': { expect: { staff: ['platform_admin', 'credit_officer', 'auditor'] } },
    'POST /api/v1/departments': { expect: ADMIN },
    'GET /api/v1/apikeys': { expect: ADMIN },
    'POST /api/v1/apikeys': { expect: ADMIN },
    'POST /api/v1/apikeys/:id/revoke': { expect: ADMIN, url: `/api/v1/apikeys/${NO_SUCH_ID}/revoke` },
    // the audit trail: read by auditors (and, as declared by the audit routes, the administrator)
    'GET /api/v1/audit': { expect: AUDIT },
    'GET /api/v1/audit/export.csv': { expect: AUDIT },
    'GET /api/v1/audit/export.xlsx': { expect: AUDIT },
    'GET /api/v1/audit/verify': { expect: AUDIT },
  };
}

type Caller =
  | { kind: 'anonymous'; name: string }
  | { kind: 'user'; name: string; role: Role; dept: string | null; user: User }
  | { kind: 'key'; name: string; dept: string | null; scopes: readonly ApiScope[]; key: string };

/** A route as registered: one entry per method (HEAD routes are checked like the GET they mirror). */
function routeKeys(route: RouteOptions): string[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.map((m) => `${m} ${route.url}`);
}

function admits(expected: Expected, caller: Caller): boolean {
  if (expected === 'public') return true;
  const owner = expected.owner === 'A' ? DEPT_A.uscc : undefined;
  switch (caller.kind) {
    case 'anonymous':
      return false;
    case 'user':
      if (!expected.staff?.includes(caller.role)) return false;
      return !(owner && isDepartmentRole(caller.role) && caller.dept !== owner);
    case 'key': {
      const scope = expected.key;
      if (!scope || !caller.scopes.includes(scope)) return false;
      if ((SCOPE_HOLDER[scope] === 'department') !== (caller.dept !== null)) return false;
      return !(owner && caller.dept !== owner);
    }
  }
}

describe.each(testEngines())('authorisation matrix on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  const routes: RouteOptions[] = [];
  let table: Record<string, Entry>;
  const callers: Caller[] = [];
  /** Per required scope: a key of the right kind that lacks it. */
  const wrongScopeKey = new Map<ApiScope | undefined, Caller>();

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    const fx = await insertSubjectFixture(ctx);
    table = expectedTable(fx.batchId, fx.recordKey);
    app = await createTestApp(ctx, { onRoute: (r) => routes.push(r), http: { rateLimit: 0, loginRateLimit: 0 } });

    callers.push({ kind: 'anonymous', name: 'anonymous' });
    for (const role of ROLES) {
      const depts = isDepartmentRole(role) ? [DEPT_A.uscc, DEPT_B.uscc] : [null];
      for (const dept of depts) {
        const user = await addStaff(ctx, role, dept ?? undefined);
        callers.push({ kind: 'user', name: `${role}${dept === DEPT_A.uscc ? ' (A)' : dept ? ' (B)' : ''}`, role, dept, user });
      }
    }
    const deptScopes = API_SCOPES.filter((s) => SCOPE_HOLDER[s] === 'department');
    const systemScopes = API_SCOPES.filter((s) => SCOPE_HOLDER[s] === 'system');
    const key = async (name: string, dept: string | null, scopes: readonly ApiScope[]): Promise<Caller> => {
      const created = await createApiKey(ctx, { departmentUscc: dept ?? undefined, systemName: dept ? undefined : '政务服务网', scopes });
      return { kind: 'key', name, dept, scopes, key: created.key };
    };
    callers.push(await key('department key (A)', DEPT_A.uscc, deptScopes));
    callers.push(await key('department key (B)', DEPT_B.uscc, deptScopes));
    callers.push(await key('system key', null, systemScopes));
    for (const scope of API_SCOPES) {
      const holder = SCOPE_HOLDER[scope];
      const others = API_SCOPES.filter((s) => s !== scope && SCOPE_HOLDER[s] === holder);
      wrongScopeKey.set(
        scope,
        others.length > 0
          ? await key(`key without ${scope}`, holder === 'department' ? DEPT_A.uscc : null, others)
          : await key(`department key (no ${scope})`, DEPT_A.uscc, deptScopes),
      );
    }
    wrongScopeKey.set(undefined, callers.find((c) => c.name === 'department key (A)') as Caller);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('has an expectation for every route and no stale one', () => {
    // HEAD routes mirror a GET route (Fastify adds them) and are checked with its entry.
    const registered = new Set(routes.flatMap(routeKeys).map((k) => k.replace(/^HEAD /, 'GET ')));
    const missing = [...registered].filter((k) => !(k in table));
    expect(missing, 'routes without an entry in the access-matrix expectations').toEqual([]);
    expect(Object.keys(table).filter((k) => !registered.has(k)), 'entries for routes that no longer exist').toEqual([]);
  });

  it('every route refuses whom it must (401 unknown, 403 not allowed) and admits whom it must', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const routeKey of routeKeys(route)) {
        const [method = 'GET'] = routeKey.split(' ');
        const entry = table[routeKey.replace(/^HEAD /, 'GET ')];
        if (!entry) continue; // reported by the test above
        const url = entry.url ?? route.url;
        const required = entry.expect === 'public' ? undefined : entry.expect.key;
        const wrong = wrongScopeKey.get(required);
        for (const caller of wrong ? [...callers, { ...wrong, name: 'wrong-scope key' }] : callers) {
          const headers: Record<string, string> = {};
          if (caller.kind === 'user') Object.assign(headers, (await sessionFor(ctx, caller.user)).headers);
          if (caller.kind === 'key') headers.authorization = `Bearer ${caller.key}`;
          const unsafe = !['GET', 'HEAD'].includes(method);
          const res = await app.inject({ method, url, headers, ...(unsafe ? { payload: {} } : {}) });
          const admitted = admits(entry.expect, caller);
          const ok = admitted
            ? res.statusCode !== 401 && res.statusCode !== 403
            : res.statusCode === (caller.kind === 'anonymous' ? 401 : 403);
          if (!ok) failures.push(`${routeKey} × ${caller.name}: ${admitted ? 'must admit' : 'must refuse'}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
