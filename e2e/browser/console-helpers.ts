import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createUser } from '@pubcredit/server';
import type { AppContext } from '@pubcredit/server';
import type { Role } from '@pubcredit/domain';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../cli/run-cli';
import { wcagViolations } from './a11y';

// Helpers of the staff console specs (console.test.ts, console-roles.test.ts).

/** Debian's browser (installed by .ci/run); never a browser download of playwright's own. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const WEB_DIST = join(REPO_ROOT, 'packages/web/dist/index.html');

/** The built web app and the screenshot folder, built here when `npm ci` skipped the build. */
export function prepareWeb(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (existsSync(WEB_DIST)) return;
  const build = spawnSync('npm', ['run', 'build', '-w', '@pubcredit/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** No WCAG 2.1 A/AA violation (labels, names, contrast) on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await wcagViolations(page)).toEqual([]);
}

/** Picks an option of an antd Select by its visible text. */
export async function choose(page: Page, label: RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByTitle(option).click();
}

/** Signs in with the keyboard alone: the username field has focus, Tab to the password, Enter. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill('');
  await page.getByLabel('用户名').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

export async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

/** An instant as the console prints it: Beijing time, whatever the browser's zone. */
export function beijing(iso: string, precision: 'minute' | 'second' = 'second'): string {
  const text = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace('T', ' ');
  return text.slice(0, precision === 'second' ? 19 : 16);
}

/** Where a spec's staff sign in: its server, browser and the password every account is given. */
export interface SignInTarget {
  ctx: AppContext;
  browser: Browser;
  base: string;
  password: string;
  /** The browser's time zone: not Beijing, so that times shown in Beijing time are tested as such. */
  timezoneId: string;
}

/**
 * A new account of the role in a browser context of its own (cookies apart), signed in: the
 * one-time password changed through the API, then the login page by keyboard, as a person does.
 */
export async function signInNewAccount(t: SignInTarget, role: Role, username: string, departmentUscc?: string): Promise<Page> {
  const { password } = await createUser(t.ctx, { username, role, departmentUscc });
  const context = await t.browser.newContext({ locale: 'zh-CN', timezoneId: t.timezoneId, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const first = await page.request.post(`${t.base}/api/v1/auth/login`, { data: { username, password } });
  expect(first.status(), await first.text()).toBe(200);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const changed = await page.request.post(`${t.base}/api/v1/auth/password`, { data: { current: password, next: t.password }, headers: { 'x-csrf-token': csrfToken } });
  expect(changed.status(), await changed.text()).toBe(200);
  await page.request.post(`${t.base}/api/v1/auth/logout`, { headers: { 'x-csrf-token': ((await changed.json()) as { csrfToken: string }).csrfToken } });
  await page.goto(`${t.base}/console/login`);
  await login(page, username, t.password);
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
  return page;
}
