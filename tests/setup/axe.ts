// Shared by the accessibility tests: a browser suite on the demo case-file study and the demo
// målgruppsinventering, and axe-core's WCAG 2.1 A/AA violations of a page as lines a reader can act on.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { suite } from 'uvu';
import { launchBrowser } from './browser.ts';
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
