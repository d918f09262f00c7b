// Import with a preview: the lead uploads a .txt with a personal number, a phone number and a name; the
// preview shows counts per kind and each passage in context; listing the missed name "Elsa" as "Barn 1"
// raises the name count; after the commit the reader shows "[Barn 1]" and never the originals, and
// nothing was kept in browser storage or the URL. "Avbryt" discards an upload; a bad name is refused.
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STUDY, deepText, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';
import { readerBlockCount, revealBlock } from '../setup/reader.ts';

const test = browserSuite('the lead imports a file through a preview');

const FILE = [
  'Kompletterande journalutdrag',
  '',
  '2031-05-02 Telefonsamtal med skolan',
  'Elsa har hög frånvaro. Mamma nås på 070-123 45 67 efter klockan tre.',
  '',
  '2031-06-10 Uppföljningsmöte i hemmet',
  'Pappa 19900101-2385 samtycker till fortsatt kontakt. Elsas lärare deltar.',
  '',
].join('\n');

async function openFamily(browser: Browser, url: string, family: string): Promise<Page> {
  const page = await openAs(browser, url, 'projektledare');
  await page.goto(`${url}/#/studier/${DEMO_STUDY}/familjer/${family}`);
  await page.locator('bs-reader section.block').first().waitFor();
  await page.locator('bs-import-panel summary').click();
  return page;
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Fil').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
  await page.locator('bs-import-preview h3').waitFor();
}

/** The preview's count for one kind ('personnummer', 'telefon', 'namn', …). */
async function count(page: Page, kind: string): Promise<string> {
  return ((await page.locator(`bs-import-preview dl.counts [data-kind="${kind}"] dd`).textContent()) ?? '').trim();
}

test('shows what will be replaced, takes a missed name, and stores only pseudonyms', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-f');
  const seen: string[] = [];
  page.on('console', (m) => seen.push(m.text()));
  try {
    await upload(page, 'komplettering.txt', FILE);
    const preview = page.locator('bs-import-preview');
    assert.is((await preview.locator('h3').textContent())?.trim(), 'Förhandsgranskning: komplettering');
    await preview.getByText('Daterade händelser: 2').waitFor();
    assert.is(await count(page, 'personnummer'), '1');
    assert.is(await count(page, 'telefon'), '1');
    assert.is(await count(page, 'namn'), '0');
    assert.is((await preview.locator('dl.counts [data-kind="telefon"] dt').textContent())?.trim(), 'Telefonnummer');

    // Each passage in context: before, the original struck out, its pseudonym, after.
    const pnr = preview.locator('ol.passages li', { has: page.locator('del', { hasText: '19900101-2385' }) });
    assert.is(await pnr.count(), 1);
    const pnrText = (await pnr.textContent()) ?? '';
    assert.match(pnrText, /Pappa tas bort: 19900101-2385/);
    assert.match(pnrText, /samtycker till fortsatt kontakt/);
    assert.match((await pnr.locator('ins').textContent()) ?? '', /\[[A-Z]+-[0-9a-f]+\]/);
    const phone = preview.locator('ol.passages li', { has: page.locator('del', { hasText: '070-123 45 67' }) });
    assert.match((await phone.textContent()) ?? '', /Mamma nås på/);

    // List the missed name: the preview is fetched again and counts it.
    await preview.getByLabel('Namn', { exact: true }).fill('Elsa');
    await preview.getByLabel('Ersätts med (t.ex. Barn 1, Mamma)').fill('Barn 1');
    await preview.getByRole('button', { name: 'Lägg till namn' }).click();
    await preview.getByText('Namnet ersätts nu med [Barn 1].', { exact: false }).waitFor();
    assert.is(await count(page, 'namn'), '2', 'Elsa and Elsas');
    assert.match((await preview.locator('ol.passages li', { has: page.locator('ins', { hasText: '[Barn 1]' }) }).first().textContent()) ?? '',
      /Elsa.*\[Barn 1\]/);
    assert.match((await preview.getByText('Listade namn för familjen:').textContent()) ?? '', 'Barn 1');

    await preview.getByRole('button', { name: 'Importera dokumentet' }).click();
    const done = page.locator('bs-import-panel .result .ok');
    await done.waitFor();
    assert.is((await done.textContent())?.trim(), 'Dokumentet importerades: 2 daterade händelser.');
    assert.is(await page.locator('bs-import-preview').count(), 0, 'the preview is gone');

    const block = await revealBlock(page, 'Telefonsamtal med skolan');
    assert.match((await block.textContent()) ?? '', /\[Barn 1\] har hög frånvaro/);
    const second = await revealBlock(page, 'Uppföljningsmöte i hemmet');
    assert.match((await second.textContent()) ?? '', /Pappa \[PNR-[0-9a-f]+\] samtycker[^]*\[Barn 1\]s lärare/);
    const text = await deepText(page);
    assert.ok(text.includes('[Barn 1]'));
    for (const original of ['Elsa', '19900101-2385', '070-123 45 67']) {
      assert.not.ok(text.includes(original), `the page no longer shows ${original}`);
      assert.not.ok(seen.some((line) => line.includes(original)), `the console never got ${original}`);
    }
    assert.is(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing in browser storage');
    assert.not.match(page.url(), /Elsa|19900101/);
  } finally {
    await page.context().close();
  }
});

test('"Avbryt" discards the upload, and a name of two words is refused with the input kept', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-g');
  try {
    const before = await readerBlockCount(page);
    await upload(page, 'utkast.md', FILE);
    const preview = page.locator('bs-import-preview');
    await preview.getByLabel('Namn', { exact: true }).fill('Elsa Berg');
    await preview.getByLabel('Ersätts med (t.ex. Barn 1, Mamma)').fill('Barn 1');
    await preview.getByRole('button', { name: 'Lägg till namn' }).click();
    const alert = preview.getByRole('alert');
    await alert.waitFor();
    assert.ok(((await alert.textContent()) ?? '').length > 10, 'a message in Swedish');
    assert.is(await preview.getByLabel('Namn', { exact: true }).inputValue(), 'Elsa Berg', 'the input is kept');
    assert.is(await count(page, 'namn'), '0');

    await preview.getByRole('button', { name: 'Avbryt' }).click();
    await page.locator('bs-import-panel .result', { hasText: 'Importen avbröts. Inget sparades.' }).waitFor();
    assert.is(await page.locator('bs-import-preview').count(), 0);
    await page.getByLabel('Fil').waitFor();
    assert.is(await readerBlockCount(page), before, 'nothing was imported');
  } finally {
    await page.context().close();
  }
});

test('a file that is not what its name says fails with the server\'s message', async ({ server, browser }) => {
  const page = await openFamily(browser, server.url, 'familj-h');
  try {
    await page.getByLabel('Fil').setInputFiles({ name: 'akt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('inte en pdf') });
    await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
    const alert = page.locator('bs-import-panel > [role="alert"], bs-import-panel [role="alert"]').first();
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Filen kunde inte läsas: .*PDF/);
    await page.getByLabel('Fil').waitFor();
  } finally {
    await page.context().close();
  }
});

test.run();
