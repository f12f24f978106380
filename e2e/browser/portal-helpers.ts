import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../cli/run-cli';
import { wcagViolations } from './a11y';
import type { A11yViolation } from './a11y';

const DEMO = join(REPO_ROOT, 'packages/server/demo');

/**
 * Every full 居民身份证号码 in the demo files (the 法定代表人 and natural persons' numbers): none may
 * reach a public page. The licence file is GBK; the numbers are ASCII either way.
 */
export function demoIdNumbers(): string[] {
  const text = ['administrative-penalty.csv', 'administrative-license.gbk.csv', 'serious-dishonesty-list.csv'].map((f) => readFileSync(join(DEMO, f), 'latin1')).join('\n');
  return [...new Set(text.match(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g) ?? [])];
}

/** Anything shaped like an 18-digit ID number (area code, birth date 18xx–20xx, sequence, check). */
export const ID_NUMBER_SHAPE = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;

/** The page's HTML and text never hold a full ID number. */
export async function idNumbersOn(page: Page, known: readonly string[]): Promise<string[]> {
  const html = await page.content();
  const found = known.filter((id) => html.includes(id));
  const shaped = html.match(ID_NUMBER_SHAPE);
  return shaped ? [...found, shaped[0]] : found;
}

/** The WCAG violations that block: serious and critical ones (axe's own impact levels). */
export async function blockingViolations(page: Page): Promise<A11yViolation[]> {
  return (await wcagViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The page does not scroll sideways on a phone. */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
