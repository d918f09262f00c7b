// Reflections: the text saves itself after a pause and is there after a reload; when a newer version was
// saved in between (by the same user in another tab, or by someone else — each said as such), the conflict
// is shown, the typed text is kept, and "Skriv över med min text" stores it; leaving with unsaved text asks first.
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { Reflection } from '../../server/domain/types.ts';
import { DEMO_STUDY, apiRequest, logIn, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('reflections save themselves and never lose text');

async function openReflections(browser: Browser, url: string, family: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page, url, 'socsek1');
  await page.goto(`${url}/#/studier/${DEMO_STUDY}/familjer/${family}/reflektioner`);
  await page.getByLabel('Sammanfattning').waitFor();
  return page;
}

/** The status line under one reflection ('summary' or a question id). */
function status(page: Page, key: string) {
  return page.locator(`bs-reflections-view section[data-key="${key}"] .status`);
}

async function waitForStatus(page: Page, key: string, pattern: RegExp): Promise<string> {
  const line = status(page, key);
  await line.filter({ hasText: pattern }).waitFor({ timeout: 8000 });
  return (await line.textContent())!.trim();
}

test('autosaves after typing stops and keeps the text over a reload', async ({ server, browser }) => {
  const page = await openReflections(browser, server.url, 'familj-c');
  try {
    const summary = page.getByLabel('Sammanfattning');
    await summary.click();
    await page.keyboard.type('Familjen har varit känd i **många** år.');
    assert.match(await status(page, 'summary').textContent() ?? '', /inte sparats|Sparar/);
    const saved = await waitForStatus(page, 'summary', /^Sparat \d\d:\d\d$/);
    assert.match(saved, /^Sparat \d\d:\d\d$/);
    await page.reload();
    await page.getByLabel('Sammanfattning').waitFor();
    assert.is(await page.getByLabel('Sammanfattning').inputValue(), 'Familjen har varit känd i **många** år.');
    assert.match((await status(page, 'summary').textContent()) ?? '', 'Senast sparad');

    await page.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    assert.is(await page.locator('bs-reflections-view section[data-key="summary"] bs-markdown-view strong').textContent(), 'många');
  } finally {
    await page.context().close();
  }
});

test('a conflicting save keeps my text and lets me overwrite', async ({ server, browser }) => {
  const page = await openReflections(browser, server.url, 'familj-d');
  try {
    const key = 'tidiga-tecken';
    const box = page.getByLabel('1 Tidiga tecken');
    await box.click();
    await page.keyboard.type('Min första text.');
    await page.keyboard.press('Tab'); // leaving the field saves at once
    await waitForStatus(page, key, /^Sparat/);
    await box.focus();
    await box.press('End');

    // Someone else saves the same reflection in between.
    const path = `/api/studies/${DEMO_STUDY}/families/familj-d/reflections/${key}`;
    const current = (await (await page.request.get(`${server.url}${path}`)).json()) as Reflection;
    const other = await apiRequest(page, server.url, 'PUT', path, {
      data: { text: 'Någon annans text.' }, headers: { 'If-Match': String(current.version) },
    });
    assert.is(other.status(), 200);

    await page.keyboard.type(' Och mer.');
    const alert = page.locator(`bs-reflections-view section[data-key="${key}"] [role="alert"]`);
    await alert.waitFor({ timeout: 8000 });
    assert.match((await alert.textContent()) ?? '', 'Du har sparat en nyare version i en annan flik', 'my own save in another tab');
    assert.is((await alert.locator('bs-markdown-view p').textContent())?.trim(), 'Någon annans text.', 'their version is shown');
    assert.is(await box.inputValue(), 'Min första text. Och mer.', 'my text is kept');

    await alert.getByRole('button', { name: 'Skriv över med min text' }).click();
    await waitForStatus(page, key, /^Sparat/);
    assert.is(await alert.count(), 0);
    const stored = (await (await page.request.get(`${server.url}${path}`)).json()) as Reflection;
    assert.is(stored.text, 'Min första text. Och mer.');
    assert.is(stored.version, current.version + 2);
  } finally {
    await page.context().close();
  }
});

test('"Använd den sparade versionen" takes the stored text', async ({ server, browser }) => {
  const page = await openReflections(browser, server.url, 'familj-d');
  try {
    const key = 'lyckade-insatser';
    const path = `/api/studies/${DEMO_STUDY}/families/familj-d/reflections/${key}`;
    const lead = await openAs(browser, server.url, 'projektledare');
    const put = await apiRequest(lead, server.url, 'PUT', path, { data: { text: 'Sparad av någon annan.' }, headers: { 'If-Match': '0' } });
    await lead.context().close();
    assert.is(put.status(), 200);
    await page.getByLabel('3 Lyckade insatser').fill('Mitt utkast.');
    await page.keyboard.press('Tab');
    const alert = page.locator(`bs-reflections-view section[data-key="${key}"] [role="alert"]`);
    await alert.waitFor({ timeout: 8000 });
    assert.match((await alert.textContent()) ?? '', 'Någon annan (Projektledaren) har sparat en nyare version');
    await alert.getByRole('button', { name: 'Använd den sparade versionen' }).click();
    assert.is(await page.getByLabel('3 Lyckade insatser').inputValue(), 'Sparad av någon annan.');
  } finally {
    await page.context().close();
  }
});

test('Markdown is rendered without raw HTML or unsafe links', async ({ server, browser }) => {
  const page = await openReflections(browser, server.url, 'familj-b');
  try {
    const evil = '<img src=x onerror="window.__owned=1"> [klick](javascript:window.__owned=2) [ok](https://example.org/) *kursiv*';
    await page.getByLabel('Sammanfattning').fill(evil);
    await page.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    const view = page.locator('bs-reflections-view section[data-key="summary"] bs-markdown-view');
    await view.locator('em').waitFor();
    assert.is(await view.locator('img').count(), 0, 'no image element');
    assert.match((await view.locator('p').textContent()) ?? '', '<img src=x', 'raw HTML shows as text');
    const links = await view.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.equal(links, [['ok', 'https://example.org/']], 'only the https link is a link');
    assert.is(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned), undefined);
  } finally {
    await page.context().close();
  }
});

test('leaving with unsaved text asks first', async ({ server, browser }) => {
  const page = await openReflections(browser, server.url, 'familj-c');
  try {
    await page.getByLabel('2 Outnyttjade öppningar').fill('Inte sparat ännu');
    let asked = '';
    page.on('dialog', (d) => {
      asked = d.type();
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 300));
    assert.is(asked, 'beforeunload');
  } finally {
    await page.context().close();
  }
});

test.run();
