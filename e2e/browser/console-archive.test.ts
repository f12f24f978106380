import { existsSync, rmSync } from 'node:fs';
import { buildApp, createLogger, openContext, parseConfig, seedDemo } from '@pubcredit/server';
import type { AppContext } from '@pubcredit/server';
import type { Role } from '@pubcredit/domain';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../cli/run-cli';
import { CHROMIUM, beijing, expectAccessible, prepareWeb, shot, signInNewAccount } from './console-helpers';
import { demoIdNumbers, idNumbersOn } from './portal-helpers';

// 信用档案核查 as the staff use it: the 信用中心业务员 finds a company by two characters of its name,
// reads every record of it with its publicity state, ends the publicity of a public one after 信用修复
// (the public API no longer lists it), and finds a natural person by ID number without the number
// ever entering an address; a 部门填报员 of another department sees only its own department's
// records of the same company, and cannot end anything. The server runs in this process on the
// embedded engine with the demo data (as console-roles.test.ts); the browser is in New York, so
// every time on screen must be Beijing time.

const MARKET = { uscc: '11410400005847120C', name: '平顶山市市场监督管理局' };
const HOUSING = { uscc: '11410400005846902N', name: '平顶山市住房和城乡建设局' };
/** Penalties and a list entry (市场监督管理局) and two licences (住房和城乡建设局) in the demo. */
const COMPANY = { uscc: '91410402MA2YUMA33Y', name: '平顶山市新华区恒达商贸有限公司', fragment: '恒达' };
/** A natural person of the demo (synthetic number): a penalty and a licence. */
const PERSON = { idNumber: '410403198509232845', name: '王秀兰', masked: '4104**********2845' };
const PASSWORD = 'Pds-Archive-2026!x';
const BROWSER_ZONE = 'America/New_York';
const SEARCH_LABEL = '统一社会信用代码、主体标识、名称或身份证号码';

interface ArchiveRecord {
  recordKey: string;
  catalog: string;
  docNo: string;
  sourceDept: string;
  sourceDeptName: string | null;
  publicState: string;
}

interface StaffArchive {
  subject: { subjectId: string; name: string; uscc: string | null; idMasked: string | null };
  records: ArchiveRecord[];
  total: number;
  states: Record<string, number>;
}

