// Browser tests over the mini study (tests/fixtures/mini-study: families fam-1…fam-3, users projektledare,
// socsek1, socsek2 and forskare1, password "demo"): one server and one Chromium per file, like browserSuite,
// plus a small JSON client that calls the API with a page's session (for setup the UI does not offer here).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { MINI_STUDY_DIR } from './app.ts';
import { apiRequest, launchBrowser } from './browser.ts';
import type { BrowserContext } from './e2e.ts';
import { startTestServer } from './server.ts';

export const MINI = 'mini';

export function miniBrowserSuite(name: string) {
  const s = suite<BrowserContext>(name);
  s.before(async (ctx) => {
    ctx.server = await startTestServer({ studyDir: MINI_STUDY_DIR });
    ctx.browser = await launchBrowser();
  });
  s.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return s;
}

/** Calls the API as the page's user and returns the JSON answer; fails the test on an error status. */
export async function callApi<T = unknown>(page: Page, baseUrl: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string,
  data?: unknown, headers?: Record<string, string>): Promise<T> {
  const response = method === 'GET'
    ? await page.request.get(`${baseUrl}${path}`)
    : await apiRequest(page, baseUrl, method, path, { data, headers });
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

export /** Selects `phrase` in the reader's text, as a user dragging over it would. */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const block = page.locator('bs-reader section.block', { hasText: phrase });
  await block.scrollIntoViewIfNeeded();
  await block.evaluate((section, wanted) => {
    const walker = document.createTreeWalker(section.querySelector('.text')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(wanted);
      if (at >= 0) {
        document.getSelection()!.setBaseAndExtent(n, at, n, at + wanted.length);
        return;
      }
    }
    throw new Error(`not in the block: ${wanted}`);
  }, phrase);
}

export /** Lets the reader act on a selection change (it reads the selection in an animation frame). */
function settle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
