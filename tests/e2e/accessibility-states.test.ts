// Accessibility (axe-core, WCAG 2.1 A/AA) of the case-file UI in its interactive states, reached as a user
// reaches them: the reader with a selection and its "Markera som" bar, the annotation form, a card being
// edited and its delete question; a reflection being edited and its preview; the researcher's code picker
// and a code being edited. accessibility-states-lead.test.ts has the instruments, the lead's and the
// administrator's states (two files, so that each stays well within a test file's time limit);
// accessibility.test.ts checks the pages at rest.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { accessibilitySuite, checkStatesAs as as } from '../setup/axe.ts';
import { DEMO_STUDY, apiRequest } from '../setup/browser.ts';
import { revealBlock } from '../setup/reader.ts';

const test = accessibilitySuite('accessibility of the UI in its interactive states (axe-core, WCAG 2.1 AA)');

/** Selects the first words after the date line of the reader's `index`-th entry, as a user dragging would. */
async function selectInEntry(page: Page, index: number): Promise<void> {
  const block = await revealBlock(page, index);
  await block.evaluate((section) => {
    // The first long run of body text (annotations and codings split the text into marks).
    const walker = document.createTreeWalker(section.querySelector('.text span[data-o]')!, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text;
    while (node && node.data.trim().length < 60) node = walker.nextNode() as Text;
    let start = node.data.indexOf('\n') + 1;
    if (node.data.length - start < 40) start = 0;
    while (/\s/.test(node.data[start] ?? '')) start++;
    let end = Math.min(node.data.length, start + 30);
    while (end > start + 5 && /\S/.test(node.data[end] ?? ' ')) end--;
    document.getSelection()!.setBaseAndExtent(node, start, node, end);
  });
}

test('the caseworker: a selection, the annotation form, a card being edited and deleted', async ({ server, browser }) => {
  await as(browser, server.url, 'socsek1', async (page, check) => {
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a`);
    await page.getByRole('heading', { name: 'Familj A', level: 1 }).waitFor();
    await page.locator('bs-reader section.block').first().waitFor();
    await page.waitForLoadState('networkidle');

    await selectInEntry(page, 3);
    await page.getByRole('toolbar', { name: 'Markera som:' }).waitFor();
    await check('the "Markera som" bar');

    await page.getByRole('toolbar', { name: 'Markera som:' }).getByRole('button', { name: '1 Tidiga tecken' }).click();
    const dialog = page.locator('dialog.annotation');
    await dialog.getByRole('heading', { name: 'Ny markering' }).waitFor();
    await check('the new annotation form');

    await dialog.getByLabel('Kommentar (Markdown)').fill('Skolan **larmade** tidigt.');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const card = page.locator('bs-reader bs-annotation-card', { hasText: 'larmade' });
    await card.getByRole('button', { name: /^Redigera/ }).click();
    await dialog.getByRole('heading', { name: 'Redigera markering' }).waitFor();
    await check('an annotation being edited');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    await card.getByRole('button', { name: /^Ta bort/ }).click();
    await card.getByRole('button', { name: 'Ja, ta bort' }).waitFor();
    await check('the delete question of an annotation card');
  });
});

test('the caseworker: a reflection being edited, its preview, and a conflicting save', async ({ server, browser }) => {
  await as(browser, server.url, 'socsek1', async (page, check) => {
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a/reflektioner`);
    const summary = page.getByLabel('Sammanfattning');
    await summary.fill('Familjen har varit känd i **många** år.');
    await check('a reflection being edited');

    await page.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    await page.locator('bs-reflections-view section[data-key="summary"] bs-markdown-view strong').waitFor();
    await check('a reflection\'s preview');

    const key = 'tidiga-tecken';
    const box = page.getByLabel('1 Tidiga tecken');
    await box.fill('Min första text.');
    await box.press('Tab');
    await page.locator(`bs-reflections-view section[data-key="${key}"]`).getByText(/^Sparat/).waitFor();
    const path = `/api/studies/${DEMO_STUDY}/families/familj-a/reflections/${key}`;
    const current = (await (await page.request.get(`${server.url}${path}`)).json()) as { version: number };
    const other = await apiRequest(page, server.url, 'PUT', path, { data: { text: 'Någon annans text.' }, headers: { 'If-Match': String(current.version) } });
    assert.is(other.status(), 200);
    await box.fill('Min första text. Och mer.');
    await box.press('Tab');
    await page.locator(`bs-reflections-view section[data-key="${key}"] [role="alert"]`).waitFor({ timeout: 8000 });
    await check('a reflection\'s conflicting save');
  });
});

test('the researcher: the code picker from "Koda stycket", a code being edited, a code without a name', async ({ server, browser }) => {
  await as(browser, server.url, 'forskare1', async (page, check) => {
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a`);
    await page.getByRole('heading', { name: 'Familj A', level: 1 }).waitFor();
    await page.locator('bs-reader section.block').first().waitFor();
    await page.waitForLoadState('networkidle');
    await selectInEntry(page, 3);
    const bar = page.getByRole('toolbar', { name: 'Markerat stycke' });
    await bar.waitFor();
    await check('the "Markerat stycke" bar');
    await bar.getByRole('button', { name: 'Koda stycket' }).click();
    const picker = page.locator('dialog.coding');
    const filter = picker.getByRole('combobox', { name: 'Sök en kod eller skriv namnet på en ny' });
    await filter.pressSequentially('Trötthet');
    await picker.getByRole('option', { name: 'Ny kod: ”Trötthet”' }).waitFor();
    await check('the code picker, filtered');
    await filter.press('Enter');
    await picker.getByRole('status').filter({ hasText: 'Kodat med Trötthet.' }).waitFor();
    await check('the code picker after coding');
    await picker.getByRole('button', { name: 'Klar' }).click();

    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/kodbok`);
    await page.getByRole('heading', { name: 'Kodbok', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('bs-code-tree').getByRole('button', { name: 'Redigera Trötthet' }).click();
    const dialog = page.locator('bs-code-dialog dialog');
    await dialog.getByLabel('Beskrivning').fill('Föräldern orkar inte.');
    await check('a code being edited');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    const form = page.locator('bs-codebook-view section[aria-labelledby="new-code-title"]');
    await form.getByLabel('Namn').fill('trötthet');
    await form.getByRole('button', { name: 'Lägg till koden' }).click();
    await form.getByRole('alert').filter({ hasText: 'Det finns redan en kod med det namnet på samma nivå' }).waitFor();
    await check('the new-code form with a name taken');
  });
});

test.run();