describe.skipIf(!existsSync(CHROMIUM))('信用档案核查 in headless Chromium (needs Debian chromium at /usr/bin/chromium)', () => {
  const dataDir = tempDataDir();
  let ctx: AppContext | undefined;
  let app: FastifyInstance | undefined;
  let base = '';
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  /** A browser of its own (cookies apart) with a new signed-in account of the role. */
  async function signedIn(role: Role, username: string, departmentUscc?: string): Promise<Page> {
    if (!ctx || !browser) throw new Error('not started');
    const page = await signInNewAccount({ ctx, browser, base, password: PASSWORD, timezoneId: BROWSER_ZONE }, role, username, departmentUscc);
    contexts.push(page.context());
    return page;
  }


  /** The archive as the page's user may read it (the API, with the page's session cookie). */
  async function archiveOf(page: Page, code: string, query = ''): Promise<StaffArchive> {
    const res = await page.request.get(`${base}/api/v1/archive/subjects/${code}?limit=100${query}`);
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as StaffArchive;
  }

  /** The record keys the public API shows of the company (no session, no cache). */
  async function publicKeys(): Promise<string[]> {
    const res = await fetch(`${base}/api/v1/subjects/${COMPANY.uscc}?limit=100`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { records: { recordKey: string }[] }).records.map((r) => r.recordKey);
  }

  const rowsOf = (page: Page) => page.getByTestId('archive-records').locator('tbody tr[data-row-key]');

  beforeAll(async () => {
    prepareWeb();
    ctx = await openContext(parseConfig({ PUBCREDIT_DATA_DIR: dataDir }), 'e2e console archive', { log: createLogger('silent'), server: true });
    await seedDemo(ctx);
    app = await buildApp(ctx, { http: { loginRateLimit: 0, rateLimit: 0 } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
    await ctx?.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the credit officer find a company by two characters, read every record with its state and end one publicity after 信用修复', async () => {
    const officer = await signedIn('credit_officer', 'officer');
    await expect(officer.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts()).resolves.toEqual(['部门管理', '报送批次', '信用档案核查']);
    await officer.getByRole('link', { name: '信用档案核查', exact: true }).click();
    await officer.getByRole('heading', { name: '信用档案核查', level: 1 }).waitFor();

    // Two characters of the name: the public search, its hits linking to the archive.
    await officer.getByLabel(SEARCH_LABEL).fill(COMPANY.fragment);
    await officer.getByLabel(SEARCH_LABEL).press('Enter');
    const hit = officer.getByRole('link', { name: COMPANY.name });
    await hit.waitFor();
    expect(new URL(officer.url()).searchParams.get('q')).toBe(COMPANY.fragment);
    await expectAccessible(officer);
    await hit.click();

    // The company: name, code, kind; every record of both departments, each with its state.
    await officer.getByRole('heading', { name: COMPANY.name, level: 1 }).waitFor();
    expect(new URL(officer.url()).pathname).toBe(`/console/archive/${COMPANY.uscc}`);
    await expect(officer.getByTestId('subject-code').innerText()).resolves.toBe(COMPANY.uscc);
    await officer.getByText('法人及非法人组织').waitFor();
    const all = await archiveOf(officer, COMPANY.uscc);
    expect(new Set(all.records.map((r) => r.sourceDept))).toEqual(new Set([MARKET.uscc, HOUSING.uscc]));
    await expect.poll(() => rowsOf(officer).count(), { timeout: 10_000 }).toBe(all.total);
    const texts = await rowsOf(officer).allInnerTexts();
    expect(texts.some((t) => t.includes(MARKET.name))).toBe(true);
    expect(texts.some((t) => t.includes(HOUSING.name))).toBe(true);
    expect(texts.every((t) => /公示中|不予公示|已到期|已修复|已撤销/.test(t))).toBe(true);
    // The state filter's buttons are radios (hidden inputs in their labels) named with the counts.
    await expect(officer.getByRole('radio', { name: `公示中（${all.states.public}）` }).count()).resolves.toBe(1);
    await officer.getByRole('radio', { name: `全部（${all.total}）`, checked: true }).waitFor({ state: 'attached' });
    await expect(officer.getByRole('table', { name: `${COMPANY.name}的信用记录` }).count()).resolves.toBe(1);
    await expectAccessible(officer);

    // A public penalty: the one to end. It is on the public API now.
    const target = all.records.find((r) => r.publicState === 'public' && r.catalog === 'administrative_penalty');
    if (!target) throw new Error(`no public penalty of ${COMPANY.name}: ${JSON.stringify(all.states)}`);
    expect(await publicKeys()).toContain(target.recordKey);
    const row = officer.getByTestId('archive-records').locator(`tr[data-row-key="${target.recordKey}"]`);

    // Its versions, in a drawer.
    await row.getByRole('button', { name: /版本/ }).click();
    const drawer = officer.getByRole('dialog', { name: `记录版本：${target.docNo}` });
    await drawer.getByText('当前版本').waitFor();
    await expectAccessible(officer);
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();
    await drawer.waitFor({ state: 'hidden' });

    // 终止公示: reason and 依据 are required; then 信用修复 with its 依据.
    await row.getByRole('button', { name: /终止公示/ }).click();
    const dialog = officer.getByRole('dialog', { name: '终止公示' });
    await dialog.getByRole('button', { name: '确认终止' }).click();
    await dialog.getByText('请选择终止原因').waitFor();
    await dialog.getByText('请填写依据，如信用修复决定书文号').waitFor();
    await dialog.getByRole('radio', { name: '信用修复' }).check();
    await dialog.getByLabel('依据').fill('平信修〔2026〕8号 信用修复决定书');
    await expectAccessible(officer);
    const ended = officer.waitForResponse((r) => r.url().endsWith(`/records/${target.recordKey}/publicity/end`));
    await dialog.getByRole('button', { name: '确认终止' }).click();
    const answer = (await (await ended).json()) as { publicityEndReason: string; publicityEndedAt: string };
    expect(answer.publicityEndReason).toBe('repaired');
    await officer.getByText('已终止公示').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The row says 已修复, when (Beijing time), and offers nothing more to end.
    await row.getByText('已修复').waitFor();
    await expect(row.innerText()).resolves.toContain(`终止于 ${beijing(answer.publicityEndedAt, 'minute')}`);
    await expect(row.getByRole('button', { name: /终止公示/ }).count()).resolves.toBe(0);
    await shot(officer, 'archive-01-officer-repaired');

    // The 已修复 filter lists it (in the address too); the public API no longer does.
    await officer.locator('label').filter({ has: officer.getByRole('radio', { name: /^已修复/ }) }).click();
    await officer.waitForURL(/state=repaired/);
    await officer.getByRole('radio', { name: '已修复（1）', checked: true }).waitFor({ state: 'attached' });
    await row.waitFor();
    const repaired = await rowsOf(officer).allInnerTexts();
    expect(repaired.length).toBe((await archiveOf(officer, COMPANY.uscc, '&state=repaired')).total);
    expect(repaired.every((t) => t.includes('已修复'))).toBe(true);
    expect(await publicKeys()).not.toContain(target.recordKey);
    await expectAccessible(officer);
  }, 120_000);

  it('finds a natural person by ID number without the number entering an address, and shows it masked', async () => {
    const officer = await signedIn('credit_officer', 'officer2');
    const urls: string[] = [];
    officer.on('request', (r) => urls.push(r.url()));
    await officer.goto(`${base}/console/archive`);
    await officer.getByLabel(SEARCH_LABEL).fill(PERSON.idNumber);
    await officer.getByRole('button', { name: /查询/ }).click();
    await officer.getByRole('heading', { name: PERSON.name, level: 1 }).waitFor();
    expect(officer.url()).toMatch(/\/console\/archive\/[0-9a-f-]{36}$/);
    await expect(officer.getByTestId('subject-code').innerText()).resolves.toBe(PERSON.masked);
    await rowsOf(officer).first().waitFor();
    expect(urls.filter((u) => u.includes(PERSON.idNumber))).toEqual([]);
    expect(await idNumbersOn(officer, demoIdNumbers())).toEqual([]);
    await expectAccessible(officer);

    // A number whose check digit fails is refused in the page, before any request.
    await officer.goto(`${base}/console/archive`);
    await officer.getByLabel(SEARCH_LABEL).fill(`${PERSON.idNumber.slice(0, 17)}0`);
    await officer.getByRole('button', { name: /查询/ }).click();
    await officer.getByRole('alert').getByText(/校验不通过/).waitFor();
  }, 90_000);

  it("shows a department reporter only its own department's records of the company, and no 终止公示", async () => {
    const reporter = await signedIn('dept_reporter', 'zjj-reporter', HOUSING.uscc);
    await expect(reporter.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts()).resolves.toEqual(['数据报送', '报送批次', '信用档案核查']);
    await reporter.getByRole('link', { name: '信用档案核查', exact: true }).click();
    await reporter.getByLabel(SEARCH_LABEL).fill(COMPANY.uscc.toLowerCase());
    await reporter.getByLabel(SEARCH_LABEL).press('Enter');
    await reporter.getByRole('heading', { name: COMPANY.name, level: 1 }).waitFor();

    const own = await archiveOf(reporter, COMPANY.uscc);
    expect(own.total).toBeGreaterThan(0);
    expect(own.records.every((r) => r.sourceDept === HOUSING.uscc)).toBe(true);
    await expect.poll(() => rowsOf(reporter).count(), { timeout: 10_000 }).toBe(own.total);
    const texts = await rowsOf(reporter).allInnerTexts();
    expect(texts.every((t) => t.includes(HOUSING.name))).toBe(true);
    expect(texts.some((t) => t.includes(MARKET.name))).toBe(false);
    await reporter.getByRole('radio', { name: `全部（${own.total}）`, checked: true }).waitFor({ state: 'attached' });
    await expect(reporter.getByRole('button', { name: /终止公示/ }).count()).resolves.toBe(0);
    await expectAccessible(reporter);
  }, 90_000);
});
