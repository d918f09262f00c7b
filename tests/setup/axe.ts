// Shared by the accessibility tests: a browser suite on the demo case-file study and the demo
// målgruppsinventering, and axe-core's WCAG 2.1 A/AA violations of a page as lines a reader can act on.
import { createRequire } from 'node:module';
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

/** axe-core (the copy @axe-core/playwright ships, so the rules are the same) as a script to put in a page. */
const AXE_SOURCE: string = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core').source;

interface Violation { id: string; impact: string | null; help: string; targets: string[] }

/**
 * axe-core's WCAG 2.1 A/AA violations of the page as it is now (inside shadow roots too), each labelled
 * with `where`. axe runs in the page itself, put there once per document, and only the violations come
 * back: AxeBuilder's default runs it in parts and finishes in a second page, and hands every passing
 * node over the protocol too, which took 1–2 s per check on a small page and 11 s on the inventory's.
 */
export async function violations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate<Violation[], string[]>(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } })
      .axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }))),
    WCAG_21_AA,
  );
  return found.map((v) => `${where}: [${v.impact}] ${v.id} – ${v.help}: ${v.targets.join(', ')}`);
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
