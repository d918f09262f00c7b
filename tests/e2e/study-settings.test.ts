// The lead's study settings: a research study without an ethics approval number keeps researchers out
// until one is entered; assigning a family shows it in the caseworker's "Mina familjer"; a save over a
// stale version shows the conflict message and reloads; an invalid member list keeps the lead's input.
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STUDY, apiRequest, logIn, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('the lead changes the study setup');

async function openSettings(browser: Browser, url: string): Promise<Page> {
  const page = await openAs(browser, url, 'projektledare');
  await page.getByRole('link', { name: 'Studieinställningar' }).click();
  await page.getByRole('heading', { name: 'Studieinställningar', level: 1 }).waitFor();
  await page.getByLabel('Titel', { exact: true }).waitFor();
  return page;
}

/** The researcher's start page after a fresh load: their studies, or the only study's page. */
async function researcherStart(page: Page, url: string): Promise<'none' | 'study'> {
  await page.goto(`${url}/#/`);
  await page.reload();
  const empty = page.getByText('Du är inte med i någon studie ännu.');
  const study = page.locator('bs-study-view h1');
  await empty.or(study).first().waitFor();
  return (await empty.isVisible()) ? 'none' : 'study';
}

test('research without an ethics number keeps the researcher out until one is entered', async ({ server, browser }) => {
  const lead = await openSettings(browser, server.url);
  const researcher = await openAs(browser, server.url, 'forskare1');
  try {
    assert.is(await researcherStart(researcher, server.url), 'study', 'the researcher starts with access');
    const form = lead.locator('bs-study-settings-form');
    await form.getByRole('radio', { name: 'Forskning' }).check();
    const consequence = form.locator('.consequence');
    assert.match((await consequence.textContent()) ?? '', 'forskarna i studien ser inte studien');
    assert.is(await form.getByLabel('Etikgodkännande (diarienummer)').inputValue(), '');
    await form.getByRole('button', { name: 'Spara inställningar' }).click();
    await form.getByText('Inställningarna sparades.').waitFor();
    assert.is(await researcherStart(researcher, server.url), 'none', 'the researcher no longer sees the study');

    await form.getByLabel('Etikgodkännande (diarienummer)').fill('Dnr 2026-01234-01');
    assert.match((await consequence.textContent()) ?? '', 'har tillgång');
    await form.getByRole('button', { name: 'Spara inställningar' }).click();
    await form.getByText('Inställningarna sparades.').waitFor();
    assert.is(await researcherStart(researcher, server.url), 'study', 'the researcher sees the study again');
    assert.match((await researcher.locator('bs-study-view .facts').textContent()) ?? '', 'Etikgodkännande: Dnr 2026-01234-01');
  } finally {
    await lead.context().close();
    await researcher.context().close();
  }
});

test('assigning familj-e to socsek1 puts it in their "Mina familjer"', async ({ server, browser }) => {
  const lead = await openSettings(browser, server.url);
  const caseworker = await openAs(browser, server.url, 'socsek1');
  try {
    assert.is(await caseworker.getByRole('link', { name: 'Familj E' }).count(), 0, 'familj-e is not theirs yet');
    const familyE = lead.locator('bs-family-assignments').getByRole('group', { name: 'Familj E' });
    const box = familyE.getByRole('checkbox', { name: 'Socialsekreterare 1' });
    assert.is(await box.isChecked(), false);
    assert.is(await familyE.getByRole('checkbox', { name: 'Socialsekreterare 2' }).isChecked(), true);
    await box.check();
    await lead.getByRole('button', { name: 'Spara tilldelningar' }).click();
    await lead.getByText('Tilldelningarna sparades.').waitFor();

    await caseworker.reload();
    await caseworker.getByRole('heading', { name: 'Mina familjer' }).waitFor();
    await caseworker.getByRole('link', { name: 'Familj E' }).waitFor();
    await caseworker.getByRole('link', { name: 'Familj E' }).click();
    await caseworker.getByRole('heading', { name: 'Familj E', level: 1 }).waitFor();
  } finally {
    await lead.context().close();
    await caseworker.context().close();
  }
});

test('a save over a stale version shows the conflict and reloads; a study without a lead is refused', async ({ server, browser }) => {
  const lead = await openSettings(browser, server.url);
  try {
    const form = lead.locator('bs-study-settings-form');
    await form.getByLabel('Titel', { exact: true }).fill('Min nya titel');
    // Someone else (here: the same lead in another tab) saves in between.
    const study = (await (await lead.request.get(`${server.url}/api/studies/${DEMO_STUDY}`)).json()) as { version: number };
    const other = await apiRequest(lead, server.url, 'PATCH', `/api/studies/${DEMO_STUDY}`, {
      data: { description: 'Ändrad i en annan flik.' }, headers: { 'If-Match': String(study.version) },
    });
    assert.is(other.status(), 200);
    await form.getByRole('button', { name: 'Spara inställningar' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    assert.is((await alert.textContent())?.trim(), 'Någon annan har ändrat studien. Sidan har laddats om.');
    assert.is(await form.getByLabel('Beskrivning').inputValue(), 'Ändrad i en annan flik.', 'the stored settings are shown');
    const stored = (await (await lead.request.get(`${server.url}/api/studies/${DEMO_STUDY}`)).json()) as { title: string };
    assert.not.equal(stored.title, 'Min nya titel', 'the stale save stored nothing');

    // The only lead becomes a researcher: refused with the server's message, and the choice is kept.
    const members = lead.locator('bs-members-table');
    await members.getByLabel('Roll för Projektledaren').selectOption('researcher');
    await members.getByRole('button', { name: 'Spara medlemmar' }).click();
    const refused = members.getByRole('alert');
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', 'minst en projektledare');
    assert.is(await members.getByLabel('Roll för Projektledaren').inputValue(), 'researcher', 'the input is kept');
  } finally {
    await lead.context().close();
  }
});

test('with annotations in the study the questions can be reworded but not moved, added or removed', async ({ server, browser }) => {
  const page = await openSettings(browser, server.url);
  try {
    const panel = page.locator('bs-question-editor');
    await panel.getByText('Det finns redan markeringar').waitFor();
    assert.is(await page.getByRole('button', { name: 'Flytta upp fråga 2' }).count(), 0);
    assert.is(await page.getByRole('button', { name: 'Lägg till en fråga' }).count(), 0);
    await page.getByLabel('Frågan').first().fill('Fanns det tidiga tecken på att familjen hade det svårt?');
    await page.getByRole('button', { name: 'Spara frågorna' }).click();
    await page.getByText('Frågorna sparades.').waitFor();
    const study = await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}`)).json();
    assert.is(study.questions[0].text, 'Fanns det tidiga tecken på att familjen hade det svårt?');
    assert.is(study.questions.length, 3);
  } finally {
    await page.context().close();
  }
});

test('only the lead has the settings link; others get a refusal', async ({ server, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    assert.is(await page.getByRole('link', { name: 'Studieinställningar' }).count(), 0);
    assert.is(await page.getByRole('link', { name: 'Granskningslogg' }).count(), 0);
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/installningar`);
    const alert = page.locator('bs-study-settings-view [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', 'behörighet');
  } finally {
    await context.close();
  }
});

test.run();
