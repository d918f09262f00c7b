// A study from a REFI-QDA project, in the browser (mini study): the lead, allowed by the admin to create
// studies, opens "Skapa en studie", chooses the Ornio project (.qde) and imports it; while the server works
// a status line says so and the button is disabled; then the counts, every warning and a link to the new
// study, which shows the project's case as a family. A text file named .qde gives a Swedish error, and the
// chosen file stays in the field.
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { openAs } from '../setup/browser.ts';
import { callApi, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('REFI-QDA project import on "Skapa en studie"');
const ORNIO = join(import.meta.dirname, '../fixtures/refi/ornio-hand-authored-project.qde');

async function allowLeadToCreate(adminPage: Page, url: string): Promise<void> {
  const accounts = await callApi<{ id: string; username: string }[]>(adminPage, url, 'GET', '/api/users');
  const lead = accounts.find((a) => a.username === 'projektledare')!;
  await callApi(adminPage, url, 'PATCH', `/api/users/${lead.id}`, { mayCreateStudies: true });
}

async function openCreatePage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Skapa en studie' }).first().click();
  await page.getByRole('heading', { name: 'Skapa en studie', level: 1 }).waitFor();
  await page.getByRole('heading', { name: /Importera ett projekt från ett annat analysprogram/, level: 2 }).waitFor();
}

test('the lead imports the Ornio project and follows the link to the new study', async ({ server, browser }) => {
  const admin = await openAs(browser, server.url, 'admin');
  await allowLeadToCreate(admin, server.url);
  await admin.context().close();

  const page = await openAs(browser, server.url, 'projektledare');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await openCreatePage(page);
    const view = page.locator('bs-project-import');
    await view.getByLabel('Projektfil (.qdpx eller .qde)').setInputFiles(ORNIO);

    // Hold the server's answer, to see the form while it works.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/studies', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    const button = view.getByRole('button', { name: 'Importera projektet' });
    await button.click();
    await view.getByRole('status').getByText('Importerar …', { exact: false }).waitFor();
    assert.ok(await button.isDisabled(), 'disabled while importing');
    release();
    await view.getByText('Projektet är importerat som studien ”Sample Study”.').waitFor();
    await page.unroute('**/api/studies');
    assert.ok(await button.isEnabled());

    // By hand from the fixture: Topics, Health, Diet, Wellbeing; one Case; one Note; its one TextSource has
    // its text in sources/, which a bare .qde cannot hold, so no document and its 2 selections are dropped;
    // a picture, a PDF, an audio and a video source; Topics is not codable.
    const counts = (await view.locator('ul.counts li').allTextContents()).map((s) => s.trim());
    assert.equal(counts, ['Dokument: 0', 'Koder: 4', 'Kodningar: 0', 'Markeringar: 0', 'Memon: 1', 'Familjer: 1']);
    await view.getByText('Varningar (4):').waitFor();
    const warnings = (await view.locator('ul.warnings li').allTextContents()).map((s) => s.trim());
    assert.is(warnings.length, 4);
    assert.ok(warnings.includes('1 kod var markerad som ej kodbar (kategori). I Backspegel kan alla koder användas för kodning.'), warnings.join('\n'));
    assert.ok(warnings.includes('1 källa saknade sin textfil och importerades inte: sources/11111111-1111-1111-1111-111111111111.txt.'), warnings.join('\n'));
    assert.ok(warnings.includes('2 markerade textavsnitt i källor som inte kunde importeras togs inte med.'), warnings.join('\n'));
    assert.ok(warnings.includes('4 källor som inte är text (PDF, bild, ljud eller video) importerades inte.'), warnings.join('\n'));

    await view.getByRole('link', { name: 'Öppna studien ”Sample Study”' }).click();
    await page.getByRole('heading', { name: 'Sample Study', level: 1 }).waitFor();
    await page.locator('bs-study-view').getByRole('link', { name: 'Participant 1' }).waitFor();
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('a text file named .qde gives a Swedish error, and the file stays chosen', async ({ server, browser }) => {
  const admin = await openAs(browser, server.url, 'admin');
  await allowLeadToCreate(admin, server.url);
  await admin.context().close();
  const page = await openAs(browser, server.url, 'projektledare');
  try {
    await openCreatePage(page);
    const view = page.locator('bs-project-import');
    const input = view.getByLabel('Projektfil (.qdpx eller .qde)');
    await input.setInputFiles({ name: 'anteckningar.qde', mimeType: 'text/plain', buffer: Buffer.from('Det här är bara en textfil.\n') });
    await view.getByRole('button', { name: 'Importera projektet' }).click();
    const alert = view.getByRole('alert');
    await alert.waitFor();
    assert.is((await alert.textContent())?.trim(), 'Projektet kunde inte importeras. Filen är inget REFI-QDA-projekt (.qdpx eller .qde).');
    assert.is(await input.evaluate((el) => (el as HTMLInputElement).files?.[0]?.name), 'anteckningar.qde');
    assert.is(await view.locator('ul.counts').count(), 0);
  } finally {
    await page.context().close();
  }
});

test.run();
