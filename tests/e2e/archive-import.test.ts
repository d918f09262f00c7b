// The lead imports a whole case-file archive on "Importera ett arkiv": a zip with the folders familj-g/ and
// familj-h/ is uploaded, its progress reaches "n av n filer", the duplicate and the undated file are
// warned about, the page finds the job again after the lead has left it, a name in running text is
// suggested and confirmed with a label, and after "Spara i studien" the new documents are listed for
// familj-g with the label in place of the name and no personal number left. The page fits 640 px.
// The name is Elsa, not Tindra: "tindra" is an ordinary Swedish verb and not among the known first
// names, so the server's name suggester does not offer it. Several plain files get their family from
// the file name, and a discarded import stores nothing.
import * as assert from 'uvu/assert';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { DEMO_STUDY, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('the lead imports a case-file archive');

/** One of Skatteverket's test personal numbers (tests/unit/personnummer.test.ts). */
const PNR = '19900101-2385';
const PNR_DIGITS = ['199001012385', '9001012385'];

const AKT_1 = [
  'Akt 1, familj G',
  '',
  '2015-03-02 Anmälan',
  `Skolan ringde om Elsa som inte kommit. Mamma (${PNR}) har inte svarat i telefon.`,
  '',
  '2015-04-10 Utredning',
  'Vid hembesöket berättade mamma att Elsa sover dåligt och inte vill gå till skolan.',
].join('\n');

const AKT_2 = [
  'Akt 2, familj G',
  '',
  '2016-01-20 Uppföljning',
  'Kuratorn meddelar att närvaron har blivit bättre under hösten.',
].join('\n');

const UNDATED = 'Anteckning utan datum.\nFamiljen har flyttat till en större lägenhet. Inget datum finns här.';

const AKT_H = [
  'Akt, familj H',
  '',
  '2017-09-05 Journalanteckning',
  'Föräldrarna kommer på mötet och berättar att stödet i hemmet fungerar.',
].join('\n');

function archive(): Buffer {
  return Buffer.from(zipSync({
    'familj-g/akt-1.txt': strToU8(AKT_1),
    'familj-g/akt-2.txt': strToU8(AKT_2),
    'familj-g/kopia-akt-1.txt': strToU8(AKT_1),
    'familj-g/anteckning.txt': strToU8(UNDATED),
    'familj-h/akt.txt': strToU8(AKT_H),
  }));
}

const TOTAL = 5;

const overflow = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

async function documentsOf(page: Page, url: string, family: string): Promise<{ id: string; title: string }[]> {
  const r = await page.request.get(`${url}/api/studies/${DEMO_STUDY}/families/${family}/documents`);
  assert.is(r.status(), 200);
  return r.json();
}

test('a zip of family folders is read with progress and warnings, a suggested name is confirmed, and the documents are stored pseudonymised', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    const before = new Set((await documentsOf(page, server.url, 'familj-g')).map((d) => d.id));

    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}`);
    await page.getByRole('link', { name: 'Importera ett arkiv' }).click();
    await page.getByRole('heading', { name: 'Importera ett arkiv', level: 1 }).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'Ett zip-arkiv (en mapp per familj)' }).isChecked(), 'the archive is the default');
    await page.getByLabel('Arkivfil (.zip)').setInputFiles({ name: 'akter.zip', mimeType: 'application/zip', buffer: archive() });
    await page.getByRole('button', { name: 'Ladda upp och läs in' }).click();

    const count = page.locator('bs-import-job-files .count');
    await count.filter({ hasText: `${TOTAL} av ${TOTAL} filer` }).waitFor();
    await page.getByRole('heading', { name: 'Filerna är inlästa' }).waitFor();
    const live = (await page.locator('bs-archive-import-view [role=status].visually-hidden').textContent()) ?? '';
    assert.match(live, `Alla filer är inlästa (${TOTAL} av ${TOTAL})`);

    const row = (name: string) => page.locator('bs-import-job-files ol.files > li', { has: page.locator('.name', { hasText: name }) });
    assert.match((await row('familj-g/kopia-akt-1.txt').textContent()) ?? '', /Varning: Dubblett[\s\S]*dubblett av familj-g\/akt-1\.txt/);
    assert.match((await row('familj-g/anteckning.txt').textContent()) ?? '', 'Varning: Inga daterade händelser');
    assert.match((await row('familj-h/akt.txt').textContent()) ?? '', 'Familj: Familj H');
    assert.match((await row('familj-g/akt-1.txt').textContent()) ?? '', 'Status: inläst');

    // The lead leaves and comes back: the job is shown again.
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}`);
    await page.getByRole('link', { name: 'Importera ett arkiv' }).click();
    await count.filter({ hasText: `${TOTAL} av ${TOTAL} filer` }).waitFor();

    const familyG = page.locator('bs-name-suggestions', { has: page.getByRole('heading', { name: 'Familj G' }) });
    const elsa = familyG.getByRole('group', { name: /^Elsa/ });
    await elsa.waitFor();
    assert.match((await elsa.textContent()) ?? '', 'Skolan ringde om Elsa');
    assert.is(await elsa.getByLabel('Ersätts med').inputValue(), 'Namn 1', 'a default label is prefilled');
    const personnummer = familyG.locator('[data-kind=personnummer] dd');
    assert.is((await personnummer.textContent())?.trim(), '1', 'the duplicate does not count in the preview');

    await page.setViewportSize({ width: 640, height: 900 });
    const size = await overflow(page);
    assert.ok(size.scrollWidth <= size.innerWidth, `the page scrolls sideways at 640 px: ${size.scrollWidth} > ${size.innerWidth}`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // By keyboard: Space picks "Bekräfta som namn", Enter in the label field sends the family's decisions.
    await elsa.getByRole('radio', { name: 'Bekräfta som namn' }).focus();
    await page.keyboard.press('Space');
    assert.ok(await elsa.getByRole('radio', { name: 'Bekräfta som namn' }).isChecked());
    await elsa.getByLabel('Ersätts med').fill('Barn 5');
    await elsa.getByLabel('Ersätts med').press('Enter');
    await familyG.getByText('Sparat för Familj G: 1 bekräftade som namn').waitFor();
    assert.is(await familyG.getByRole('group', { name: /^Elsa/ }).count(), 0, 'the confirmed name is no longer suggested');
    assert.match((await familyG.locator('.hint').first().textContent()) ?? '', 'Barn 5', 'the label is listed for the family');
    assert.is((await familyG.locator('[data-kind=namn] dd').textContent())?.trim(), '2', 'both mentions are now replaced');

    await page.getByRole('button', { name: 'Spara i studien' }).click();
    const done = page.locator('bs-archive-import-view section', { has: page.getByRole('heading', { name: 'Importen är sparad' }) });
    await done.waitFor();
    const summary = (await done.textContent()) ?? '';
    assert.match(summary, '4 dokument sparades i studien.');
    assert.match(summary, '1 dubblett hoppades över.');
    assert.match(summary, 'Familj G: 3 dokument');
    assert.match(summary, 'Familj H: 1 dokument');
    assert.ok(await done.getByRole('link', { name: 'Till studien' }).isVisible());

    const added = (await documentsOf(page, server.url, 'familj-g')).filter((d) => !before.has(d.id));
    assert.is(added.length, 3, 'akt-1, akt-2 and the undated note; not the duplicate');
    const texts = await Promise.all(added.map(async (d) => {
      const r = await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/documents/${d.id}`);
      assert.is(r.status(), 200);
      return ((await r.json()) as { text: string }).text;
    }));
    const all = texts.join('\n');
    assert.match(all, 'Skolan ringde om [Barn 5] som inte kommit.');
    assert.not.match(all, 'Elsa');
    const digits = all.replace(/\D/g, '');
    for (const pnr of PNR_DIGITS) assert.not.ok(digits.includes(pnr), 'no personal number is stored');
  } finally {
    await context.close();
  }
});

test('several files take their family from the file name, and a discarded import stores nothing', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    const before = (await documentsOf(page, server.url, 'familj-h')).length;
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/import`);
    await page.getByRole('radio', { name: 'Flera filer' }).check();
    await page.getByLabel('Filer', { exact: true }).setInputFiles([
      { name: 'Familj H journal.txt', mimeType: 'text/plain', buffer: Buffer.from(AKT_H) },
      { name: 'utdrag.txt', mimeType: 'text/plain', buffer: Buffer.from(AKT_2) },
    ]);
    const first = page.getByRole('combobox', { name: 'Familj för Familj H journal.txt' });
    const second = page.getByRole('combobox', { name: 'Familj för utdrag.txt' });
    assert.is(await first.inputValue(), 'familj-h', 'the pseudonym in the file name picks the family');
    assert.is(await second.inputValue(), '', 'no family is guessed for a name that has none');
    await page.getByRole('button', { name: 'Ladda upp och läs in' }).click();
    const alert = page.locator('bs-archive-upload [role=alert]');
    assert.match((await alert.textContent()) ?? '', 'Välj familj för varje fil: utdrag.txt');
    await second.selectOption('familj-h');
    await page.getByRole('button', { name: 'Ladda upp och läs in' }).click();
    await page.locator('bs-import-job-files .count', { hasText: '2 av 2 filer' }).waitFor();
    await page.getByRole('button', { name: 'Spara i studien' }).waitFor();
    await page.getByRole('button', { name: 'Kasta importen' }).click();
    await page.getByRole('button', { name: 'Ja, kasta' }).click();
    await page.getByText('Importen kastades. Inget sparades.').waitFor();
    assert.is((await documentsOf(page, server.url, 'familj-h')).length, before);
  } finally {
    await context.close();
  }
});

test.run();
