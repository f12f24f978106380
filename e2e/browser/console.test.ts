import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarHorizon } from '@pubcredit/domain';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDataDir } from '../cli/run-cli';
import { CHROMIUM, changePassword, choose, expectAccessible, login, prepareWeb, shot } from './console-helpers';
import { startServer } from './server';
import type { RunningServer } from './server';
import { totpCode, totpStep } from './totp';

const DEMO_PENALTIES = join(REPO_ROOT, 'packages/server/demo/administrative-penalty.csv');
/** The demo's 市场监督管理局, source of the demo penalties. */
const DEPT = { uscc: '11410400005847120C', name: '平顶山市市场监督管理局' };
// Passwords that pass the policy (12+ characters, 3 kinds, not containing the username).
const ADMIN_PASSWORD = 'Pds-Console-2026!';
const REPORTER_PASSWORD = 'Yc-Reporter-2026!';

/** The one-time password of `pubcredit users add --json`. */
function passwordFromCli(stdout: string): string {
  const body = JSON.parse(stdout) as { password?: unknown };
  if (typeof body.password !== 'string') throw new Error(`no password in: ${stdout}`);
  return body.password;
}

/**
 * The demo penalties under new document numbers, so that the upload creates records rather than
 * finding them unchanged; the demo's bad rows stay bad and come back in the report.
 */
function uploadFile(dir: string): string {
  const path = join(dir, '行政处罚-e2e.csv');
  writeFileSync(path, readFileSync(DEMO_PENALTIES, 'utf8').replaceAll('平市监罚〔', '平市监罚E2E〔'));
  return path;
}

