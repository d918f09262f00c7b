// Launches Debian's Chromium through playwright-core for the browser tests (one browser per test file).
// Example: const browser = await launchBrowser(); const page = await browser.newPage(); … await browser.close();
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's chromium-headless-shell when it is installed, else its chromium. The shell is the same Chromium
 * without the browser's UI (what Playwright itself runs headless): the browser tests took half the CPU
 * time with it (tests/e2e/search.test.ts: 33–36 s instead of 62–78 s of CPU). CHROMIUM_PATH chooses another.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH
  ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';

/** Debian's full Chromium, the browser a user runs (the bench's reader row is measured in it). */
export const FULL_CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium with networking extras off, so tests talk only to the test server. */
export function launchBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The demo study the browser tests work in. */
export const DEMO_STUDY = 'demo-komplexa-familjer';

/** Opens the app and logs in through the login form (as a user would). */
export async function logIn(page: Page, baseUrl: string, username: string, password = 'demo'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  // The start page (the study itself, when there is only one; "Konton" for an administrator in no study):
  // the app has settled on its route.
  await page.locator('bs-study-view h1, bs-studies-view h1, bs-accounts-view h1').first().waitFor();
}

/** Describes the focused element, looking through shadow roots: tag, text and a few attributes. */
export function deepActiveElement(page: Page): Promise<{ tag: string; text: string; block: string | null } | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      block: el.getAttribute('data-block'),
    };
  });
}

/** Sends a state-changing API request with the page's session, as the app itself would (same Origin). */
export function apiRequest(page: Page, baseUrl: string, method: 'PUT' | 'POST' | 'PATCH' | 'DELETE', path: string,
  options: { data?: unknown; headers?: Record<string, string> } = {}) {
  return page.request.fetch(`${baseUrl}${path}`, {
    method,
    data: options.data,
    headers: { Origin: baseUrl, 'Content-Type': 'application/json', ...options.headers },
  });
}

/** A fresh browser context (its own cookies) with `username` logged in; close it with page.context().close(). */
export async function openAs(browser: Browser, baseUrl: string, username: string, password = 'demo'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page, baseUrl, username, password);
  return page;
}

/** All text on the page, including inside shadow roots (and form field values), for "never shows X" checks. */
export function deepText(page: Page): Promise<string> {
  // A string, not a function: tsx would wrap an inner function in a __name() call the page does not know.
  return page.evaluate<string>(`(() => {
    const parts = [];
    const walk = (root) => {
      for (let n = root.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) parts.push(n.data);
        else if (n.nodeType === Node.ELEMENT_NODE) {
          if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) parts.push(n.value);
          if (n.shadowRoot) walk(n.shadowRoot);
          walk(n);
        }
      }
    };
    walk(document.body);
    return parts.join(' ');
  })()`);
}
