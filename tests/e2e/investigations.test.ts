// The kortutredning checklist (mini study): the lead imports a short case file into Familj 3 whose chronology
// holds one investigation (2021-01-15 → 2021-06-20: 156 days, over the four-month limit of 2021-05-15). Its
// caseworker opens the family's "Utredningar" tab, sees the days and the over-limit flag in words, marks two
// checklist items "Saknas" (clicks) and one "Visas i akten" (keyboard), writes a comment and saves; after a
// reload the choices are there. A stale save (someone else saved in between) keeps the user's choices and
// shows what is stored. A researcher sees the appraisal read-only; the lead's summary page counts one
// appraised investigation and lists the missing items.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { Checklist, InvestigationView } from '../../server/domain/checklist/checklist-types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('investigations: the family tab, the appraisal form, the study summary');

const FAMILY = 'fam-3';
const CASE_FILE = [
  'AKT – UTREDNING (påhittad testakt)',
  '',
  '2021-01-15 Förhandsbedömning: utredning inleds',
  'Skolan är orolig för barnets frånvaro.',
  '',
  '2021-03-01 Utredning enligt BBIC avseende barnet',
  'Utredningen beskriver barnets skolgång och hälsa.',
  '',
  '2021-06-20 Beslut om insats',
  'Familjen beviljas stöd i hemmet.',
].join('\n');

interface Item { id: string; label: string; side: string }
let items: Item[] = [];
let investigation: InvestigationView | null = null;

/** Matches exactly `text` (checklist labels may hold regex characters). */
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

const itemBox = (page: Page, label: string) =>
  page.locator('bs-appraisal-form fieldset.item').filter({ has: page.locator('legend', { hasText: exactly(label) }) });

test.before(async ({ server, browser }) => {
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    await callApi(lead, server.url, 'POST', `/api/studies/${MINI}/families/${FAMILY}/documents`, { title: 'Utredningsakt', text: CASE_FILE });
    const checklist = await callApi<Checklist>(lead, server.url, 'GET', `/api/studies/${MINI}/checklist`);
    items = checklist.sides.flatMap((s) => s.items.map((i) => ({ id: i.id, label: i.label, side: s.label })));
    assert.ok(items.length >= 3, 'the checklist has at least three items');
  } finally {
    await lead.context().close();
  }
});

test('the caseworker sees 156 days and the over-limit flag, appraises with clicks and the keyboard, saves, reloads', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek2');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/familjer/${FAMILY}`);
    await page.locator('bs-family-view nav.tabs').getByRole('link', { name: 'Utredningar' }).click();
    const view = page.locator('bs-investigations-view');
    await view.getByRole('heading', { name: 'Utredningar', level: 2 }).waitFor();
    const row = view.locator('tbody tr');
    assert.is(await row.count(), 1);
    const text = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text, /2021-01-15 → 2021-06-20/);
    assert.match(text, /156 dagar/);
    assert.match(text, /Över fyra månader/);
    assert.match(text, /Gräns: 2021-05-15/);
    // The start links into the case file at the entry.
    const fileLink = view.getByRole('link', { name: 'Visa starten 2021-01-15 i akten' });
    assert.match((await fileLink.getAttribute('href')) ?? '', new RegExp(`^#/studier/${MINI}/familjer/${FAMILY}/dokument/`));

    await view.getByRole('link', { name: 'Bedöm utredningen som startade 2021-01-15' }).click();
    const form = page.locator('bs-appraisal-form');
    await form.getByLabel('Start', { exact: true }).waitFor();
    assert.is(await form.getByLabel('Start', { exact: true }).inputValue(), '2021-01-15');
    assert.is(await form.getByLabel('Beslut', { exact: true }).inputValue(), '2021-06-20');
    await form.getByText('hittat i akten: 2021-01-15').waitFor();
    // The manual is behind a disclosure.
    await view.locator('details.manual summary', { hasText: 'Manual' }).waitFor();

    const [a, b, c] = items as [Item, Item, Item];
    await itemBox(page, a.label).getByLabel('Saknas').click();
    await itemBox(page, b.label).getByLabel('Saknas').click();
    // The third with the keyboard: focus its first choice and select it with Space.
    await itemBox(page, c.label).getByLabel('Visas i akten').focus();
    await page.keyboard.press('Space');
    assert.ok(await itemBox(page, c.label).getByLabel('Visas i akten').isChecked());
    const marked = items.slice(0, 3).filter((i) => i.side === a.side).length;
    const sideTotal = items.filter((i) => i.side === a.side).length;
    await form.locator('section.side', { has: page.getByRole('heading', { name: a.side }) })
      .getByText(`${marked} av ${sideTotal} punkter markerade`).waitFor();

    await form.getByLabel('Kommentar').fill('Barnets egen röst saknas i utredningen.');
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await form.getByText('Bedömningen är sparad.').waitFor();
    // The list says it is appraised now.
    assert.match(((await row.textContent()) ?? '').replace(/\s+/g, ' '), /Ja Visa bedömning/);

    await page.reload();
    await form.getByLabel('Kommentar').waitFor();
    assert.is(await form.getByLabel('Kommentar').inputValue(), 'Barnets egen röst saknas i utredningen.');
    assert.ok(await itemBox(page, a.label).getByLabel('Saknas').isChecked());
    assert.ok(await itemBox(page, b.label).getByLabel('Saknas').isChecked());
    assert.ok(await itemBox(page, c.label).getByLabel('Visas i akten').isChecked());
    assert.not.ok(await itemBox(page, c.label).getByLabel('Saknas').isChecked());
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('a stale save keeps the user\'s choices and shows what is stored; saving again overwrites', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek2');
  try {
    const list = await callApi<InvestigationView[]>(page, server.url, 'GET', `/api/studies/${MINI}/families/${FAMILY}/investigations`);
    investigation = list[0]!;
    assert.is(investigation.version, 1);
    await page.goto(`${server.url}/#/studier/${MINI}/familjer/${FAMILY}/utredningar/${encodeURIComponent(investigation.id)}`);
    const form = page.locator('bs-appraisal-form');
    await form.getByLabel('Kommentar').waitFor();
    await form.getByLabel('Kommentar').fill('Min nya kommentar.');

    // Someone else (the lead) saves in between.
    const lead = await openAs(browser, server.url, 'projektledare');
    const stored = await apiRequest(lead, server.url, 'PUT', `/api/studies/${MINI}/families/${FAMILY}/investigations/${encodeURIComponent(investigation.id)}`, {
      data: { start: null, decided: null, findings: { [items[0]!.id]: 'shown' }, comment: 'Ledarens kommentar.' },
      headers: { 'If-Match': '1' },
    });
    assert.is(stored.status(), 200);
    await lead.context().close();

    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await form.getByRole('alert').getByText('Någon annan har sparat en nyare bedömning', { exact: false }).waitFor();
    await form.getByText('Kommentar: Ledarens kommentar.').waitFor();
    assert.is(await form.getByLabel('Kommentar').inputValue(), 'Min nya kommentar.', 'the user\'s text is kept');
    assert.ok(await itemBox(page, items[1]!.label).getByLabel('Saknas').isChecked(), 'the user\'s choices are kept');

    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await form.getByText('Bedömningen är sparad.').waitFor();
    const after = await callApi<InvestigationView[]>(page, server.url, 'GET', `/api/studies/${MINI}/families/${FAMILY}/investigations`);
    assert.is(after[0]!.appraisal?.comment, 'Min nya kommentar.');
    assert.is(after[0]!.appraisal?.findings[items[0]!.id], 'missing');
    assert.is(after[0]!.version, 3);
  } finally {
    await page.context().close();
  }
});