describe.skipIf(!existsSync(CHROMIUM))('staff console in headless Chromium (needs Debian chromium at /usr/bin/chromium)', () => {
  const dataDir = tempDataDir();
  let adminInitial = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    prepareWeb();
    // The documented first-run step; the CLI holds the data-dir lock, so it runs before the server.
    const add = await runCli(['users', 'add', '--name', 'admin', '--role', '平台管理员', '--json'], dataDir);
    if (add.code !== 0) throw new Error(`users add failed: ${add.stderr}`);
    adminInitial = passwordFromCli(add.stdout);
    server = await startServer(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    // Two embedded databases' worth of start-up (CLI, then server with the demo data) on a busy CI machine.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('administrator signs in, sets up 动态口令, creates a department reporter and finds it in the audit trail; the reporter changes the initial password and uploads for the own department', async () => {
    if (!server) throw new Error('server not started');
    const base = server.url;

    // 1. The administrator created on the command line signs in; a wrong password is refused in Chinese.
    await page.goto(`${base}/console/`);
    await page.getByRole('heading', { name: '信用平顶山 管理后台' }).waitFor();
    await expectAccessible(page);
    await login(page, 'admin', 'not-the-password');
    await expect(page.getByRole('alert').first().innerText()).resolves.toContain('用户名或密码错误');
    await shot(page, '01-login-refused');
    await login(page, 'admin', adminInitial);
    const landed = await Promise.race([
      page.getByRole('heading', { name: '用户管理' }).waitFor().then(() => 'users' as const),
      page.getByRole('heading', { name: '修改密码' }).waitFor().then(() => 'password' as const),
    ]);
    let adminPassword = adminInitial;
    if (landed === 'password') {
      // A generated one-time password must be changed before anything else.
      await changePassword(page, adminInitial, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: '用户管理' }).waitFor();
      adminPassword = ADMIN_PASSWORD;
    }
    // The administrator is told when the working-day calendar lacks this year, or from November
    // next year (chinese-days covers 2004–2026; this data directory loaded none).
    const beijingToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const calendarNote = calendarHorizon(Array.from({ length: 23 }, (_, i) => 2004 + i), beijingToday).message;
    const calendarBanner = page.getByTestId('calendar-health-banner');
    if (calendarNote) await expect(calendarBanner.innerText()).resolves.toContain(calendarNote);
    else expect(await calendarBanner.count()).toBe(0);
    await expectAccessible(page);
    await shot(page, '02-admin-users');

    // 2. The administrator turns on the second factor and signs in again with it.
    await page.getByRole('link', { name: '动态口令' }).click();
    await page.getByLabel('当前密码').fill(adminPassword);
    await page.getByRole('button', { name: '获取密钥' }).click();
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.innerText()).replace(/\s/g, '');
    await expectAccessible(page);
    await shot(page, '03-totp-setup');
    const confirmStep = totpStep();
    await page.getByLabel('App 上显示的 6 位数字').fill(totpCode(secret, confirmStep));
    await page.getByRole('button', { name: '启用动态口令' }).click();
    await page.getByText('动态口令已启用').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await login(page, 'admin', adminPassword);
    await page.getByLabel('动态口令').waitFor();
    // A code is accepted once: sign in with the next step's (the server allows one step of drift).
    await page.getByLabel('动态口令').fill(totpCode(secret, Math.max(totpStep(), confirmStep + 1)));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '用户管理' }).waitFor();

    // 3. …and creates a 部门填报员 of the demo 市场监督管理局; the one-time password is shown once.
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill('scjg-reporter');
    await dialog.getByLabel('姓名').fill('王填报');
    await choose(page, /角色/, '部门填报员');
    await choose(page, /所属部门/, `${DEPT.name}（${DEPT.uscc}）`);
    await dialog.getByRole('button', { name: '创建' }).click();
    const secretPassword = page.getByTestId('one-time-secret');
    await secretPassword.waitFor();
    const initialPassword = (await secretPassword.innerText()).trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await shot(page, '04-reporter-created');
    await page.getByRole('button', { name: '我已记下，关闭' }).click();
    await expect(page.getByRole('row', { name: /scjg-reporter/ }).innerText()).resolves.toContain('部门填报员');

    // The creation is in the audit trail, whose SM3 chain holds; the search exports as CSV.
    await page.getByRole('link', { name: '审计日志' }).click();
    // The action is picked by its Chinese name; the search and the export use its code.
    await page.getByLabel('操作', { exact: true }).fill('新建');
    await page.locator('.ant-select-item-option', { hasText: '新建账号（user.create）' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    const createdRow = page.getByRole('row', { name: /user\.create/ }).first();
    await createdRow.waitFor();
    await expect(createdRow.innerText()).resolves.toContain('新建账号');
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链完整：已校验 \d+ 条/).waitFor();
    await expectAccessible(page);
    await shot(page, '05-audit');
    const exportHref = await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href');
    expect(exportHref).toBe('/api/v1/audit/export.csv?action=user.create');
    const exported = await page.request.get(`${base}${exportHref}`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain('user.create');

    // 4. Logout ends the session on the server; the reporter signs in and must change the initial password first.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect((await page.request.get(`${base}/api/v1/auth/session`)).status()).toBe(401);
    await login(page, 'scjg-reporter', initialPassword);
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await expectAccessible(page);
    await shot(page, '06-reporter-must-change-password');
    await changePassword(page, initialPassword, REPORTER_PASSWORD);
    await page.getByRole('heading', { name: '数据报送' }).waitFor();
    // The reporter sees the own department by name (and code), on the page and in the header.
    await expect(page.getByTestId('own-department').innerText()).resolves.toBe(`${DEPT.name}（${DEPT.uscc}）`);
    await expect(page.getByTestId('current-department').innerText()).resolves.toBe(DEPT.name);
    // The reporter's menu has no administration.
    await expect(page.getByRole('link', { name: '用户管理' }).count()).resolves.toBe(0);

    // 5. Upload 行政处罚 for the own department and read the per-row report.
    await choose(page, /信息目录/, '行政处罚（administrative_penalty）');
    await page.locator('input[type=file]').setInputFiles(uploadFile(dataDir));
    await page.getByRole('button', { name: '上传并校验' }).click();
    const report = page.getByTestId('upload-report');
    await report.waitFor({ timeout: 60_000 });
    await expect(report.getByRole('status').innerText()).resolves.toMatch(/共 40 行：\d+ 行已入库，[1-9]\d* 行已退回/);
    expect(await report.getByRole('row').filter({ hasText: '错误（已退回）' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await shot(page, '07-upload-report');

    // The rejected rows download with the session cookie, with the reasons added.
    const csvHref = await report.getByRole('link', { name: /下载 CSV/ }).getAttribute('href');
    expect(csvHref).toMatch(/^\/api\/v1\/batches\/[0-9a-f-]{36}\/rejected\.csv$/);
    const rejected = await page.request.get(`${base}${csvHref}`);
    expect(rejected.status()).toBe(200);
    expect(await rejected.text()).toContain('错误原因');

    // 6. The batch is listed among the department's own.
    await page.getByRole('link', { name: '报送批次', exact: true }).click();
    await page.getByRole('row', { name: /行政处罚-e2e\.csv/ }).waitFor();
    await expectAccessible(page);
    await shot(page, '08-batches');
  }, 180_000);
});
