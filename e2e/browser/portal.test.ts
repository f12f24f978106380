import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, request } from 'playwright-core';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQr, pdfText, renderPdfPage } from '../../packages/server/test/report/pdf-reader';
import { REPO_ROOT, runCli, tempDataDir } from '../cli/run-cli';
import { blockingViolations, demoIdNumbers, idNumbersOn, overflowsHorizontally } from './portal-helpers';
import { startServer } from './server';
import type { RunningServer } from './server';

// Debian's browser (installed by .ci/run); never a browser download of playwright's own.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const WEB_DIST = join(REPO_ROOT, 'packages/web/dist/index.html');
/** A demo company with 行政处罚 (市场监督管理局), 行政许可 (住房和城乡建设局) and 严重失信主体名单 (市场监督管理局) records. */
const COMPANY = { name: '平顶山市鹰城建材有限公司', uscc: '91410402MAA0M6D717', fragment: '鹰城', penaltyDocNo: '平市监罚〔2026〕100号', listDocNo: '平市监信〔2026〕1号' };
const MARKET_DEPT = { uscc: '11410400005847120C', name: '平顶山市市场监督管理局' };
/** The 信用中心业务员 who ends a record's publicity after 信用修复 (passes the password policy). */
const OFFICER = { username: 'xy-officer', password: 'Pds-Officer-2026!' };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

interface Verification {
  reportNo: string;
  found: boolean;
  authentic: boolean;
  changed: boolean;
}

