// A researcher codes what they read (mini study, fam-1): selects a passage in the case file and codes it
// with an existing code and a new one made in the picker; codes a caseworker's annotation from its card;
// the codes show as stripes (named, on hover too) and chips beside the text, survive a reload, and one is
// removed from its chip. The API has the passage coding with exactly the selected text. A caseworker of
// the same family sees none of it, in the reader or on the reflections page.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { Code, CodingView, DocumentView } from '../../server/domain/types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { miniBrowserSuite, selectPhrase } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('a researcher codes passages and annotations in the reader');

const FAMILY = '/#/studier/mini/familjer/fam-1';
const PHRASE = 'trött och önskar stöd i vardagen';


async function codings(page: Page, url: string, query = ''): Promise<CodingView[]> {
  const res = await page.request.get(`${url}/api/studies/mini/codings${query}`);
  assert.is(res.status(), 200);
  return (await res.json()) as CodingView[];
}

test('codes a selected passage and an annotation, shows stripes and chips, removes one', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  try {
    const made = await apiRequest(page, server.url, 'POST', '/api/studies/mini/codes', { data: { name: 'Oro för barnet' } });
    assert.is(made.status(), 201);
    const oro = (await made.json()) as Code;

    await page.goto(`${server.url}${FAMILY}`);
    await page.getByRole('heading', { name: 'Familj 1', level: 1 }).waitFor();
    await page.locator('bs-reader section.block').nth(1).waitFor();
    assert.is(await page.locator('bs-reader bs-coding-strip .rail').count(), 0, 'nothing is coded yet');

    // Select a passage: a researcher gets "Koda stycket", not "Markera som".
    await selectPhrase(page, PHRASE);
    const bar = page.getByRole('toolbar', { name: 'Markerat stycke' });
    await bar.waitFor();
    assert.is(await page.locator('bs-reader .selbar').count(), 0, 'no "Markera som" bar');
    await bar.getByRole('button', { name: 'Koda stycket' }).click();

    // The picker: filter, Enter; then a new code typed in and made on the spot.
    const dialog = page.locator('dialog.coding');
    const filter = dialog.getByRole('combobox', { name: 'Sök en kod eller skriv namnet på en ny' });
    await filter.waitFor();
    assert.match((await dialog.locator('.subject').textContent()) ?? '', PHRASE);
    await filter.pressSequentially('oro');
    const options = await dialog.getByRole('option').allTextContents();
    assert.equal(options.map((o) => o.replace(/\s+/g, ' ').trim()), ['Oro för barnet', 'Ny kod: ”oro”'], 'the match first, then a new code');
    await filter.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Kodat med Oro för barnet.' }).waitFor();
    assert.is(await filter.inputValue(), '', 'the field is emptied for the next code');
    await filter.pressSequentially('Trötthet');
    await dialog.getByRole('option', { name: 'Ny kod: ”Trötthet”' }).waitFor();
    await filter.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Kodat med Trötthet.' }).waitFor();
    assert.match((await dialog.getByRole('option', { name: /Oro för barnet/ }).textContent()) ?? '', 'redan kodad');
    await dialog.getByRole('button', { name: 'Klar' }).click();
    assert.is(await dialog.evaluate((d: HTMLDialogElement) => d.open), false, 'the picker closed');

    // Stripes and chips beside the passage, named in text.
    const passage = page.locator('bs-reader bs-coding-strip:not(:has(bs-annotation-card))');
    const rail = passage.locator('.rail');
    await rail.waitFor();
    assert.is(await rail.getAttribute('aria-label'), 'Kodat med: Oro för barnet, Trötthet');
    assert.is(await rail.locator('.stripe').count(), 2, 'one stripe per code');
    assert.equal(await passage.locator('.chip .name').allTextContents(), ['Oro för barnet', 'Trötthet']);
    assert.is(await passage.locator('.tip').isVisible(), false);
    await rail.hover();
    assert.ok(await passage.locator('.tip', { hasText: 'Trötthet' }).isVisible(), 'the names show on hover');

    // The API has the passage, exactly as selected, at the right place in the document.
    const passages = (await codings(page, server.url, '?type=passage')).filter((c) => c.codeId === oro.id);
    assert.is(passages.length, 1);
    const target = passages[0]!.target;
    assert.is(target.type, 'passage');
    if (target.type !== 'passage') return;
    assert.is(target.exact, PHRASE);
    const doc = (await (await page.request.get(`${server.url}/api/studies/mini/documents/${target.documentId}`)).json()) as DocumentView;
    assert.is(doc.text.slice(target.start, target.end), PHRASE);

    // The caseworker's annotation gets codes from its card: keyboard only in the picker.
    const card = page.locator('bs-reader bs-coding-strip:has(bs-annotation-card)');
    await card.getByRole('button', { name: /^Koda: ofta kommer hungrig/ }).click();
    await filter.waitFor();
    await filter.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Kodat med Oro för barnet.' }).waitFor();
    await filter.press('ArrowDown');
    await filter.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Kodat med Trötthet.' }).waitFor();
    await page.keyboard.press('Escape');
    assert.is(await dialog.evaluate((d: HTMLDialogElement) => d.open), false, 'Esc closes the picker');
    await card.locator('.chip .name', { hasText: 'Trötthet' }).waitFor();
    assert.equal(await card.locator('.chip .name').allTextContents(), ['Oro för barnet', 'Trötthet']);
    const annotated = await codings(page, server.url, '?type=annotation');
    assert.is(annotated.length, 2);

    // Removed from its chip.
    await card.getByRole('button', { name: /^Ta bort kodningen Trötthet från ofta kommer hungrig/ }).click();
    await card.locator('.chip .name', { hasText: 'Trötthet' }).waitFor({ state: 'detached' });
    assert.equal((await codings(page, server.url, '?type=annotation')).map((c) => c.codeName), ['Oro för barnet']);

    // After a reload, everything is still there; key C codes a selection too.
    await page.reload();
    await rail.waitFor();
    assert.is(await rail.getAttribute('aria-label'), 'Kodat med: Oro för barnet, Trötthet');
    assert.is(await card.locator('.rail').getAttribute('aria-label'), 'Kodat med: Oro för barnet');
    await selectPhrase(page, 'Hembesök');
    await page.getByRole('toolbar', { name: 'Markerat stycke' }).waitFor();
    await page.keyboard.press('c');
    await filter.waitFor();
    assert.match((await dialog.locator('.subject').textContent()) ?? '', 'Hembesök');
    await page.keyboard.press('Escape');
    assert.equal(problems, [], 'no page errors or CSP violations');
  } finally {
    await page.context().close();
  }
});

