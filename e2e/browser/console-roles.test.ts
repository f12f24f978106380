import { existsSync, rmSync } from 'node:fs';
import { buildApp, createLogger, openContext, parseConfig, seedDemo } from '@pubcredit/server';
import type { AppContext } from '@pubcredit/server';
import type { Role } from '@pubcredit/domain';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../cli/run-cli';
import { CHROMIUM, beijing, choose, expectAccessible, prepareWeb, shot, signInNewAccount } from './console-helpers';

// Issue #3 as each role meets the console: a department sees its own department only, by name;
// the credit centre sees every department; while the audit trail cannot be written, the
// administrator and the auditor are told (and nobody else), and afterwards the auditor finds the
// entries written late, marked 补记, by search and in the export. The server runs in this process
// on the embedded engine (the production bootstrap, openContext + buildApp, with the demo data),
// so that the test can make the database refuse audit entries the way a lost INSERT privilege does.

/** The demo's departments: 市场监督管理局 (penalties, the list) and 住房和城乡建设局 (licences). */
const MARKET = { uscc: '11410400005847120C', name: '平顶山市市场监督管理局' };
const HOUSING = { uscc: '11410400005846902N', name: '平顶山市住房和城乡建设局' };
const PASSWORD = 'Pds-Roles-2026!x';
/** Not the server's zone: every time on screen must still be Beijing time. */
const BROWSER_ZONE = 'America/New_York';

interface Batch {
  batchId: string;
  sourceDept: string;
  fileName: string;
  receivedAt: string;
}

interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  actorName: string | null;
  details: { spooled?: { spooledAt: string; replayedAt: string } };
}