describe.skipIf(!existsSync(CHROMIUM))('public portal in headless Chromium (needs Debian chromium at /usr/bin/chromium)', () => {
  const dataDir = tempDataDir();
  const idNumbers = demoIdNumbers();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let desktop: BrowserContext;
  let page: Page;
  let reportNo = '';
  let officerInitial = '';

  /** No serious/critical WCAG violation, and no full ID number in the page's HTML. */
  async function checkPage(p: Page): Promise<void> {
    expect(await blockingViolations(p)).toEqual([]);
    expect(await idNumbersOn(p, idNumbers)).toEqual([]);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (!existsSync(WEB_DIST)) {
      const build = spawnSync('npm', ['run', 'build', '-w', '@pubcredit/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
    }
    // A 信用中心业务员 for the 信用修复 step (the CLI holds the data-dir lock, so it runs first); then
    // the first start loads the demo data set (its 行政处罚 and 行政许可).
    const add = await runCli(['users', 'add', '--name', OFFICER.username, '--role', '信用中心业务员', '--json'], dataDir);
    if (add.code !== 0) throw new Error(`users add failed: ${add.stderr}`);
    officerInitial = (JSON.parse(add.stdout) as { password: string }).password;
    server = await startServer(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    // A browser set to another time zone than Beijing (a bank abroad, a PC on UTC): the portal still
    // shows the report's times as printed on it.
    desktop = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Europe/London', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', acceptDownloads: true });
    page = await desktop.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a new user finds a company by two characters of its name, opens its 信用档案 with publicity periods, downloads a report and verifies it', async () => {
    if (!server) throw new Error('server not started');
    const base = server.url;

    // 1. Home: one labelled search box; two characters of the name are enough.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: '信用信息查询', level: 1 }).waitFor();
    expect(await page.title()).toBe('信用中国（河南平顶山）');
    await expect(page.getByRole('navigation', { name: '主导航' }).innerText()).resolves.toMatch(/首页[\s\S]*双公示[\s\S]*工作人员入口/);
    await checkPage(page);
    await shot(page, 'portal-01-home');
    // Both public browses are offered: 双公示 and the 严重失信主体名单.
    const more = page.getByRole('region', { name: '更多服务' });
    await expect(more.getByRole('link', { name: '严重失信主体名单' }).getAttribute('href')).resolves.toBe('/serious-dishonesty-list');
    await expect(more.getByRole('link', { name: '双公示' }).getAttribute('href')).resolves.toBe('/disclosures');
    // With the keyboard alone: the skip link comes first and leads into the main content, whose
    // first stop is the search box. One character is explained without a request.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(await page.getByLabel('企业名称或统一社会信用代码').getAttribute('id'));
    await page.keyboard.type('鹰');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').innerText()).resolves.toContain('请至少输入 2 个字');
    await page.keyboard.type('城');
    await page.keyboard.press('Enter');

    // 2. Results, the fragment highlighted in each name.
    const result = page.getByRole('link', { name: COMPANY.name });
    await result.waitFor();
    expect(page.url()).toContain(`/search?q=${encodeURIComponent(COMPANY.fragment)}`);
    await expect(result.locator('mark').allInnerTexts()).resolves.toEqual([COMPANY.fragment]);
    await expect(page.getByRole('heading', { name: /找到 \d+ 个主体/ }).count()).resolves.toBe(1);
    await checkPage(page);
    await shot(page, 'portal-02-search');

    // An exact 统一社会信用代码 opens the 信用档案 directly.
    await page.goto(`${base}/search?q=${COMPANY.uscc.toLowerCase()}`);
    await page.waitForURL(`${base}/subjects/${COMPANY.uscc}`);
    // …replacing the search in the history: back returns to the fragment's results.
    await page.goBack();
    await result.waitFor();

    // 3. 信用档案: basic information, a tab per catalogue, records with source department and publicity period.
    // Opened with the keyboard: the new page's content has the focus, so the next Tab stays in it.
    await result.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: COMPANY.name, level: 1 }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
    expect(page.url()).toBe(`${base}/subjects/${COMPANY.uscc}`);
    await expect(page.getByText(COMPANY.uscc).first().isVisible()).resolves.toBe(true);
    await page.getByRole('tab', { name: /^行政处罚/ }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    // 双公示 first, the other eight administrative acts in the 目录's order, then 严重失信主体名单.
    expect(tabs.map((t) => t.replace(/（\d+）$/, ''))).toEqual([
      '行政许可', '行政处罚', '行政强制', '行政确认', '行政征收', '行政给付', '行政裁决', '行政补偿', '行政奖励', '行政检查', '严重失信主体名单',
    ]);
    // The tab shown first is the first with records; tabs without records are set back (grey, still AA).
    await expect(page.getByRole('tab', { selected: true, name: '行政许可（2）' }).count()).resolves.toBe(1);
    const emptyTab = page.getByRole('tab', { name: '行政强制（0）' }).locator('.portal-tab-empty');
    await expect(emptyTab.evaluate((e) => getComputedStyle(e).color)).resolves.toBe('rgba(0, 0, 0, 0.65)');
    // The demo lists the company on the 严重违法失信名单 (市场监管): said at the top, not only in the
    // eleventh tab; its button (keyboard) opens that tab and gives it the focus.
    const notice = page.getByTestId('listed-notice');
    await expect(notice.innerText()).resolves.toMatch(/^该主体已被列入严重失信主体名单（公示中 1 条）\s*查看严重失信主体名单$/);
    await notice.getByRole('button', { name: '查看严重失信主体名单' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    // (antd adds an English "Tab 11 of 11" to the focused tab's name, hence the pattern.)
    await expect(page.getByRole('tab', { selected: true, name: /严重失信主体名单（1）$/ }).count()).resolves.toBe(1);
    const listing = page.getByRole('tabpanel').getByTestId('public-record').filter({ hasText: COMPANY.listDocNo });
    await listing.waitFor();
    const listingText = await listing.innerText();
    expect(listingText).toContain('名单名称');
    expect(listingText).toContain('严重违法失信名单');
    // A listing is dated by its 列入日期 (the catalogue's name for it), not a 决定日期; 有效期至 beside it.
    expect(listingText).toContain(`列入日期：2026-08-18 · 来源部门：${MARKET_DEPT.name}`);
    expect(listingText).not.toContain('决定日期：');
    expect(listingText).toMatch(/有效期至\s+2029-08-17/);
    // The same words for the tier as the report and the CSV: 失信程度.
    expect(listingText).toMatch(/公示期至 \d{4}-\d{2}-\d{2}；可申请信用修复自 \d{4}-\d{2}-\d{2}；失信程度：严重/);
    await checkPage(page);
    await page.getByRole('tab', { name: /^行政处罚/ }).click();
    const penalty = page.getByTestId('public-record').filter({ hasText: COMPANY.penaltyDocNo });
    await penalty.waitFor();
    const penaltyText = await penalty.innerText();
    expect(penaltyText).toContain(`处罚决定日期：2026-10-23 · 来源部门：${MARKET_DEPT.name}`);
    expect(penaltyText).toMatch(/公示期至 \d{4}-\d{2}-\d{2}；可申请信用修复自 \d{4}-\d{2}-\d{2}；失信程度：(轻微|一般|严重)/);
    // The record's fields by their Chinese names.
    expect(penaltyText).toContain('违法行为类型');
    expect(penaltyText).toContain('处罚类别');
    await checkPage(page);
    await shot(page, 'portal-03-subject');
    await page.getByRole('tab', { name: /^行政许可/ }).click();
    await page.getByTestId('public-record').filter({ hasText: '平顶山市住房和城乡建设局' }).first().waitFor();
    await expect(page.getByRole('tabpanel').innerText()).resolves.not.toContain('公示期至');
    await expect(page.getByRole('tabpanel').innerText()).resolves.toContain('长期公示');

    // 4. The report dialog: a 标准信用报告 downloads as a PDF.
    await page.getByRole('button', { name: '下载信用报告' }).click();
    const dialog = page.getByRole('dialog', { name: '下载信用报告' });
    await dialog.waitFor();
    await checkPage(page);
    const pdfLink = dialog.getByRole('link', { name: '下载 PDF' });
    expect(await pdfLink.getAttribute('href')).toBe(`/api/v1/subjects/${COMPANY.uscc}/report.pdf?kind=standard`);
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const pdfPath = join(ARTIFACTS, 'portal-report.pdf');
    await download.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // Saved under the server's Chinese file name, which carries the report number.
    // The listing in the PDF is dated by its 列入日期; page 1 sums up what the report holds.
    const standardText = await pdfText(pdf);
    expect(standardText).toContain(`${COMPANY.listDocNo}（列入日期 2026-08-18）`);
    expect(standardText).toContain(`${COMPANY.penaltyDocNo}（处罚决定日期 2026-10-23）`);
    expect(standardText.replace(/\n/g, '')).toContain('信息概要：共 5 条：行政许可 2 条、行政处罚 2 条、严重失信主体名单 1 条；其余类别无公示中的记录');
    const fileName = download.suggestedFilename();
    expect(fileName).toContain(COMPANY.name);
    const pdfReportNo = /-([A-Z]+-\d{8}-[0-9A-Z]+)\.pdf$/.exec(fileName)?.[1];
    if (!pdfReportNo) throw new Error(`no report number in ${fileName}`);

    // …and a 专项信用报告 with a time range and two of the three categories.
    await dialog.getByRole('radio', { name: /专项信用报告/ }).check();
    await dialog.getByRole('checkbox', { name: '行政强制' }).uncheck();
    // The range is on the chosen categories' dates: a penalty's 决定日期, a listing's 列入日期.
    await dialog.getByRole('checkbox', { name: '行政处罚' }).uncheck();
    await dialog.getByLabel('起始日期（列入日期）').waitFor();
    await dialog.getByRole('checkbox', { name: '行政处罚' }).check();
    // A date typed into the picker (keyboard), confirmed with Enter.
    await dialog.getByLabel('起始日期（决定日期/列入日期）').click();
    await page.keyboard.type('2025-01-01');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('link', { name: '下载 PDF' }).getAttribute('href')).toContain('from=2025-01-01');
    const specialHref = await dialog.getByRole('link', { name: '下载 PDF' }).getAttribute('href');
    expect(specialHref).toBe(
      `/api/v1/subjects/${COMPANY.uscc}/report.pdf?kind=special&from=2025-01-01&categories=administrative_penalty%2Cserious_dishonesty_list`,
    );
    const special = await page.request.get(`${base}${specialHref}`);
    expect(special.status()).toBe(200);
    expect((await special.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(await special.body())).toContain('报告范围：2025-01-01 至 不限（按处罚决定日期、列入日期）');
    await checkPage(page);
    await dialog.getByRole('button', { name: '取消' }).click();

    // The downloaded PDF's number verifies on the server, and so does a JSON report of the same kind.
    const json = await page.request.get(`${base}/api/v1/subjects/${COMPANY.uscc}/report.json?kind=standard`);
    expect(json.status()).toBe(200);
    const report = (await json.json()) as { reportNo: string; verifyUrl: string; subject: { name: string } };
    expect(report.subject.name).toBe(COMPANY.name);
    expect(report.verifyUrl).toContain(`/verify/${encodeURIComponent(report.reportNo)}`);
    for (const no of [pdfReportNo, report.reportNo]) {
      const verified = (await (await page.request.get(`${base}/api/v1/reports/${encodeURIComponent(no)}/verify`)).json()) as Verification;
      expect(verified).toMatchObject({ reportNo: no, found: true, authentic: true, changed: false });
    }
    reportNo = pdfReportNo;

    // 5. The report's QR code leads to /verify/{reportNo}: 真实有效. The test follows the code itself:
    // read from page 1 of the downloaded PDF's pixels, under the server's public URL (localhost on
    // its port), whose path is opened on the address the browser uses.
    const qrUrl = decodeQr(await renderPdfPage(pdf, 1, 150));
    if (!qrUrl) throw new Error('no QR code found on page 1 of the downloaded PDF');
    const qrTarget = new URL(qrUrl);
    expect(qrTarget.origin).toBe(new URL(report.verifyUrl).origin);
    expect(qrTarget.pathname).toBe(`/verify/${encodeURIComponent(reportNo)}`);
    await page.goto(`${base}${qrTarget.pathname}${qrTarget.search}`);
    const outcome = page.getByTestId('verify-result');
    await outcome.waitFor();
    await expect(outcome.getByRole('heading', { level: 2 }).first().innerText()).resolves.toContain('真实有效');
    await expect(outcome.innerText()).resolves.toContain(COMPANY.name);
    // The issue time as the PDF prints it, in Beijing time.
    const printedAt = /生成时间：(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）)/.exec(await pdfText(pdf))?.[1];
    if (!printedAt) throw new Error('no 生成时间 on the PDF');
    await expect(outcome.innerText()).resolves.toContain(printedAt);
    await checkPage(page);
    await shot(page, 'portal-04-verify');
    await page.goto(`${base}/verify/NO-SUCH-REPORT`);
    await page.getByRole('heading', { name: '未找到该报告' }).waitFor();
    await checkPage(page);
  }, 180_000);

  it('the 信用码 card shows the QR code with alt text, the name and code, and prints the card alone', async () => {
    if (!server) throw new Error('server not started');
    const base = server.url;
    await page.goto(`${base}/subjects/${COMPANY.uscc}`);
    await page.getByRole('link', { name: '信用码' }).click();
    await page.getByRole('heading', { name: '信用码', level: 1 }).waitFor();
    expect(page.url()).toBe(`${base}/subjects/${COMPANY.uscc}/card`);
    const qr = page.getByRole('img', { name: `${COMPANY.name}的信用码：扫码查看其信用档案` });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toBe(`/api/v1/subjects/${COMPANY.uscc}/qrcode.svg`);
    // The QR image loaded (an SVG from the API, allowed by the CSP).
    await expect(qr.evaluate(async (img: HTMLImageElement) => img.decode().then(() => img.naturalWidth > 0, () => false))).resolves.toBe(true);
    const card = page.locator('.portal-card');
    await expect(card.innerText()).resolves.toContain(COMPANY.name);
    await expect(card.innerText()).resolves.toContain(COMPANY.uscc);
    await expect(page.getByRole('button', { name: '打印信用码' }).isVisible()).resolves.toBe(true);
    await checkPage(page);
    await shot(page, 'portal-05-card');
    // Printed, the card stands alone: no header, navigation, footer or buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '打印信用码' }).isVisible()).resolves.toBe(false);
    await expect(qr.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('双公示: filters by category and department, pages, and exports the same filter as CSV', async () => {
    if (!server) throw new Error('server not started');
    const base = server.url;
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '双公示' }).click();
    await page.getByRole('heading', { name: '双公示', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /共 \d+ 条公示信息|超过 1000 条公示信息/ }).waitFor();
    // 双公示 is the administrative acts': no 严重失信主体名单 among the rows or the categories (it has a page of its own).
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await expect(page.locator('tbody').innerText()).resolves.not.toContain('严重失信主体名单');
    await expect(page.locator('tbody').innerText()).resolves.not.toContain(COMPANY.listDocNo);
    // Records that are not 失信信息 are public without an end, as the 信用档案 says.
    await expect(page.locator('tbody tr.ant-table-row').filter({ hasText: '行政许可' }).first().innerText()).resolves.toContain('长期公示');

    await page.getByRole('combobox', { name: '信息类别' }).click();
    await page.getByTitle('行政处罚', { exact: true }).waitFor();
    const choices = await page.locator('.ant-select-item-option').allInnerTexts();
    expect(choices).toContain('行政检查');
    expect(choices).not.toContain('严重失信主体名单');
    await page.getByTitle('行政处罚', { exact: true }).click();
    await page.getByRole('combobox', { name: '来源部门' }).click();
    await page.getByTitle(MARKET_DEPT.name).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/catalog=administrative_penalty/);
    expect(new URL(page.url()).search).toBe(`?catalog=administrative_penalty&department=${MARKET_DEPT.uscc}`);
    const rows = page.locator('tbody tr.ant-table-row');
    // The table keeps the previous rows until the filtered ones arrive.
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        return texts.length > 0 && texts.every((row) => row.includes('行政处罚') && row.includes(MARKET_DEPT.name));
      })
      .toBe(true);
    await checkPage(page);
    await shot(page, 'portal-06-disclosures');

    const csvHref = await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href');
    expect(csvHref).toBe(`/api/v1/disclosures.csv?kind=administrative_act&catalog=administrative_penalty&department=${MARKET_DEPT.uscc}`);
    const csv = await page.request.get(`${base}${csvHref}`);
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    expect(csvText).toContain('平市监罚');
    for (const id of idNumbers) expect(csvText).not.toContain(id);

    // A subject's name leads to its 信用档案.
    await rows.first().getByRole('link').click();
    await page.getByText('信用档案', { exact: true }).waitFor();
  }, 90_000);

  it('严重失信主体名单: its own page, by 列入日期 and department, with the list’s names and its CSV', async () => {
    if (!server) throw new Error('server not started');
    const base = server.url;
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '失信名单' }).click();
    await page.getByRole('heading', { name: '严重失信主体名单', level: 1 }).waitFor();
    expect(page.url()).toBe(`${base}/serious-dishonesty-list`);
    expect(await page.title()).toBe('严重失信主体名单 · 信用中国（河南平顶山）');
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The demo's one listing still public (the other was removed from the list on 2026-04-15).
    await expect(page.getByRole('heading', { name: '共 1 条公示信息' }).count()).resolves.toBe(1);
    await expect(page.locator('thead').innerText()).resolves.toMatch(/主体名称\s+名单名称\s+认定决定文书号\s+列入日期\s+来源部门\s+公示期至/);
    await expect(rows.first().innerText()).resolves.toMatch(new RegExp(`${COMPANY.name}\\s+严重违法失信名单\\s+${COMPANY.listDocNo}\\s+2026-08-18\\s+${MARKET_DEPT.name}`));
    // One list catalogue: no category to choose; the dates are 列入日期.
    await expect(page.getByRole('combobox', { name: '信息类别' }).count()).resolves.toBe(0);
    await page.getByLabel('列入日期自').click();
    await page.keyboard.type('2026-09-01');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/from=2026-09-01/);
    await page.getByRole('heading', { name: '共 0 条公示信息' }).waitFor();
    await page.getByRole('button', { name: '重置' }).click();
    await rows.first().waitFor();
    await checkPage(page);
    await shot(page, 'portal-06b-lists');
    const csvHref = await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href');
    expect(csvHref).toBe('/api/v1/disclosures.csv?kind=list');
    const csv = await page.request.get(`${base}${csvHref}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`严重失信主体名单,${COMPANY.name},${COMPANY.uscc}`);
    // A 双公示 link to the list (bookmarked before the list had its page) lands here, filter kept.
    await page.goto(`${base}/disclosures?catalog=serious_dishonesty_list&department=${MARKET_DEPT.uscc}`);
    await page.waitForURL(`${base}/serious-dishonesty-list?catalog=serious_dishonesty_list&department=${MARKET_DEPT.uscc}`);
    await expect(rows.first().innerText()).resolves.toContain(COMPANY.listDocNo);
    await rows.first().getByRole('link', { name: COMPANY.name }).click();
    await page.getByTestId('listed-notice').waitFor();
  }, 90_000);

  it('works on a phone: home and 信用档案 without sideways scrolling', async () => {
    if (!server || !browser) throw new Error('server not started');
    const base = server.url;
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    try {
      const mobile = await phone.newPage();
      await mobile.goto(`${base}/`);
      await mobile.getByRole('heading', { name: '信用信息查询', level: 1 }).waitFor();
      expect(await overflowsHorizontally(mobile)).toBe(false);
      await shot(mobile, 'portal-07-phone-home');
      await mobile.getByLabel('企业名称或统一社会信用代码').fill(COMPANY.fragment);
      await mobile.getByRole('button', { name: '查询' }).tap();
      await mobile.getByRole('link', { name: COMPANY.name }).tap();
      await mobile.getByRole('heading', { name: COMPANY.name, level: 1 }).waitFor();
      await mobile.getByTestId('public-record').first().waitFor();
      expect(await overflowsHorizontally(mobile)).toBe(false);
      // The eleven tabs in at most four rows (not six tall ones), each at least 24 px high to tap.
      const boxes = await mobile.locator('.portal-tabs .ant-tabs-tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), height: r.height, right: r.right })));
      expect(boxes).toHaveLength(11);
      expect(new Set(boxes.map((b) => b.top)).size).toBeLessThanOrEqual(4);
      for (const b of boxes) {
        expect(b.height).toBeGreaterThanOrEqual(24);
        expect(b.right).toBeLessThanOrEqual(375);
      }
      await mobile.getByTestId('listed-notice').getByRole('button').tap();
      await mobile.getByRole('tabpanel').getByTestId('public-record').filter({ hasText: COMPANY.listDocNo }).waitFor();
      expect(await overflowsHorizontally(mobile)).toBe(false);
      await checkPage(mobile);
      await shot(mobile, 'portal-08-phone-subject');
      // The browses show a card a record on a phone, each fact named, nothing scrolling sideways.
      await mobile.goto(`${base}/serious-dishonesty-list`);
      const listed = mobile.getByTestId('disclosure-card').filter({ hasText: COMPANY.listDocNo });
      // The labels are the catalogue's own once the catalogues have loaded (a list's 列入日期).
      await listed.filter({ hasText: '列入日期' }).waitFor();
      await expect(listed.innerText()).resolves.toMatch(/列入日期\s+\d{4}-\d{2}-\d{2}/);
      expect(await mobile.locator('table').count()).toBe(0);
      expect(await overflowsHorizontally(mobile)).toBe(false);
      await checkPage(mobile);
      await mobile.goto(`${base}/disclosures`);
      await mobile.getByTestId('disclosure-card').first().waitFor();
      await expect(mobile.getByTestId('disclosure-card').first().innerText()).resolves.toMatch(/来源部门\s+\S+/);
      expect(await overflowsHorizontally(mobile)).toBe(false);
      await checkPage(mobile);
      await shot(mobile, 'portal-09-phone-disclosures');
      // A card's name opens the subject's 信用档案.
      const first = mobile.getByTestId('disclosure-card').first().getByRole('link');
      const name = (await first.innerText()).trim();
      await first.tap();
      await mobile.getByRole('heading', { name, level: 1 }).waitFor();
    } finally {
      await phone.close();
    }
  }, 90_000);

  it('信用修复: a repaired record leaves the 信用档案 and 双公示, and a report issued before it says its content has changed', async () => {
    if (!server || !browser) throw new Error('server not started');
    const base = server.url;
    const issued = await page.request.get(`${base}/api/v1/subjects/${COMPANY.uscc}/report.json?kind=standard`);
    expect(issued.status()).toBe(200);
    const before = ((await issued.json()) as { reportNo: string }).reportNo;
    const records = (await (await page.request.get(`${base}/api/v1/subjects/${COMPANY.uscc}/records?catalog=administrative_penalty&limit=50&offset=0`)).json()) as {
      records: { recordKey: string; docNo: string }[];
    };
    const repaired = records.records.find((r) => r.docNo === COMPANY.penaltyDocNo);
    if (!repaired) throw new Error(`${COMPANY.penaltyDocNo} is not public`);

    // The officer signs in (own API context, not the visitor's), changes the one-time password and ends the publicity.
    const staff: APIRequestContext = await request.newContext({ baseURL: base });
    try {
      const login = await staff.post('/api/v1/auth/login', { data: { username: OFFICER.username, password: officerInitial } });
      expect(login.status()).toBe(200);
      let csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const changed = await staff.post('/api/v1/auth/password', { data: { current: officerInitial, next: OFFICER.password }, headers: { 'x-csrf-token': csrf } });
      expect(changed.status()).toBe(200);
      csrf = ((await changed.json()) as { csrfToken: string }).csrfToken;
      const end = await staff.post(`/api/v1/records/${repaired.recordKey}/publicity/end`, {
        data: { reason: 'repaired', note: '平信修〔2026〕1号' },
        headers: { 'x-csrf-token': csrf },
      });
      expect(end.status()).toBe(200);
    } finally {
      await staff.dispose();
    }

    // Public answers may be reused for 60 s (Cache-Control): a new visitor, with an empty cache, looks.
    const visitor = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const fresh = await visitor.newPage();
    // Gone from the 信用档案…
    await fresh.goto(`${base}/subjects/${COMPANY.uscc}`);
    await fresh.getByRole('tab', { name: '行政处罚（1）' }).click();
    await fresh.getByRole('tabpanel').getByTestId('public-record').first().waitFor();
    await expect(fresh.getByRole('tabpanel').innerText()).resolves.not.toContain(COMPANY.penaltyDocNo);
    // …from 双公示 and its CSV…
    await fresh.goto(`${base}/disclosures?catalog=administrative_penalty&department=${MARKET_DEPT.uscc}`);
    await fresh.locator('tbody tr.ant-table-row').first().waitFor();
    await expect(fresh.locator('tbody').innerText()).resolves.not.toContain(COMPANY.penaltyDocNo);
    const csv = await fresh.request.get(`${base}/api/v1/disclosures.csv?catalog=administrative_penalty`);
    expect(await csv.text()).not.toContain(COMPANY.penaltyDocNo);
    // …and the report issued before still verifies as authentic, with its content changed since.
    await fresh.goto(`${base}/verify/${encodeURIComponent(before)}`);
    const outcome = fresh.getByTestId('verify-result');
    await outcome.waitFor();
    await expect(outcome.getByRole('heading', { level: 2 }).first().innerText()).resolves.toContain('报告真实，但信用信息已有变化');
    await checkPage(fresh);
    await shot(fresh, 'portal-09-verify-changed');
    await visitor.close();
  }, 90_000);
});
