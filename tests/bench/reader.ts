// The reader row of the benchmark: Chromium opens a family's 5 MB case file; how long until the first
// screen shows, and until the reader has the whole file and shows its last entry at the end of the page.
import { FULL_CHROMIUM_PATH, launchBrowser, logIn } from '../setup/browser.ts';

export async function measureReader(base: string, study: string, family: string) {
  // The full browser, not the headless shell the tests use: what a caseworker's screen shows.
  const browser = await launchBrowser(FULL_CHROMIUM_PATH);
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
    // The reader has the whole document once it holds every block (only those near the viewport are in the
    // DOM); then the page is scrolled to its end, each frame, until the last entry is on screen. Checked
    // in the page: asking Playwright through every shadow root every 10 ms took a tenth of the page's thread.
    const reader = await page.locator('bs-reader').elementHandle();
    await page.waitForFunction(([el, n]) => (el as unknown as { blocks: unknown[] }).blocks.length >= (n as number), [reader, expected] as const, { polling: 'raf' });
    await page.waitForFunction((el) => {
      const { blocks, shadowRoot } = el as unknown as { blocks: { key: string }[]; shadowRoot: ShadowRoot };
      window.scrollTo(0, document.documentElement.scrollHeight);
      const last = shadowRoot.querySelector(`section[data-block="${CSS.escape(blocks.at(-1)!.key)}"]`);
      const box = last?.getBoundingClientRect();
      return !!box && box.top < window.innerHeight && box.bottom > 0;
    }, reader, { polling: 'raf' });
    const scrollToEndMs = performance.now() - t;
    return { bytes: docs[0].length as number, blocks: expected as number, fetchMs, firstScreenMs, scrollToEndMs };
  } finally {
    await browser.close();
  }
}