describe.skipIf(!existsSync(CHROMIUM))('staff console by role in headless Chromium (needs Debian chromium at /usr/bin/chromium)', () => {
  const dataDir = tempDataDir();
  let ctx: AppContext | undefined;
  let app: FastifyInstance | undefined;
  let base = '';
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  /** The signed-in page of each account, by username. */
  const pages = new Map<string, Page>();
  let batches: Batch[] = [];

  /** A browser of its own (cookies apart) with a new signed-in account of the role. */
  async function signedIn(role: Role, username: string, departmentUscc?: string): Promise<Page> {
    if (!ctx || !browser) throw new Error('not started');
    const page = await signInNewAccount({ ctx, browser, base, password: PASSWORD, timezoneId: BROWSER_ZONE }, role, username, departmentUscc);
    contexts.push(page.context());
    pages.set(username, page);
    return page;
  }


  function pageOf(username: string): Page {
    const page = pages.get(username);
    if (!page) throw new Error(`${username} is not signed in`);
    return page;
  }

  const batchOf = (fileName: string): Batch => {
    const batch = batches.find((b) => b.fileName === fileName);
    if (!batch) throw new Error(`no demo batch ${fileName}`);
    return batch;
  };

  /** The audit trail refuses new entries (as when the application role lost INSERT on audit_log); reads of it still work. */
  async function trailRefusesWrites(refuse: boolean): Promise<void> {
    if (!ctx) throw new Error('not started');
    if (refuse) {
      await ctx.db.query(`create function e2e_audit_refuse() returns trigger language plpgsql as $$ begin raise exception 'permission denied for table audit_log'; end $$`);
      await ctx.db.query('create trigger e2e_audit_refuse before insert on audit_log for each row execute function e2e_audit_refuse()');
    } else {
      await ctx.db.query('drop trigger e2e_audit_refuse on audit_log');
      await ctx.db.query('drop function e2e_audit_refuse()');
    }
  }

  async function health(): Promise<{ audit: { status: string; pending: number; lost: number } }> {
    const res = await fetch(`${base}/api/v1/health`);
    return (await res.json()) as { audit: { status: string; pending: number; lost: number } };
  }

  beforeAll(async () => {
    prepareWeb();
    ctx = await openContext(parseConfig({ PUBCREDIT_DATA_DIR: dataDir }), 'e2e console roles', { log: createLogger('silent'), server: true });
    await seedDemo(ctx);
    app = await buildApp(ctx, { http: { loginRateLimit: 0, rateLimit: 0 } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const officer = await signedIn('credit_officer', 'officer');
    const list = await officer.request.get(`${base}/api/v1/batches`);
    batches = ((await list.json()) as { batches: Batch[] }).batches;
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
    await ctx?.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows a department clerk the own department's batches only, by name, and refuses another department's batch in one clear page", async () => {
    const penalties = batchOf('administrative-penalty.csv');
    const licences = batchOf('administrative-license.gbk.csv');
    expect([penalties.sourceDept, licences.sourceDept]).toEqual([MARKET.uscc, HOUSING.uscc]);

    // 部门填报员 of the 市场监督管理局: its name in the header, its two batches, not the housing bureau's.
    const reporter = await signedIn('dept_reporter', 'scjg-reporter', MARKET.uscc);
    await reporter.getByRole('heading', { name: '数据报送' }).waitFor();
    await expect(reporter.getByTestId('current-department').innerText()).resolves.toBe(MARKET.name);
    await reporter.getByRole('link', { name: '报送批次', exact: true }).click();
    await reporter.getByRole('row', { name: /administrative-penalty\.csv/ }).waitFor();
    const rows = await reporter.getByRole('row').allInnerTexts();
    expect(rows.some((r) => r.includes('serious-dishonesty-list.csv'))).toBe(true);
    expect(rows.some((r) => r.includes('administrative-license'))).toBe(false);
    // Its own department needs no column; times are Beijing time although the browser is in New York.
    await expect(reporter.getByRole('columnheader', { name: '报送部门' }).count()).resolves.toBe(0);
    expect(rows.find((r) => r.includes('administrative-penalty.csv'))).toContain(beijing(penalties.receivedAt, 'minute'));
    await expectAccessible(reporter);
    await shot(reporter, 'roles-01-reporter-batches');

    // Its batch names the department (and its code); the rejected rows download.
    await reporter.getByRole('link', { name: `批次 ${penalties.batchId}` }).click();
    await reporter.getByRole('heading', { name: '批次详情' }).waitFor();
    await expect(reporter.getByRole('row', { name: /报送部门/ }).innerText()).resolves.toContain(`${MARKET.name}（${MARKET.uscc}）`);
    const own = await reporter.request.get(`${base}/api/v1/batches/${penalties.batchId}/rejected.csv`);
    expect(own.status()).toBe(200);

    // Another department's batch, by its address: one page saying why, no empty issue list that reads as "no problems".
    await reporter.goto(`${base}/console/batches/${licences.batchId}`);
    await reporter.getByRole('heading', { name: '不能查看此批次' }).waitFor();
    await expect(reporter.getByText('只能查看本部门报送的批次').count()).resolves.toBe(1);
    await expect(reporter.getByRole('heading', { name: '逐行问题清单' }).count()).resolves.toBe(0);
    await expect(reporter.getByText('没有问题：所有行都通过了校验').count()).resolves.toBe(0);
    await expectAccessible(reporter);
    await shot(reporter, 'roles-02-reporter-other-department');
    for (const path of ['', '/issues', '/rejected.csv', '/rejected.xlsx']) {
      const res = await reporter.request.get(`${base}/api/v1/batches/${licences.batchId}${path}`);
      expect(res.status()).toBe(403);
      // Chinese, and nothing of the server's insides.
      expect(await res.json()).toEqual({ code: 'FORBIDDEN', message: '只能查看本部门报送的批次' });
    }

    // 部门审核员 of the same department: the same batches, nothing to upload, no audit trail.
    const reviewer = await signedIn('dept_reviewer', 'scjg-reviewer', MARKET.uscc);
    await reviewer.getByRole('heading', { name: '报送批次' }).waitFor();
    await reviewer.getByRole('row', { name: /administrative-penalty\.csv/ }).waitFor();
    await expect(reviewer.getByRole('row', { name: /administrative-license/ }).count()).resolves.toBe(0);
    await expect(reviewer.getByRole('button', { name: '上传数据' }).count()).resolves.toBe(0);
    await expect(reviewer.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts()).resolves.toEqual(['报送批次', '信用档案核查']);
    await reviewer.goto(`${base}/console/audit`);
    await reviewer.getByRole('heading', { name: '没有权限' }).waitFor();
  });

  it("shows the credit centre every department's batches by name", async () => {
    const officer = pageOf('officer');
    await officer.goto(`${base}/console/batches`);
    const housingRow = officer.getByRole('row', { name: /administrative-license\.gbk\.csv/ });
    await expect(housingRow.innerText()).resolves.toContain(HOUSING.name);
    await expect(officer.getByRole('row', { name: /administrative-penalty\.csv/ }).innerText()).resolves.toContain(MARKET.name);
    await officer.getByRole('link', { name: `批次 ${batchOf('administrative-license.gbk.csv').batchId}` }).click();
    await officer.getByRole('heading', { name: '批次详情' }).waitFor();
    await expect(officer.getByRole('row', { name: /报送部门/ }).innerText()).resolves.toContain(`${HOUSING.name}（${HOUSING.uscc}）`);
    await expectAccessible(officer);
  });

  it('tells the administrator and the auditor, and nobody else, while the audit trail cannot be written; the auditor then finds the late entries marked 补记, searches and exports them', async () => {
    if (!app) throw new Error('not started');
    const officer = pageOf('officer');
    const admin = await signedIn('platform_admin', 'admin');
    const auditor = await signedIn('auditor', 'auditor');
    await auditor.getByRole('heading', { name: '审计日志' }).waitFor();

    await trailRefusesWrites(true);
    try {
      // The administrator registers a department: the change is made, its entry waits in the spool.
      await admin.getByRole('link', { name: '部门管理' }).click();
      await admin.getByLabel('部门名称').fill('平顶山市补记测试局');
      await admin.getByLabel('统一社会信用代码').fill('11410400MB00000432');
      await admin.getByRole('button', { name: '添加' }).click();
      await admin.getByText('已添加 平顶山市补记测试局').waitFor();
      const degraded = (await health()).audit;
      expect(degraded).toMatchObject({ status: 'degraded', lost: 0 });
      expect(degraded.pending).toBeGreaterThanOrEqual(1);

      // On the next page the administrator is told what is wrong and what to do; the read itself is refused.
      await admin.getByRole('link', { name: '用户管理' }).click();
      // The layout keeps the last page's answer until the new one arrives: wait for the one that counts the spool
      // (the refused read of the departments page may have been all the last answer knew).
      const banner = admin.getByTestId('audit-health-banner').filter({ hasText: /审计日志暂未写入/ });
      await banner.waitFor();
      const text = await banner.innerText();
      expect(text).toMatch(/审计日志暂未写入：\d+ 条记录暂存在服务器磁盘上，待补记/);
      expect(text).toContain('请检查数据库：磁盘空间、应用账号对 audit_log 的写入（INSERT）权限');
      expect(text).toContain('docs/operations/audit-spool.md');
      await admin.getByText(/审计日志暂时无法写入：为保护数据，本次查询结果不予返回/).waitFor();
      await expectAccessible(admin);
      await shot(admin, 'roles-03-admin-audit-degraded');

      // The auditor is told how the late entries will look; the credit officer is not told at all.
      await auditor.reload();
      const auditorBanner = auditor.getByTestId('audit-health-banner');
      await auditorBanner.waitFor();
      await expect(auditorBanner.innerText()).resolves.toContain('在审计日志中标为“补记”');
      await shot(auditor, 'roles-04-auditor-audit-degraded');
      await officer.goto(`${base}/console/batches`);
      await officer.getByRole('heading', { name: '报送批次' }).waitFor();
      await officer.waitForLoadState('networkidle');
      await expect(officer.getByTestId('audit-health-banner').count()).resolves.toBe(0);
    } finally {
      await trailRefusesWrites(false);
    }
    // The database accepts writes again: the spool is replayed (the next write, or within 15 s).
    await app.flushAudit();
    expect((await health()).audit).toEqual({ status: 'ok', pending: 0, lost: 0, refusing: false });

    // The auditor asks for the late entries only.
    await auditor.reload();
    await auditor.getByRole('heading', { name: '审计日志' }).waitFor();
    await expect(auditor.getByTestId('audit-health-banner').count()).resolves.toBe(0);
    await choose(auditor, /写入方式/, '仅补记');
    await auditor.getByRole('button', { name: '查询' }).click();
    const createdRow = auditor.getByRole('row', { name: /department\.create/ });
    await createdRow.waitFor();
    const late = await auditor.request.get(`${base}/api/v1/audit?spooled=true`);
    const entries = ((await late.json()) as { entries: AuditEntry[] }).entries;
    const created = entries.find((e) => e.action === 'department.create');
    const mark = created?.details.spooled;
    if (!created || !mark) throw new Error(`no late department.create in ${JSON.stringify(entries)}`);
    // Every row of the search is marked 补记, with its own time (the request's) and when it was written.
    const shown = await auditor.locator('tbody tr[data-row-key]').allInnerTexts();
    expect(shown).toHaveLength(entries.length);
    expect(shown.every((r) => r.includes('补记'))).toBe(true);
    const createdText = await createdRow.innerText();
    expect(createdText).toContain(beijing(created.at));
    expect(createdText).toContain(`写入于 ${beijing(mark.replayedAt)}`);
    expect(createdText).toContain('admin（工作人员）');
    expect(createdText).toContain('部门管理：登记信源部门');

    // Unfolded, the entry says when it was spooled and when written, in Beijing time.
    await createdRow.getByRole('button', { name: /展开行/ }).click();
    const note = auditor.getByTestId('spooled-note');
    await note.waitFor();
    await expect(note.innerText()).resolves.toContain(`（${beijing(mark.spooledAt)}）`);
    await expect(note.innerText()).resolves.toContain(`${beijing(mark.replayedAt)} 写入审计链（北京时间）`);
    await expectAccessible(auditor);
    await shot(auditor, 'roles-05-auditor-late-entries');

    // The export of this search carries the mark too: the times after the hashes, in Beijing time.
    const href = await auditor.getByRole('link', { name: /导出 CSV/ }).getAttribute('href');
    expect(href).toBe('/api/v1/audit/export.csv?spooled=true');
    const csv = await (await auditor.request.get(`${base}${href}`)).text();
    const row = csv.split('\r\n').find((l) => l.startsWith(`${created.seq},`));
    expect(row?.endsWith(`,是,${beijing(mark.spooledAt)},${beijing(mark.replayedAt)},登记信源部门`), row).toBe(true);

    // The chain, late entries included, holds; the administrator's banner is gone too.
    await auditor.getByRole('button', { name: '校验审计链' }).click();
    await auditor.getByText(/审计链完整：已校验 \d+ 条/).waitFor();
    await admin.reload();
    await admin.getByRole('row', { name: /auditor/ }).first().waitFor();
    await expect(admin.getByTestId('audit-health-banner').count()).resolves.toBe(0);
  });

  it("lets the auditor search by a department's name, by day (Beijing) and see the purpose", async () => {
    const auditor = pageOf('auditor');
    await auditor.goto(`${base}/console/audit`);
    await auditor.getByRole('heading', { name: '审计日志' }).waitFor();
    // The department by name (typed), as a clerk knows it; the reporter's reads of the first test come back.
    await auditor.getByRole('combobox', { name: /部门/ }).fill('市场监督');
    await auditor.getByTitle(`${MARKET.name}（${MARKET.uscc}）`).click();
    await auditor.getByRole('button', { name: '查询' }).click();
    const reporterRow = auditor.getByRole('row', { name: /scjg-reporter/ }).first();
    await reporterRow.waitFor();
    const rows = await auditor.locator('tbody tr[data-row-key]').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes(MARKET.name))).toBe(true);
    expect(rows.some((r) => r.includes('信用信息归集：查看报送批次'))).toBe(true);
    const href = await auditor.getByRole('link', { name: /导出 XLSX/ }).getAttribute('href');
    expect(href).toBe(`/api/v1/audit/export.xlsx?departmentUscc=${MARKET.uscc}`);

    // A day in the future (Beijing) finds nothing; today finds the entries.
    const today = beijing(new Date().toISOString()).slice(0, 10);
    const search = async (day: string) => {
      await auditor.getByPlaceholder('开始日期').fill(day);
      await auditor.getByPlaceholder('开始日期').press('Enter');
      await auditor.getByPlaceholder('结束日期').fill(day);
      await auditor.getByPlaceholder('结束日期').press('Enter');
      await auditor.getByRole('button', { name: '查询' }).click();
    };
    await search('2099-01-01');
    await auditor.getByText('没有符合条件的记录').waitFor();
    await search(today);
    await reporterRow.waitFor();
    await expectAccessible(auditor);
  });
});
