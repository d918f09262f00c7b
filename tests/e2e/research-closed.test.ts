// Research in a closed study (mini study, fam-1): a researcher's codings (a passage, an annotation, the
// summary), their meta-reflection and a code exist; the lead closes the study. Then the researcher still
// sees all of it, read-only: in the reader the chips with their names but no "Koda stycket" for a
// selection, no "Koda" on the cards, no × on the chips and nothing on key C; on the reflections page the
// whole-reflection codes and their meta-reflection as text, with no coding buttons and no editor; on the
// codebook page the codes without buttons to change them, no new-code form and no import, but with the
// .qdc export; on the memo pages no "Nytt memo" and no editor. Each page says the study is closed.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { AnnotationView, Code, DocumentMeta, DocumentView, MemoView } from '../../server/domain/types.ts';
import { openAs } from '../setup/browser.ts';
import { MINI, callApi, miniBrowserSuite, selectPhrase, settle } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('a closed study shows the research read-only');

const FAMILY = `/#/studier/${MINI}/familjer/fam-1`;
const PHRASE = 'trött och önskar stöd i vardagen';
const CODE = 'Oro för barnet';



test('after closing, a researcher sees codings, meta-reflections and codes, and is offered nothing to write', async ({ server, browser }) => {
  const url = server.url;
  const page = await openAs(browser, url, 'forskare1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    // What the researcher did while the study was open, through the API.
    const post = <T>(path: string, data: unknown) => callApi<T>(page, url, 'POST', `/api/studies/${MINI}${path}`, data);
    const code = await post<Code>('/codes', { name: CODE });
    const annotation = (await callApi<AnnotationView[]>(page, url, 'GET', `/api/studies/${MINI}/annotations?family=fam-1`))[0]!;
    const [meta] = await callApi<DocumentMeta[]>(page, url, 'GET', `/api/studies/${MINI}/families/fam-1/documents`);
    const doc = await callApi<DocumentView>(page, url, 'GET', `/api/studies/${MINI}/documents/${meta!.id}`);
    const start = doc.text.indexOf(PHRASE);
    assert.ok(annotation && start > 0);
    await post('/codings', { codeId: code.id, target: { type: 'annotation', id: annotation.id } });
    await post('/codings', { codeId: code.id, target: { type: 'passage', documentId: doc.id, start, end: start + PHRASE.length, exact: PHRASE } });
    await post('/codings', { codeId: code.id, target: { type: 'reflection', familyId: 'fam-1', key: 'summary' } });
    const memo = await post<MemoView>('/memos', {
      title: 'Min tanke', body: 'Forskaren *undrar* över början.', about: { type: 'reflection', id: 'fam-1:summary' },
    });

    const lead = await openAs(browser, url, 'projektledare');
    try {
      await callApi(lead, url, 'POST', `/api/studies/${MINI}/close`);
    } finally {
      await lead.context().close();
    }

    // The reader: the codes with their names, nothing to code or remove with.
    await page.goto(`${url}${FAMILY}`);
    await page.getByText('Studien är avslutad. Kodningarna kan läsas men inte ändras.').waitFor();
    const card = page.locator('bs-reader bs-coding-strip:has(bs-annotation-card)');
    const passage = page.locator('bs-reader bs-coding-strip:not(:has(bs-annotation-card))');
    await card.locator('.chip .name').first().waitFor();
    assert.equal(await card.locator('.chip .name').allTextContents(), [CODE]);
    assert.equal(await passage.locator('.chip .name').allTextContents(), [CODE]);
    assert.is(await passage.locator('.rail').getAttribute('aria-label'), `Kodat med: ${CODE}`);
    assert.is(await page.locator('bs-reader .chip button.remove').count(), 0, 'no × on the chips');
    assert.is(await page.locator('bs-reader').getByRole('button', { name: /^Koda/ }).count(), 0, 'no "Koda" on the cards');
    await selectPhrase(page, 'Hembesök');
    await settle(page);
    assert.is(await page.getByRole('toolbar', { name: 'Markerat stycke' }).count(), 0, 'no coding bar for a selection');
    assert.is(await page.getByRole('button', { name: 'Koda stycket' }).count(), 0);
    await page.keyboard.press('c');
    await settle(page);
    assert.is(await page.locator('dialog.coding').count(), 0, 'key C opens no picker');

    // The reflections: the codes on the summary and the meta-reflection as text.
    await page.goto(`${url}${FAMILY}/reflektioner`);
    const view = page.locator('bs-reflections-view');
    await view.getByText('Studien är avslutad. Kodningarna och forskarnas reflektioner kan läsas men inte ändras.').waitFor();
    const summary = view.locator('section[data-key="summary"]');
    const own = summary.locator('[data-voice="researcher"] bs-meta-reflection article.own');
    await own.waitFor();
    assert.is((await own.locator('bs-markdown-view em').textContent())?.trim(), 'undrar');
    assert.equal(await summary.locator('bs-coding-reflection .whole .chip .name').allTextContents(), [CODE]);
    assert.is(await view.locator('bs-markdown-editor').count(), 0, 'no editor, for the meta-reflections either');
    assert.is(await view.getByRole('button', { name: /Koda hela reflektionen|Koda ett stycke/ }).count(), 0);
    assert.is(await view.locator('.chip button.remove').count(), 0);

    // The codebook: the codes and the export, nothing to change them with.
    await page.goto(`${url}/#/studier/${MINI}/kodbok`);
    const codebook = page.locator('bs-codebook-view');
    await codebook.getByRole('link', { name: CODE, exact: true }).waitFor();
    await codebook.getByText('Studien är avslutad. Kodboken kan läsas och laddas ner men inte ändras.').waitFor();
    assert.match((await codebook.locator('bs-code-tree .row .count').first().textContent()) ?? '', '3 kodningar');
    for (const name of ['Redigera', 'Flytta…', 'Slå ihop…', 'Ta bort…']) {
      assert.is(await codebook.getByRole('button', { name: new RegExp(`^${name}`) }).count(), 0, `no ${name}`);
    }
    assert.is(await codebook.locator('bs-code-tree .row[draggable="true"], bs-code-tree .top-drop').count(), 0, 'no moving');
    assert.is(await codebook.getByRole('heading', { name: 'Ny kod' }).count(), 0, 'no new-code form');
    assert.is(await codebook.locator('bs-code-form, input[type="file"]').count(), 0, 'no form and no import');
    const exported = codebook.getByRole('link', { name: 'Ladda ner kodboken (REFI-QDA, .qdc)' });
    const href = await exported.getAttribute('href');
    assert.ok(href, 'the export link stays');
    const qdc = await page.request.get(new URL(href!, url).href);
    assert.is(qdc.status(), 200);
    assert.match(await qdc.text(), CODE);

    // The memos: no new memo, and the researcher's own memo without its editor.
    await page.goto(`${url}/#/studier/${MINI}/memon`);
    await page.getByText('Studien är avslutad. Memona kan läsas men inte ändras.').waitFor();
    assert.is(await page.getByRole('button', { name: 'Nytt memo' }).count(), 0);
    await page.goto(`${url}/#/studier/${MINI}/memon/${memo.id}`);
    await page.getByText('Studien är avslutad. Memot kan läsas men inte ändras.').waitFor();
    assert.is(await page.locator('bs-memo-editor').count(), 0);
    assert.equal(problems, [], 'no page errors');
  } finally {
    await page.context().close();
  }
});

test('the lead of a closed study sees the codes in the reader without coding them', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  try {
    await page.goto(`${server.url}${FAMILY}`);
    await page.getByText('Studien är avslutad. Kodningarna kan läsas men inte ändras.').waitFor();
    const card = page.locator('bs-reader bs-coding-strip:has(bs-annotation-card)');
    await card.locator('.chip .name').first().waitFor();
    assert.equal(await card.locator('.chip .name').allTextContents(), [CODE]);
    assert.is(await page.locator('bs-reader .chip button.remove').count(), 0, 'the lead removes no one\'s coding either');
    assert.is(await page.locator('bs-reader').getByRole('button', { name: /^Koda/ }).count(), 0);
    await selectPhrase(page, 'Hembesök');
    await settle(page);
    assert.is(await page.locator('bs-reader .selbar, bs-reader .codebar').count(), 0, 'no bar for a selection');
  } finally {
    await page.context().close();
  }
});

test.run();
