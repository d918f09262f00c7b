// The project lead imports a text file on a family's page: after the upload's preview is confirmed the
// result is shown, and the new dated entries appear in the reader and on the timeline. Caseworkers do not
// get the import form.
import * as assert from 'uvu/assert';
import { DEMO_STUDY, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';
import { readerBlockCount, revealBlock } from '../setup/reader.ts';

const test = browserSuite('the lead imports a document');

const FILE = [
  'Kompletterande journalutdrag',
  '',
  '2031-05-02 Telefonsamtal med testskolan',
  'Rektor ringer och berättar att eleven har kommit till skolan varje dag i maj.',
  '',
  '2031-06-10 Uppföljningsmöte i hemmet',
  'Familjen berättar att kontakten med BUP fungerar bra.',
  '',
].join('\n');

test('an uploaded .txt file becomes dated entries in the reader and timeline', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-e`);
    await page.locator('bs-reader section.block').first().waitFor();
    const before = await readerBlockCount(page);

    await page.locator('bs-import-panel summary').click();
    await page.getByLabel('Fil').setInputFiles({ name: 'komplettering.txt', mimeType: 'text/plain', buffer: Buffer.from(FILE) });
    await page.getByLabel('Titel (valfri)').fill('Komplettering 2031');
    await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
    const preview = page.locator('bs-import-preview');
    await preview.getByRole('heading', { name: 'Förhandsgranskning: Komplettering 2031' }).waitFor();
    await preview.getByRole('button', { name: 'Importera dokumentet' }).click();
    const done = page.locator('bs-import-panel .result .ok');
    await done.waitFor();
    assert.is((await done.textContent())?.trim(), 'Dokumentet importerades: 2 daterade händelser.');

    const heading = (await revealBlock(page, 'Telefonsamtal med testskolan')).locator('h3');
    assert.match((await heading.textContent()) ?? '', '2 maj 2031');
    assert.is(await readerBlockCount(page), before + 3, 'preamble and two entries were added');
    const year = page.locator('bs-timeline li.year', { has: page.locator('.y', { hasText: '2031' }) });
    assert.match((await year.locator('.count').textContent()) ?? '', '2 händelser');
  } finally {
    await context.close();
  }
});

test('a caseworker has no import form', async ({ server, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a`);
    await page.locator('bs-reader section.block').first().waitFor();
    assert.is(await page.locator('bs-import-panel').count(), 0);
  } finally {
    await context.close();
  }
});

test.run();
