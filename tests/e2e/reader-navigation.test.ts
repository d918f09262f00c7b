// Reading a case file: the timeline moves the reader to an entry (in view, focused); the question buttons
// are reachable with the keyboard and Esc closes the form; a selection over two entries is refused with a
// message; an expired session leads back to the login form with an explanation.
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STUDY, deepActiveElement, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('reading and navigating a case file');

async function openFamily(browser: Browser, url: string, family: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page, url, 'socsek1');
  await page.goto(`${url}/#/studier/${DEMO_STUDY}/familjer/${family}`);
  await page.locator('bs-reader section.block').first().waitFor();
  return page;
}

/** Selects characters [from, to) of the body text of the reader's block `key` through the DOM Selection API. */
function selectInBlock(page: Page, key: string, from: number, to: number, endKey = key): Promise<void> {
  return page.locator(`bs-reader section[data-block="${key}"]`).evaluate((section, [f, t, k2]) => {
    const root = section.getRootNode() as ShadowRoot;
    const a = section.querySelector('.text span[data-o]')!.lastChild as Text;
    const other = root.querySelector(`section[data-block="${k2}"] .text span[data-o]`)!.lastChild as Text;
    document.getSelection()!.setBaseAndExtent(a, f as number, other, t as number);
  }, [from, to, endKey] as const);
}

test('a timeline entry scrolls the reader to it and moves focus there', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-c');
  try {
    const count = await page.locator('bs-timeline li.year').count();
    assert.ok(count >= 10, `the timeline covers the family's years (${count})`);
    const years = page.locator('bs-timeline li.year:has(button.toggle:not([disabled]))');
    const row = years.nth(Math.floor((await years.count()) * 0.7));
    const year = (await row.locator('.y').textContent())!.trim();
    await row.getByRole('button', { name: `Visa händelser ${year}` }).click();
    const entries = row.locator('button.entry');
    const entry = entries.nth(Math.min(2, (await entries.count()) - 1));
    const date = (await entry.locator('.date').textContent())!.split('·')[0]!.trim();
    await entry.click();
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
    const focused = await deepActiveElement(page);
    assert.is(focused?.tag, 'section', 'focus moved to the entry');
    assert.ok(focused!.text.startsWith(date), `focused entry "${focused!.text.slice(0, 40)}" is dated ${date}`);
    // Where the jump settles: blocks around the entry render for the first time and the reader keeps the
    // entry at the top until its position has held for three frames (at most a second).
    const entryBlock = page.locator(`bs-reader section[data-block="${focused!.block}"]`);
    let box = await entryBlock.boundingBox();
    for (let i = 0; i < 20 && !(box && box.y >= 0 && box.y < 900); i++) {
      await page.waitForTimeout(50);
      box = await entryBlock.boundingBox();
    }
    assert.ok(box && box.y >= 0 && box.y < 900, `entry is in the viewport (top ${box?.y})`);
  } finally {
    await page.context().close();
  }
});

test('the question buttons are reachable by keyboard and Esc closes the form', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-d');
  try {
    // Keyboard only: to an entry from the timeline, then a selection there (as caret browsing would make).
    await page.getByRole('button', { name: /^Visa händelser/ }).first().focus();
    await page.keyboard.press('Enter');
    const entry = page.locator('bs-timeline button.entry').nth(1);
    await entry.focus();
    await page.keyboard.press('Enter');
    // The jump focuses the entry once the reader has it rendered.
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.matches('section.block');
    });
    const target = await deepActiveElement(page);
    assert.is(target?.tag, 'section');
    await selectInBlock(page, target!.block!, 0, 10);
    await page.getByRole('toolbar', { name: 'Markera som:' }).waitFor();

    await page.keyboard.press('Tab');
    assert.is((await deepActiveElement(page))?.text, '1 Tidiga tecken', 'Tab reaches question 1');
    await page.keyboard.press('Tab');
    assert.is((await deepActiveElement(page))?.text, '2 Outnyttjade öppningar');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.annotation');
    await dialog.getByRole('heading', { name: 'Ny markering' }).waitFor();
    assert.ok(await dialog.getByRole('radio', { name: 'Outnyttjade öppningar' }).isChecked());
    assert.is((await deepActiveElement(page))?.tag, 'textarea', 'focus is in the comment');
    await page.keyboard.type('utkast');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
    assert.is(await dialog.evaluate((d: HTMLDialogElement) => d.open), false, 'Esc closed the form');
    assert.is(await page.locator('bs-reader bs-annotation-card').count(), 0, 'nothing was saved');
    await page.waitForFunction(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.tagName === 'SECTION';
    }, undefined, { timeout: 2000 }).catch(() => undefined);
    const back = await deepActiveElement(page);
    assert.is(back?.block, target!.block, 'focus is back in the same entry');
  } finally {
    await page.context().close();
  }
});

test('a selection over two entries is refused with a message', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-d');
  try {
    const keys = await page.locator('bs-reader section.block').evaluateAll((els) => els.slice(2, 4).map((e) => e.getAttribute('data-block')!));
    await selectInBlock(page, keys[0]!, 3, 5, keys[1]!);
    const alert = page.locator('bs-reader .toast[role="alert"]');
    await alert.waitFor();
    assert.is((await alert.textContent())?.trim(), 'Markera text inom en händelse i taget.');
    assert.is(await page.getByRole('toolbar', { name: 'Markera som:' }).count(), 0);
  } finally {
    await page.context().close();
  }
});

test('an expired session leads to the login form with a message', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-c');
  try {
    await page.request.fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { Origin: server.url } });
    await page.locator('bs-timeline button.jump').first().click(); // no request
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    assert.match((await page.locator('bs-login-view .notice').textContent()) ?? '', 'Du har loggats ut');
    await page.getByLabel('Användarnamn').fill('socsek1');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Mina familjer' }).waitFor();
  } finally {
    await page.context().close();
  }
});

test.run();