test('a caseworker sees no coding, in the reader or among the reflections', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    assert.is((await page.request.get(`${server.url}/api/studies/mini/codings`)).status(), 403);
    await page.goto(`${server.url}${FAMILY}`);
    await page.locator('bs-reader bs-annotation-card .title').waitFor();
    await selectPhrase(page, PHRASE);
    const bar = page.getByRole('toolbar', { name: 'Markera som:' });
    await bar.waitFor();
    assert.is(await bar.getByRole('button', { name: 'Koda stycket' }).count(), 0, 'no "Koda stycket"');
    assert.is(await page.locator('bs-reader bs-coding-strip, bs-reader .codebar').count(), 0, 'no codes or coding bar');
    assert.is(await page.getByRole('button', { name: /^Koda/ }).count(), 0);
    assert.is(await page.locator('dialog.coding').count(), 0);

    await page.goto(`${server.url}${FAMILY}/reflektioner`);
    await page.getByRole('textbox', { name: 'Sammanfattning' }).waitFor();
    assert.is(await page.getByText('Forskarens reflektion').count(), 0);
    assert.is(await page.getByRole('button', { name: /Koda hela reflektionen/ }).count(), 0);
    assert.is(await page.locator('bs-reflections-view bs-markdown-editor').count(), 4, 'the summary and three reflections, nothing more');
  } finally {
    await page.context().close();
  }
});

test.run();
