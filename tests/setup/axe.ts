// Shared by the accessibility tests: a browser suite on the demo case-file study and the demo
// målgruppsinventering, and axe-core's WCAG 2.1 A/AA violations of a page as lines a reader can act on.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { launchBrowser, openAs } from './browser.ts';
import { startTestServer } from './server.ts';

export const INVENTORY_STUDY = 'demo-malgruppsinventering';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function accessibilitySuite(name: string) {
  const s = suite<{ server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser }>(name);
  s.before(async (ctx) => {
    ctx.server = await startTestServer({ inventory: true });
    ctx.browser = await launchBrowser();
  });
  s.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return s;
}

/** axe-core's WCAG 2.1 A/AA violations of the page as it is now (inside shadow roots too), each labelled with `where`. */
export async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map((v) => `${where}: [${v.impact}] ${v.id} – ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Runs `walk` as `who`; `walk` calls `check(state)` in each state; fails with every violation found. */
export async function checkStatesAs(browser: Browser, url: string, who: string, walk: (page: Page, check: (state: string) => Promise<void>) => Promise<void>): Promise<void> {
  const page = await openAs(browser, url, who);
  const found: string[] = [];
  const checked: string[] = [];
  try {
    await walk(page, async (state) => {
      checked.push(state);
      found.push(...(await violations(page, state)));
    });
    assert.ok(checked.length > 0);
    assert.equal(found, [], `${who}:\n${found.join('\n')}`);
  } finally {
    await page.context().close();
  }
}
