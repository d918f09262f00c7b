// The code page and the matrix as a researcher, over codings set up through the API (coding in the reader
// is another page's job): Risker (top level) codes fam-1's summary and a passage of fam-2's case file; its
// sub-code Oro codes the caseworker's annotation in fam-1. The code page shows each segment with its family,
// question, text, comment and coder, filters them, lists the memos about the code and links to the reader;
// the matrix has the counts in the right cells, a folded row adds its sub-codes', and a cell lists its segments.
// A segment whose annotation was deleted is flagged; caseworkers are refused in words.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { AnnotationView, Code, DocumentMeta, DocumentView, MemoView } from '../../server/domain/types.ts';
import { openAs } from '../setup/browser.ts';
import { MINI, callApi, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('the code page and the code matrix');

let page: Page;
let url = '';
let risker: Code;
let oro: Code;
let annotation: AnnotationView;
let passage: { documentId: string; start: number };
let memo: MemoView;

const codeHref = (id: string) => `${url}/#/studier/${MINI}/koder/${id}`;
const segments = () => page.locator('bs-segment-list li');
const summary = () => page.locator('bs-code-view [role="status"] .summary');

/** The text of the matrix cell in the row of `codeId` under the column headed `col`. */
async function cell(codeId: string, col: string): Promise<string> {
  const headers = (await page.locator('bs-code-matrix thead th').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(col);
  assert.ok(index > 0, `column ${col} in ${headers.join(', ')}`);
  return ((await page.locator(`bs-code-matrix tr[data-code-id="${codeId}"] td`).nth(index - 1).textContent()) ?? '').trim();
}

test.before(async ({ server, browser }) => {
  url = server.url;
  page = await openAs(browser, url, 'forskare1');
  const post = <T>(path: string, data: unknown) => callApi<T>(page, url, 'POST', `/api/studies/${MINI}${path}`, data);
  risker = await post<Code>('/codes', { name: 'Risker', description: 'Det som *kan* skada barnet.' });
  oro = await post<Code>('/codes', { name: 'Oro', parentId: risker.id });
  annotation = (await callApi<AnnotationView[]>(page, url, 'GET', `/api/studies/${MINI}/annotations?family=fam-1`))[0]!;
  const [meta] = await callApi<DocumentMeta[]>(page, url, 'GET', `/api/studies/${MINI}/families/fam-2/documents`);
  const doc = await callApi<DocumentView>(page, url, 'GET', `/api/studies/${MINI}/documents/${meta!.id}`);
  const exact = 'Polisen har varit i hemmet';
  passage = { documentId: doc.id, start: doc.text.indexOf(exact) };
  assert.ok(annotation && passage.start > 0);
  await post('/codings', { codeId: oro.id, target: { type: 'annotation', id: annotation.id } });
  await post('/codings', { codeId: risker.id, target: { type: 'reflection', familyId: 'fam-1', key: 'summary' } });
  await post('/codings', { codeId: risker.id, target: { type: 'passage', documentId: doc.id, start: passage.start, end: passage.start + exact.length, exact } });
  memo = await post<MemoView>('/memos', { title: 'Tankar om oro', body: 'Oro syns tidigt.', about: { type: 'code', id: oro.id } });
});

test.after(async () => {
  await page?.context().close();
});

test('the code page shows a coded annotation in its context, the memos, and links to the reader', async () => {
  await page.goto(codeHref(oro.id));
  await page.getByRole('heading', { name: 'Oro', level: 1 }).waitFor();
  await summary().filter({ hasText: '1 kodat stycke' }).waitFor();
  const item = segments().first();
  const text = (await item.innerText()).replace(/\s+/g, ' ');
  for (const part of ['Familj 1', 'Fråga: Tidiga tecken', 'Markering', 'ofta kommer hungrig och i för tunna kläder', 'Kodad av FoU-forskare 1']) {
    assert.match(text, part);
  }
  assert.ok(await item.getByText('Tidigt tecken på försummelse.').isVisible(), "the caseworker's comment");
  assert.ok(await page.getByText('Underkod till').isVisible());
  const csv = await page.getByRole('link', { name: 'Ladda ner styckena som CSV (för Excel eller R)' }).getAttribute('href');
  assert.is(csv, `/api/studies/${MINI}/codes/${oro.id}/segments.csv`);
  const memoLink = page.locator('bs-code-view section[aria-labelledby="memos-title"]').getByRole('link', { name: 'Tankar om oro' });
  assert.is(await memoLink.getAttribute('href'), `#/studier/${MINI}/memon/${memo.id}`);

  await item.getByRole('link', { name: 'Visa markeringen i akten, Familj 1' }).click();
  await page.waitForURL(`**/#/studier/${MINI}/familjer/fam-1/markeringar/${annotation.id}`);
  await page.locator('bs-family-view').waitFor();
});

test('the filters narrow the segments: sub-codes, kind and family', async () => {
  await page.goto(codeHref(risker.id));
  await summary().filter({ hasText: '2 kodade stycken' }).waitFor();
  assert.ok(await page.getByText('Det som kan skada barnet.').isVisible(), 'the description, as Markdown');

  await page.getByLabel('Ta med underkodernas stycken').check();
  await summary().filter({ hasText: '3 kodade stycken' }).waitFor();
  assert.ok(await segments().getByText('Kod: Oro').isVisible(), 'a sub-code’s segment says its code');

  await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Reflektioner' });
  await summary().filter({ hasText: '1 kodat stycke' }).waitFor();
  assert.match(await segments().first().innerText(), 'Fråga: Sammanfattning');
  assert.is(await segments().first().getByRole('link').getAttribute('href'), `#/studier/${MINI}/familjer/fam-1/reflektioner/summary`);

  await page.getByLabel('Typ', { exact: true }).selectOption({ index: 0 });
  await page.getByLabel('Familj', { exact: true }).selectOption({ label: 'Familj 2' });
  await summary().filter({ hasText: '1 kodat stycke' }).waitFor();
  const link = segments().first().getByRole('link', { name: 'Visa stycket i akten, Familj 2' });
  assert.is(await link.getAttribute('href'), `#/studier/${MINI}/familjer/fam-2/dokument/${passage.documentId}/${passage.start}`);

  await page.getByLabel('Fråga', { exact: true }).selectOption({ label: 'Tidiga tecken' });
  await summary().filter({ hasText: 'Inga kodade stycken med de här filtren.' }).waitFor();
});

test('the matrix by question: counts in the right cells, a folded row adds its sub-codes, a cell lists its segments', async () => {
  await page.goto(`${url}/#/studier/${MINI}/matris`);
  await page.locator('bs-code-matrix table').waitFor();
  assert.is(await page.locator('bs-code-matrix caption').textContent(), 'Antal kodningar per kod och fråga');
  assert.is(await page.getByRole('link', { name: 'Koder per fråga' }).getAttribute('aria-current'), 'page');
  assert.is(await cell(risker.id, 'Tidiga tecken'), '0');
  assert.is(await cell(risker.id, 'Sammanfattning'), '1');
  assert.is(await cell(risker.id, 'Stycken i akten'), '1');
  assert.is(await cell(oro.id, 'Tidiga tecken'), '1');
  assert.is(await page.locator('bs-code-matrix th[scope="row"]').count(), 2);

  const fold = page.getByRole('button', { name: 'Underkoder till Risker' });
  assert.is(await fold.getAttribute('aria-expanded'), 'true');
  await fold.click();
  assert.is(await fold.getAttribute('aria-expanded'), 'false');
  assert.is(await cell(risker.id, 'Tidiga tecken'), '1', 'the folded row counts Oro’s coding');
  assert.is(await page.locator(`bs-code-matrix tr[data-code-id="${oro.id}"]`).count(), 0, 'the sub-code row is hidden');

  await page.getByRole('button', { name: '1 kodning: Risker, Tidiga tecken' }).click();
  await page.getByRole('heading', { name: 'Kodade stycken: Risker med underkoder, Tidiga tecken' }).waitFor();
  await segments().first().getByText('ofta kommer hungrig och i för tunna kläder').waitFor();
  assert.match(await segments().first().innerText(), 'Kod: Oro');
  assert.is(await segments().count(), 1);

  await fold.click();
  assert.is(await cell(risker.id, 'Tidiga tecken'), '0', 'unfolded, the row shows its own codings again');
});

test('the matrix by family, and a cell’s segment links to its place in the case file', async () => {
  await page.getByRole('link', { name: 'Koder per familj' }).click();
  await page.waitForURL(`**/#/studier/${MINI}/matris/familjer`);
  await page.locator('bs-code-matrix caption', { hasText: 'Antal kodningar per kod och familj' }).waitFor();
  assert.is(await cell(risker.id, 'Familj 1'), '1');
  assert.is(await cell(oro.id, 'Familj 1'), '1');
  assert.is(await cell(risker.id, 'Familj 2'), '1');
  assert.is(await cell(risker.id, 'Familj 3'), '0');

  await page.getByRole('button', { name: '1 kodning: Risker, Familj 2' }).click();
  await segments().first().getByText('Polisen har varit i hemmet').waitFor();
  await segments().first().getByRole('link', { name: 'Visa stycket i akten, Familj 2' }).click();
  await page.waitForURL(`**/#/studier/${MINI}/familjer/fam-2/dokument/${passage.documentId}/${passage.start}`);
  await page.locator('bs-family-view').waitFor();
});

test('a coded annotation deleted afterwards is flagged as not found in the text', async ({ browser }) => {
  const caseworker = await openAs(browser, url, 'socsek1');
  try {
    await callApi(caseworker, url, 'DELETE', `/api/studies/${MINI}/annotations/${annotation.id}`, undefined, { 'If-Match': String(annotation.version) });
  } finally {
    await caseworker.context().close();
  }
  await page.goto(codeHref(oro.id));
  await summary().filter({ hasText: '1 kodat stycke' }).waitFor();
  assert.ok(await segments().first().getByText('Stycket hittas inte längre i texten.').isVisible());
  assert.is(await segments().first().getByRole('link').getAttribute('href'), `#/studier/${MINI}/familjer/fam-1`, 'the family, with no place left to open');
});

test('a caseworker is refused the code page and the matrix in words', async ({ browser }) => {
  const other = await openAs(browser, url, 'socsek2');
  try {
    for (const hash of [`#/studier/${MINI}/koder/${oro.id}`, `#/studier/${MINI}/matris`]) {
      await other.goto(`${url}/${hash}`);
      await other.getByText('är till för studiens forskare och projektledaren').waitFor();
    }
    assert.is((await other.request.get(`${url}/api/studies/${MINI}/matrix?rows=code&cols=question`)).status(), 403);
  } finally {
    await other.context().close();
  }
});

test.run();
