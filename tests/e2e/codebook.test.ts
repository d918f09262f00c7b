// The codebook page (#/studier/mini/kodbok) as a researcher: codes are created through the form (a parent
// and a child), moved by keyboard (Alt+→ / Alt+←) and by drag, merged, and deleted with their codings moved
// to the parent code — each checked against what the API then returns. A duplicate name and an edit that
// crosses someone else's are said in Swedish with the typed text kept; a REFI-QDA codebook is imported; and
// a caseworker is told the codebook is not theirs.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { AnnotationView, CodingView } from '../../server/domain/types.ts';
import type { CodeListItem } from '../../client/data/research.ts';
import { deepActiveElement, openAs } from '../setup/browser.ts';
import { MINI, callApi, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('the codebook: create, move, merge, delete, import');

const CODEBOOK = `#/studier/${MINI}/kodbok`;

let page: Page;
let url = '';

const codes = () => callApi<CodeListItem[]>(page, url, 'GET', `/api/studies/${MINI}/codes`);
const byName = async (name: string) => (await codes()).find((c) => c.name === name);
const codings = (codeId: string) => callApi<CodingView[]>(page, url, 'GET', `/api/studies/${MINI}/codings?code=${codeId}`);

/** The tree row of a code (its own row, not its sub-codes'). */
const row = (name: string) => page.locator('bs-code-tree .row').filter({ has: page.getByRole('link', { name, exact: true }) });
const status = () => page.locator('bs-codebook-view section[aria-labelledby="codes-title"] [role="status"]').first();

/** Waits until the focused element (through shadow roots) has this text. */
async function focusedText(text: string): Promise<string | undefined> {
  for (let i = 0; i < 40; i++) {
    const found = (await deepActiveElement(page))?.text;
    if (found === text) return found;
    await page.waitForTimeout(50);
  }
  return (await deepActiveElement(page))?.text;
}

async function createCode(name: string, parent?: string): Promise<void> {
  const form = page.locator('bs-codebook-view section[aria-labelledby="new-code-title"]');
  await form.getByLabel('Namn').fill(name);
  await form.getByLabel('Placera under').selectOption(parent ? { label: parent } : { index: 0 });
  await form.getByRole('button', { name: 'Lägg till koden' }).click();
  await row(name).waitFor();
}

test.before(async ({ server, browser }) => {
  url = server.url;
  page = await openAs(browser, url, 'forskare1');
  await page.goto(`${url}/${CODEBOOK}`);
  await page.getByRole('heading', { name: 'Kodbok', level: 1 }).waitFor();
});

test.after(async () => {
  await page?.context().close();
});

test('an empty codebook says so; a parent and a child code are created through the form', async () => {
  assert.ok(await page.getByText('Kodboken är tom.').isVisible());
  await createCode('Risker');
  assert.match((await status().textContent()) ?? '', 'Koden ”Risker” har lagts till.');
  await createCode('Oro', 'Risker');
  await createCode('Skola');
  await createCode('Hunger');

  const risker = await byName('Risker');
  const oro = await byName('Oro');
  assert.ok(risker && oro);
  assert.is(risker.parentId, null);
  assert.is(oro.parentId, risker.id, 'Oro was created under Risker');
  assert.is(oro.depth, 1);
  // The swatch is beside the name, never alone; the count is in words.
  assert.match((await row('Oro').textContent()) ?? '', 'Inga kodningar');
  assert.is(await row('Oro').locator('.swatch').count(), 1);
  // A fold button tells whether the sub-codes are shown.
  assert.is(await row('Risker').getByRole('button', { name: 'Underkoder till Risker' }).getAttribute('aria-expanded'), 'true');
});

test('a duplicate name is refused in Swedish and the typed name stays', async () => {
  const form = page.locator('bs-codebook-view section[aria-labelledby="new-code-title"]');
  await form.getByLabel('Namn').fill('risker');
  await form.getByLabel('Placera under').selectOption({ index: 0 });
  await form.getByRole('button', { name: 'Lägg till koden' }).click();
  await form.getByRole('alert').filter({ hasText: 'Det finns redan en kod med det namnet på samma nivå' }).waitFor();
  assert.is(await form.getByLabel('Namn').inputValue(), 'risker');
  await form.getByLabel('Namn').fill('');
});

test('Alt+→ puts a code under the code above it and Alt+← moves it back; the focus follows the code', async () => {
  // Top level in codebook order: Hunger, Risker, Skola — Skola goes under Risker.
  await row('Skola').getByRole('link').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await status().filter({ hasText: '”Skola” ligger nu under ”Risker”.' }).waitFor();
  const risker = (await byName('Risker'))!;
  assert.is((await byName('Skola'))!.parentId, risker.id);
  assert.is(await focusedText('Skola'), 'Skola', 'the focus stays on the moved code');

  await page.keyboard.press('Alt+ArrowLeft');
  await status().filter({ hasText: '”Skola” är nu en huvudkod.' }).waitFor();
  assert.is((await byName('Skola'))!.parentId, null);
  assert.is(await focusedText('Skola'), 'Skola');

  // The first code has nothing above it: that is said, and nothing moves.
  await row('Hunger').getByRole('link').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.locator('bs-code-tree [role="status"]').filter({ hasText: 'det finns ingen kod ovanför' }).waitFor();
  assert.is((await byName('Hunger'))!.parentId, null);
});

test('dragging a code onto another makes it a sub-code; onto the top zone makes it top-level again', async () => {
  await row('Hunger').dragTo(row('Oro'), { sourcePosition: { x: 6, y: 6 }, targetPosition: { x: 6, y: 6 } });
  await status().filter({ hasText: '”Hunger” ligger nu under ”Oro”.' }).waitFor();
  const oro = (await byName('Oro'))!;
  assert.is((await byName('Hunger'))!.parentId, oro.id);
  assert.is((await byName('Hunger'))!.depth, 2);

  await row('Hunger').dragTo(page.locator('bs-code-tree .top-drop'), { sourcePosition: { x: 6, y: 6 } });
  await status().filter({ hasText: '”Hunger” är nu en huvudkod.' }).waitFor();
  assert.is((await byName('Hunger'))!.parentId, null);

  // And back under Oro by the "Flytta…" dialog (the select), for the deletion below.
  await row('Hunger').getByRole('button', { name: 'Flytta Hunger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flytta ”Hunger”' });
  await dialog.getByLabel('Ny plats').selectOption({ label: '– Oro' });
  await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
  await status().filter({ hasText: '”Hunger” ligger nu under ”Oro”.' }).waitFor();
  assert.is((await byName('Hunger'))!.parentId, oro.id);
});

test('merging moves the codings to the chosen code and removes the merged one', async () => {
  const [annotation] = await callApi<AnnotationView[]>(page, url, 'GET', `/api/studies/${MINI}/annotations?family=fam-1`);
  assert.ok(annotation);
  const skola = (await byName('Skola'))!;
  await callApi(page, url, 'POST', `/api/studies/${MINI}/codings`, { codeId: skola.id, target: { type: 'annotation', id: annotation.id } });
  await page.reload();
  assert.match((await row('Skola').textContent()) ?? '', '1 kodning');

  await row('Skola').getByRole('button', { name: 'Slå ihop Skola med en annan kod' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slå ihop ”Skola” med en annan kod' });
  await dialog.getByLabel('Slå ihop med').selectOption({ label: 'Risker' });
  await dialog.getByRole('button', { name: 'Slå ihop', exact: true }).click();
  await status().filter({ hasText: '”Skola” har slagits ihop med ”Risker”.' }).waitFor();

  assert.is(await byName('Skola'), undefined, 'the merged code is gone');
  const risker = (await byName('Risker'))!;
  const moved = await codings(risker.id);
  assert.equal(moved.map((c) => c.target), [{ type: 'annotation', id: annotation.id }]);
  assert.is(risker.codingCount, 1);
});

test('deleting a sub-code can move its codings to the parent; a top-level code cannot', async () => {
  const oro = (await byName('Oro'))!;
  const risker = (await byName('Risker'))!;
  await callApi(page, url, 'POST', `/api/studies/${MINI}/codings`, { codeId: oro.id, target: { type: 'reflection', familyId: 'fam-1', key: 'summary' } });
  await page.reload();

  // A top-level code: "move to the parent" is not offered; Esc closes the dialog and the focus goes back.
  await row('Risker').getByRole('button', { name: 'Ta bort Risker' }).click();
  let dialog = page.getByRole('dialog', { name: 'Ta bort ”Risker”' });
  assert.ok(await dialog.getByRole('radio', { name: /Flytta dem till den överordnade koden/ }).isDisabled());
  assert.ok(await dialog.getByRole('radio', { name: 'Ta bort dem' }).isChecked());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.is(await focusedText('Ta bort…'), 'Ta bort…', 'the focus is back on the button that opened the dialog');

  await row('Oro').getByRole('button', { name: 'Ta bort Oro' }).click();
  dialog = page.getByRole('dialog', { name: 'Ta bort ”Oro”' });
  const move = dialog.getByRole('radio', { name: 'Flytta dem till den överordnade koden ”Risker”' });
  assert.ok(await move.isChecked(), 'moving to the parent is the default for a sub-code');
  await dialog.getByRole('button', { name: 'Ta bort koden' }).click();
  await status().filter({ hasText: '”Oro” har tagits bort.' }).waitFor();

  assert.is(await byName('Oro'), undefined);
  const targets = (await codings(risker.id)).map((c) => c.target.type).sort();
  assert.equal(targets, ['annotation', 'reflection'], 'the reflection coding moved to Risker');
  assert.is((await byName('Hunger'))!.parentId, risker.id, 'the sub-code moved up one level');
});

test('an edit that crosses someone else’s keeps the typed text, and saving again stores it', async () => {
  const hunger = (await byName('Hunger'))!;
  await row('Hunger').getByRole('button', { name: 'Redigera Hunger' }).click();
  const dialog = page.locator('bs-code-dialog dialog');
  await dialog.getByLabel('Beskrivning').fill('Barnet kommer hungrigt till skolan.');

  // Someone else renames the code in between.
  await callApi(page, url, 'PATCH', `/api/studies/${MINI}/codes/${hunger.id}`, { name: 'Hunger (ändrad)' }, { 'If-Match': String(hunger.version) });

  await dialog.getByRole('button', { name: 'Spara' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Någon annan har ändrat koden medan du redigerade' }).waitFor();
  assert.is(await dialog.getByLabel('Beskrivning').inputValue(), 'Barnet kommer hungrigt till skolan.');
  assert.is(await dialog.getByLabel('Namn').inputValue(), 'Hunger');

  await dialog.getByRole('button', { name: 'Spara' }).click();
  await dialog.waitFor({ state: 'detached' });
  const saved = (await codes()).find((c) => c.id === hunger.id)!;
  assert.is(saved.name, 'Hunger');
  assert.is(saved.description, 'Barnet kommer hungrigt till skolan.');
});

test('a REFI-QDA codebook is imported and its codes appear in the tree', async () => {
  const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Test">
  <Codes>
    <Code guid="11111111-2222-3333-4444-555555555555" name="Samverkan" isCodable="true" color="#2ca02c">
      <Description>Kontakter mellan myndigheter.</Description>
      <Code guid="11111111-2222-3333-4444-555555555556" name="Skolan" isCodable="true" color="#17becf"/>
    </Code>
    <Code guid="11111111-2222-3333-4444-555555555557" name="Risker" isCodable="true"/>
  </Codes>
</CodeBook>`;
  const section = page.locator('bs-codebook-view section[aria-labelledby="transfer-title"]');
  assert.ok(await section.getByRole('link', { name: 'Ladda ner kodboken (REFI-QDA, .qdc)' }).isVisible());
  await section.getByLabel('Importera en kodbok').setInputFiles({ name: 'kodbok.qdc', mimeType: 'application/xml', buffer: Buffer.from(qdc) });
  await section.getByRole('button', { name: 'Importera', exact: true }).click();
  await section.getByText('2 koder lades till i kodboken.').waitFor();
  assert.ok(await section.getByText('1 fanns redan och användes som de var.').isVisible(), 'Risker was already there');
  await row('Skolan').waitFor();
  const samverkan = (await byName('Samverkan'))!;
  assert.is((await byName('Skolan'))!.parentId, samverkan.id);
  assert.is(samverkan.description, 'Kontakter mellan myndigheter.');
});

test('a caseworker is told the codebook is for researchers and the lead', async ({ browser }) => {
  const other = await openAs(browser, url, 'socsek1');
  try {
    assert.is((await other.request.get(`${url}/api/studies/${MINI}/codes`)).status(), 403);
    await other.goto(`${url}/${CODEBOOK}`);
    await other.getByText('Kodboken, kodningarna och matrisen är till för studiens forskare och projektledaren.').waitFor();
    assert.is(await other.locator('bs-code-tree').count(), 0);
  } finally {
    await other.context().close();
  }
});

test.run();
