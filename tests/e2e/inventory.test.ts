// The målgruppsinventering in the browser (mini study's accounts; an inventory study made in setup): the lead
// imports the children from CSV on the study page (a file with a bad row lists "Rad N" and imports nothing);
// a caseworker rates two children by keyboard only (digits, Shift+digit, Enter) and finds them rated after a
// reload, and a save over a newer rating shows the stored one and keeps the choice until saved again; the lead's summary page shows the changed counts, shares and Wilson intervals (worked out by hand);
// a search for a word of a rating's reason lists it under "Bedömningar av barn", and the hit opens the child
// (the caseworker's rating panel, the lead's marked row).
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { InventoryChildView } from '../../server/domain/inventory/inventory-types.ts';
import type { StudyView } from '../../server/domain/types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { callApi, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('målgruppsinventering: import, keyboard rating, summary');

let url = '';
let studyId = '';

const csv = (rows: string[]) => ({
  name: 'barn.csv', mimeType: 'text/csv', buffer: Buffer.from(['pseudonym;enhet;åldersgrupp;handläggare', ...rows].join('\n')),
});

async function importFile(page: Page, rows: string[]): Promise<void> {
  const view = page.locator('bs-inventory-lead-tools');
  await view.getByLabel('CSV-fil med barn').setInputFiles(csv(rows));
  await view.getByRole('button', { name: 'Läs in barnen' }).click();
}

/** Whitespace as the eye reads it (the page uses no-break spaces before "%"). */
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

test.before(async ({ server, browser }) => {
  url = server.url;
  const admin = await openAs(browser, url, 'admin');
  try {
    const study = await callApi<StudyView>(admin, url, 'POST', '/api/studies', {
      template: 'malgruppsinventering', title: 'Inventering i test', legalBasis: 'follow-up', lead: 'projektledare',
    });
    studyId = study.id;
    assert.is(study.kind, 'inventory');
    // The create page has no questions to write for an inventory template.
    await admin.goto(`${url}/#/ny-studie`);
    const create = admin.locator('bs-study-create-view');
    await create.getByLabel('Aktstudie med egna frågor').check();
    await create.locator('bs-question-editor').waitFor();
    await create.getByRole('radio', { name: /Målgruppsinventering/ }).check();
    await create.getByText('Målgruppsinventering: barnen bedöms på en skala, utan reflektionsfrågor.').waitFor();
    await create.locator('bs-question-editor').waitFor({ state: 'detached' });
  } finally {
    await admin.context().close();
  }
});

test('the lead imports children from CSV; a file with a bad row names the row and imports nothing', async ({ browser }) => {
  const lead = await openAs(browser, url, 'projektledare');
  const problems: string[] = [];
  lead.on('pageerror', (e) => problems.push(e.message));
  try {
    await lead.goto(`${url}/#/studier/${studyId}`);
    await lead.getByRole('heading', { name: 'Inventering i test', level: 1 }).waitFor();
    await lead.getByText('Inga barn är inlästa ännu.').waitFor();

    await importFile(lead, ['Barn A;utredning;6-12;socsek1', 'Barn B;insats;0-5;socsek1', 'Barn C;utredning;13-17;socsek1', 'Barn D;utredning;6-12;socsek2']);
    await lead.getByText('4 barn har lästs in.').waitFor();
    await lead.getByText('0 av 4 bedömda, 4 ej bedömda').waitFor();
    const rows = lead.locator('bs-inventory-overview tbody tr');
    assert.is(await rows.count(), 4);
    assert.match(flat(await rows.nth(3).textContent()), /Barn D Utredningsgruppen 6-12 Socialsekreterare 2 Ej bedömd/);

    await importFile(lead, ['Barn E;utredning;6-12;socsek1', 'Barn F;okänd-enhet;6-12;socsek1']);
    const rowError = lead.locator('bs-inventory-lead-tools ul.rows li');
    await rowError.first().waitFor();
    assert.is(await rowError.count(), 1);
    assert.match(flat(await rowError.textContent()), /^Rad 3: /);
    await lead.getByText('Filen lästes inte in: rätta raderna nedan och försök igen.').waitFor();
    const stored = await callApi<InventoryChildView[]>(lead, url, 'GET', `/api/studies/${studyId}/inventory/children`);
    assert.equal(stored.map((c) => c.pseudonym), ['Barn A', 'Barn B', 'Barn C', 'Barn D'], 'Barn E (a good row) was not imported either');
    assert.equal(problems, []);
  } finally {
    await lead.context().close();
  }
});