test('a researcher sees the appraisal read-only', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/familjer/${FAMILY}/utredningar/${encodeURIComponent(investigation!.id)}`);
    const form = page.locator('bs-appraisal-form');
    await form.getByText('Du kan läsa men inte ändra bedömningarna.').first().waitFor();
    assert.is(await form.getByRole('button', { name: 'Spara bedömningen' }).count(), 0);
    assert.is(await form.locator('input[type="radio"]').count(), 0);
    const finding = (label: string) => form.locator('dl.readonly div', { has: page.locator('dt', { hasText: exactly(label) }) }).locator('dd');
    assert.is(await finding(items[0]!.label).textContent(), 'Saknas');
    assert.is(await finding(items[1]!.label).textContent(), 'Saknas');
    assert.is(await finding(items[2]!.label).textContent(), 'Visas i akten');
    await form.getByText('Min nya kommentar.').waitFor();
  } finally {
    await page.context().close();
  }
});

test('the lead\'s summary page counts one appraised investigation and lists the missing items', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  try {
    await page.locator('bs-study-view nav.tools').getByRole('link', { name: 'Utredningar' }).click();
    const view = page.locator('bs-investigations-summary-view');
    await view.getByRole('heading', { name: 'Utredningar i studien', level: 1 }).waitFor();
    const total = (label: string) => view.locator('dl.totals div', { has: page.locator('dt', { hasText: exactly(label) }) }).locator('dd');
    assert.is(await total('Bedömda').textContent(), '1');
    // Familj 2's file has one too (2013-01-20 → 2024-01-31), also over the limit.
    assert.is(await total('Antal utredningar').textContent(), '2');
    assert.is(await total('Över fyra månader').textContent(), '2');
    // The missing table: the two items marked "Saknas" come first, each missing once, with their side.
    const missing = view.locator('table', { has: page.locator('th', { hasText: 'Punkt' }) }).locator('tbody tr');
    const firstTwo = [
      ((await missing.nth(0).textContent()) ?? '').replace(/\s+/g, ' '),
      ((await missing.nth(1).textContent()) ?? '').replace(/\s+/g, ' '),
    ].sort();
    const expected = [items[0]!, items[1]!].map((i) => `${i.label} ${i.side} 1 0 0`).sort();
    assert.equal(firstTwo.map((s) => s.trim()), expected);
    const img = view.locator('figure img');
    assert.is(await img.getAttribute('src'), `/api/studies/${MINI}/investigations/chart.svg`);
    assert.ok(((await img.getAttribute('alt')) ?? '').length > 20, 'the chart has a text alternative');
    assert.is(await view.getByRole('link', { name: 'Ladda ner alla utredningar som CSV' }).getAttribute('href'),
      `/api/studies/${MINI}/export/investigations.csv`);
    // Familj 3's row in the per-family table: one investigation, over the limit, 156 days.
    const family = view.locator('table', { has: page.locator('th', { hasText: 'Familj' }) }).locator('tbody tr', { hasText: 'Familj 3' });
    assert.is(((await family.textContent()) ?? '').replace(/\s+/g, ' ').trim(), 'Familj 3 1 1 156');
  } finally {
    await page.context().close();
  }
});

test.run();
