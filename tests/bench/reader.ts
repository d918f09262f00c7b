// The reader row of the benchmark: Chromium opens a family's 5 MB case file; how long until the first
// screen shows, and until the reader can show the last entry.
import { launchBrowser, logIn } from '../setup/browser.ts';

export async function measureReader(base: string, study: string, family: string) {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await logIn(page, base, 'socsek1');
    const docs = await page.evaluate(async (u) => (await fetch(u)).json(), `${base}/api/studies/${study}/families/${family}/documents`);
    const fetchMs = await page.evaluate(async (u) => {
      const t = performance.now();
      await (await fetch(u)).json();
      return performance.now() - t;
    }, `${base}/api/studies/${study}/documents/${docs[0].id}`);
    const expected = docs[0].entryCount + 1; // the entries plus the text before the first one

    let t = performance.now();
    await page.goto(`${base}/#/studier/${study}/familjer/${family}`);
    await page.locator('bs-reader section.block').first().waitFor({ state: 'visible' });
    const firstScreenMs = performance.now() - t;

    t = performance.now();
    // Counted in the page, in the reader's own shadow root, each frame: asking Playwright to count every
    // block through all shadow roots, every 10 ms, took a tenth of the page's thread it measures.
    const reader = await page.locator('bs-reader').elementHandle();
    await page.waitForFunction(([el, n]) => (el as Element).shadowRoot!.querySelectorAll('section.block').length >= (n as number), [reader, expected] as const, { polling: 'raf' });
    const blocks = page.locator('bs-reader section.block');
    await blocks.last().scrollIntoViewIfNeeded();
    await blocks.last().waitFor({ state: 'visible' });
    const scrollToEndMs = performance.now() - t;
    return { bytes: docs[0].length as number, blocks: expected as number, fetchMs, firstScreenMs, scrollToEndMs };
  } finally {
    await browser.close();
  }
}