test('a caseworker rates two children by keyboard only; after a reload they are rated', async ({ browser }) => {
  const page = await openAs(browser, url, 'socsek1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    // Two studies: the start page lists them, the inventory marked as one.
    const listed = page.locator('bs-studies-view li', { hasText: 'Inventering i test' });
    await listed.getByText('Målgruppsinventering', { exact: true }).waitFor();
    assert.not.ok(await page.locator('bs-studies-view li', { hasText: 'Ministudie' }).getByText('Målgruppsinventering', { exact: true }).count());
    await listed.getByRole('link', { name: 'Inventering i test' }).click();
    const rater = page.locator('bs-inventory-rater');
    await rater.getByRole('heading', { name: 'Mina barn' }).waitFor();
    await rater.getByText('0 av 3 bedömda').waitFor();
    const list = rater.getByRole('listbox', { name: 'Barn att bedöma' });
    await list.focus();
    await rater.getByRole('heading', { name: 'Bedömning av Barn A' }).waitFor();

    // Barn A: level 4 (komplex), criterion 3 (våld i hemmet), Enter saves and moves to Barn B.
    await page.keyboard.press('4');
    await page.keyboard.press('Shift+Digit3');
    assert.ok(await rater.getByRole('radio', { name: /Komplex livssituation/ }).isChecked());
    assert.ok(await rater.getByRole('checkbox', { name: /Våld i hemmet/ }).isChecked());
    await page.keyboard.press('Enter');
    await rater.getByRole('heading', { name: 'Bedömning av Barn B' }).waitFor();
    // Barn B: level 2 (enkel), Enter.
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await rater.getByRole('heading', { name: 'Bedömning av Barn C' }).waitFor();
    await rater.getByText('2 av 3 bedömda').waitFor();
    await rater.getByRole('option', { name: /Barn A.*Bedömd/ }).waitFor();
    await rater.getByRole('option', { name: /Barn B.*Bedömd/ }).waitFor();

    await page.reload();
    await rater.getByText('2 av 3 bedömda').waitFor();
    const options = rater.locator('li[role=option]');
    // Unrated first: Barn C, then the rated ones.
    assert.equal((await options.allTextContents()).map(flat), [
      'Barn C Ej bedömd Utredningsgruppen · 13-17', 'Barn A Bedömd Utredningsgruppen · 6-12', 'Barn B Bedömd Insatsgruppen · 0-5',
    ]);
    const stored = await callApi<InventoryChildView[]>(page, url, 'GET', `/api/studies/${studyId}/inventory/children`);
    const a = stored.find((c) => c.pseudonym === 'Barn A')!;
    assert.equal([a.rating?.level, a.rating?.criteria], ['komplex', ['vald']]);
    assert.is(stored.find((c) => c.pseudonym === 'Barn B')!.rating?.level, 'enkel');

    // Barn A is saved meanwhile in another tab: this page's save meets the newer rating, shows it, keeps the choice.
    const other = await apiRequest(page, url, 'PUT', `/api/studies/${studyId}/inventory/children/${a.id}`, {
      data: { level: 'ingen', criteria: [], reason: 'Från en annan flik.' }, headers: { 'If-Match': String(a.version) },
    });
    assert.is(other.status(), 200);
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await rater.getByRole('heading', { name: 'Bedömning av Barn A' }).waitFor();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    const alert = rater.getByRole('alert');
    await alert.waitFor();
    assert.match(flat(await alert.textContent()), /Sparat nu: Ingen särskild problematik – ”Från en annan flik\.”/);
    await page.keyboard.press('ArrowDown');
    await rater.getByRole('heading', { name: 'Bedömning av Barn A' }).waitFor();
    assert.ok(await rater.getByRole('radio', { name: /Måttligt komplex/ }).isChecked(), 'the unsaved choice is still there');
    await rater.locator('li[role=option]', { hasText: 'Barn A' }).getByText('Kunde inte sparas').waitFor();
    await page.keyboard.press('Enter');
    await rater.locator('li[role=option]', { hasText: 'Barn A' }).getByText('Bedömd').waitFor();
    const after = await callApi<InventoryChildView>(page, url, 'GET', `/api/studies/${studyId}/inventory/children/${a.id}`);
    assert.equal([after.rating?.level, after.rating?.criteria], ['mattlig', ['vald']], 'saved over the newer rating when asked again');
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('the lead\'s summary page shows the changed counts with shares and intervals', async ({ browser }) => {
  const lead = await openAs(browser, url, 'projektledare');
  try {
    await lead.goto(`${url}/#/studier/${studyId}`);
    await lead.getByText('2 av 4 bedömda, 2 ej bedömda').waitFor();
    await lead.locator('bs-inventory-overview').getByRole('link', { name: 'Sammanställning' }).click();
    const view = lead.locator('bs-inventory-summary-view');
    await view.getByRole('heading', { name: 'Sammanställning av inventeringen', level: 1 }).waitFor();
    await view.getByText('2 av 4 bedömda, 2 ej bedömda').waitFor();
    // Barn A ended at måttligt komplex, Barn B enkel. 1 of 2 rated children: 50,0 %, Wilson 95 % interval (0.5 ± 1.96·√(0.125 + 0.2401)) / 2.9208 = 0.0945–0.9055.
    const overall = view.locator('table#inv-overall tbody tr');
    assert.equal((await overall.allTextContents()).map(flat), [
      'Ingen särskild problematik 0 0,0 % 0,0–65,8 %',
      'Enkel livssituation 1 50,0 % 9,5–90,5 %',
      'Måttligt komplex livssituation 1 50,0 % 9,5–90,5 %',
      'Komplex livssituation 0 0,0 % 0,0–65,8 %',
    ]);
    await view.getByText('Utredningsgruppen (1 av 3 bedömda)').waitFor();
    await view.getByText('Insatsgruppen (1 av 1 bedömda)').waitFor();
    const violence = view.getByRole('row', { name: /Våld i hemmet/ });
    assert.is(flat(await violence.locator('td').textContent()), '1');
    await view.getByText('Inga barn har bedömts av två socialsekreterare ännu.').waitFor();
    const chart = view.locator('img');
    await chart.waitFor();
    assert.match((await chart.getAttribute('alt')) ?? '', /andel barn per nivå/);
    assert.ok(await chart.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth > 0)), 'the chart loads');
  } finally {
    await lead.context().close();
  }
});

test("a rating's reason is found by search and the hit opens the child: the caseworker's panel, the lead's marked row", async ({ browser }) => {
  const page = await openAs(browser, url, 'socsek1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    const children = await callApi<InventoryChildView[]>(page, url, 'GET', `/api/studies/${studyId}/inventory/children`);
    const b = children.find((c) => c.pseudonym === 'Barn B')!;
    const saved = await apiRequest(page, url, 'PUT', `/api/studies/${studyId}/inventory/children/${b.id}`, {
      data: { level: 'enkel', criteria: [], reason: 'Pelargonerna på balkongen oroar grannen.' }, headers: { 'If-Match': String(b.version) },
    });
    assert.is(saved.status(), 200);

    await page.goto(`${url}/#/studier/${studyId}/sok?q=pelargonerna`);
    const results = page.locator('bs-search-results');
    const group = results.locator('section[data-kind=rating]');
    await group.getByRole('heading', { name: /Bedömningar av barn/ }).waitFor();
    // In an inventory only ratings exist: the type filter offers nothing else.
    const types = page.locator('bs-search-filters').getByLabel('Typ').locator('option');
    assert.equal((await types.allTextContents()).map(flat), ['Alla typer', 'Bedömningar av barn']);
    await group.getByRole('link', { name: 'Barn B' }).click();
    const rater = page.locator('bs-inventory-rater');
    await rater.getByRole('heading', { name: 'Bedömning av Barn B' }).waitFor();
    assert.is(new URL(page.url()).hash, `#/studier/${studyId}/barn/${b.id}`);
    // Barn C (unrated) would be selected first without the link; the list has the focus, so the keys work at once.
    const list = rater.getByRole('listbox', { name: 'Barn att bedöma' });
    await page.waitForFunction(() => {
      const host = document.querySelector('bs-app')?.shadowRoot?.querySelector('bs-study-view')?.shadowRoot?.querySelector('bs-inventory-rater');
      return host?.shadowRoot?.activeElement?.getAttribute('role') === 'listbox';
    });
    assert.is(await list.getAttribute('aria-activedescendant'), `child-${b.id}`);
    assert.is(await rater.getByLabel('Kort motivering').inputValue(), 'Pelargonerna på balkongen oroar grannen.');
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }

  const lead = await openAs(browser, url, 'projektledare');
  try {
    await lead.goto(`${url}/#/studier/${studyId}/sok?q=pelargonerna`);
    await lead.locator('bs-search-results section[data-kind=rating]').getByRole('link', { name: 'Barn B' }).click();
    const overview = lead.locator('bs-inventory-overview');
    const marked = overview.locator('tr[aria-current=true]').first();
    await marked.waitFor();
    assert.match(flat(await marked.textContent()), /^Barn B Insatsgruppen/);
    await overview.getByText('Motivering: Pelargonerna på balkongen oroar grannen.').waitFor();
    assert.ok(await overview.getByRole('rowheader', { name: 'Barn B' }).evaluate((th) => th.matches(':focus')), 'the row has the focus');
  } finally {
    await lead.context().close();
  }
});

test.run();
