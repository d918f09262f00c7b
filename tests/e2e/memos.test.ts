// Memos (mini study): a researcher starts a memo about the study from "Memon", its text saves itself and
// is there after a reload; the lead reads it (rendered Markdown, no editor, no "Ta bort memot") and finds it
// in the list, which filters by subject; a save over a newer version shows the conflict, keeps the typed
// text and stores it on "Skriv över med min text"; the author deletes a memo after confirming.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { MemoView } from '../../server/domain/types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('memos save themselves, are read by others and keep text on conflict');
const STUDY = 'mini';

/** The memo id in the page's address ('#/studier/mini/memon/<id>'). */
function memoIdOf(page: Page): string {
  const id = /#\/studier\/mini\/memon\/([^/?]+)$/.exec(page.url())?.[1];
  assert.ok(id, `a memo address: ${page.url()}`);
  return decodeURIComponent(id!);
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<void> {
  await page.locator('bs-memo-editor p.status').filter({ hasText: pattern }).waitFor({ timeout: 8000 });
}

async function createViaApi(page: Page, url: string, input: { title: string; body: string; about: { type: string; id: string } }): Promise<MemoView> {
  const res = await apiRequest(page, url, 'POST', `/api/studies/${STUDY}/memos`, { data: input });
  assert.is(res.status(), 201);
  return (await res.json()) as MemoView;
}

let studyMemoId = '';

test('a researcher starts a memo about the study; the text saves itself and survives a reload', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.locator('bs-study-view').getByRole('link', { name: 'Memon' }).click();
    await page.getByRole('heading', { name: 'Memon', level: 1 }).waitFor();
    await page.getByText('Det finns inga memon ännu.').waitFor();

    // An empty title is refused in the form; with one, the memo opens.
    await page.getByRole('button', { name: 'Nytt memo' }).click();
    const form = page.locator('bs-memo-new form');
    await form.getByRole('button', { name: 'Skapa memot' }).click();
    await form.getByText('Skriv en rubrik för memot.').waitFor();
    await form.getByLabel('Rubrik').fill('Första intryck');
    assert.is(await form.getByLabel('Vad handlar memot om?').inputValue(), 'study');
    await form.getByRole('button', { name: 'Skapa memot' }).click();
    await page.getByRole('heading', { name: 'Första intryck', level: 1 }).waitFor();
    studyMemoId = memoIdOf(page);
    const editor = page.locator('bs-memo-editor');
    assert.match((await page.locator('bs-memo-view .facts').textContent()) ?? '', /Handlar om:\s*Studien/);

    const body = editor.getByLabel('Text', { exact: true });
    await body.click();
    await page.keyboard.type('Mönstret **återkommer** i flera akter.');
    await waitForStatus(page, /^\s*Sparat \d\d:\d\d\s*$/);

    // The title saves the same way, and the heading follows it.
    await editor.getByLabel('Rubrik').fill('Första intryck av akterna');
    await page.getByRole('heading', { name: 'Första intryck av akterna', level: 1 }).waitFor();
    await waitForStatus(page, /^\s*Sparat/);

    await page.reload();
    await page.getByRole('heading', { name: 'Första intryck av akterna', level: 1 }).waitFor();
    assert.is(await page.locator('bs-memo-editor').getByLabel('Text', { exact: true }).inputValue(), 'Mönstret **återkommer** i flera akter.');
    assert.match((await page.locator('bs-memo-editor p.status').textContent()) ?? '', 'Senast sparat');
    const stored = (await (await page.request.get(`${server.url}/api/studies/${STUDY}/memos/${studyMemoId}`)).json()) as MemoView;
    assert.is(stored.title, 'Första intryck av akterna');
    assert.is(stored.body, 'Mönstret **återkommer** i flera akter.');
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('the lead reads the memo without an editor, and finds it in the filtered list', async ({ server, browser }) => {
  const author = await openAs(browser, server.url, 'forskare1');
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    await createViaApi(author, server.url, { title: 'Om familj 2', body: 'Flyttade ofta.', about: { type: 'family', id: 'fam-2' } });

    await lead.goto(`${server.url}/#/studier/${STUDY}/memon/${studyMemoId}`);
    await lead.getByRole('heading', { name: 'Första intryck av akterna', level: 1 }).waitFor();
    const view = lead.locator('bs-memo-view');
    await view.getByText('Bara FoU-forskare 1, som skrev memot, kan ändra det.').waitFor();
    assert.is(await view.locator('bs-markdown-view strong').textContent(), 'återkommer', 'the Markdown is rendered');
    assert.is(await view.locator('textarea, input, bs-memo-editor').count(), 0, 'no editor');
    assert.is(await view.getByRole('button', { name: 'Ta bort memot' }).count(), 0, 'no delete');
    assert.is(await view.getByRole('link', { name: 'Studien' }).getAttribute('href'), `#/studier/${STUDY}`);

    // The list: newest first, with what each is about and who wrote it; the filter narrows it.
    await view.getByRole('link', { name: 'Memon' }).click();
    await lead.getByRole('heading', { name: 'Memon', level: 1 }).waitFor();
    const list = lead.locator('bs-memos-view');
    const rows = list.locator('tbody tr');
    assert.is(await rows.count(), 2);
    const first = ((await rows.nth(0).textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(first, /Om familj 2 Familj 2 FoU-forskare 1/);
    assert.is(await rows.nth(0).getByRole('link', { name: 'Familj 2', exact: true }).getAttribute('href'), `#/studier/${STUDY}/familjer/fam-2`);
    assert.match((await rows.nth(1).textContent()) ?? '', /Första intryck av akterna\s+Studien\s+FoU-forskare 1/);

    await list.getByLabel('Handlar om').selectOption('family');
    await list.getByText('Visar 1 av 2 memon').waitFor();
    assert.is(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', 'Om familj 2');
    await list.getByLabel('Handlar om').selectOption('');
    await list.getByLabel('Familj', { exact: true }).selectOption('fam-1');
    await list.getByText('Inga memon passar filtren.').waitFor();
  } finally {
    await author.context().close();
    await lead.context().close();
  }
});

test('a save over a newer version shows the conflict, keeps my text and lets me overwrite', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    const memo = await createViaApi(page, server.url, { title: 'Krockar', body: 'Start.', about: { type: 'study', id: STUDY } });
    await page.goto(`${server.url}/#/studier/${STUDY}/memon/${memo.id}`);
    const editor = page.locator('bs-memo-editor');
    const body = editor.getByLabel('Text', { exact: true });
    await body.waitFor();

    // The same memo is saved in another tab meanwhile.
    const other = await apiRequest(page, server.url, 'PATCH', `/api/studies/${STUDY}/memos/${memo.id}`, {
      data: { body: 'Från en annan flik.' }, headers: { 'If-Match': String(memo.version) },
    });
    assert.is(other.status(), 200);

    await body.click();
    await body.press('End');
    await page.keyboard.type(' Min rad.');
    const alert = editor.locator('[role="alert"]');
    await alert.waitFor({ timeout: 8000 });
    assert.match((await alert.textContent()) ?? '', 'Du har sparat en nyare version av memot i en annan flik');
    assert.is((await alert.locator('bs-markdown-view p').textContent())?.trim(), 'Från en annan flik.', 'the stored version is shown');
    assert.is(await body.inputValue(), 'Start. Min rad.', 'my text is kept');
    assert.match((await editor.locator('p.status').textContent()) ?? '', 'Inte sparat');

    await alert.getByRole('button', { name: 'Skriv över med min text' }).click();
    await waitForStatus(page, /^\s*Sparat/);
    assert.is(await alert.count(), 0);
    const stored = (await (await page.request.get(`${server.url}/api/studies/${STUDY}/memos/${memo.id}`)).json()) as MemoView;
    assert.is(stored.body, 'Start. Min rad.');
    assert.is(stored.version, 3);
  } finally {
    await page.context().close();
  }
});

test('the author deletes a memo after confirming, and the list no longer has it', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    const memo = await createViaApi(page, server.url, { title: 'Att ta bort', body: '', about: { type: 'study', id: STUDY } });
    await page.goto(`${server.url}/#/studier/${STUDY}/memon/${memo.id}`);
    const editor = page.locator('bs-memo-editor');
    await editor.getByRole('button', { name: 'Ta bort memot' }).click();
    await editor.getByText('Ta bort memot? Det går inte att ångra.').waitFor();
    await editor.getByRole('button', { name: 'Avbryt' }).click();
    await editor.getByRole('button', { name: 'Ta bort memot' }).click();
    await editor.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByRole('heading', { name: 'Memon', level: 1 }).waitFor();
    assert.is(new URL(page.url()).hash, `#/studier/${STUDY}/memon`);
    await page.locator('bs-memos-view tbody tr').first().waitFor();
    assert.is(await page.locator('bs-memos-view').getByRole('link', { name: 'Att ta bort' }).count(), 0);
    assert.is((await page.request.get(`${server.url}/api/studies/${STUDY}/memos/${memo.id}`)).status(), 404);
  } finally {
    await page.context().close();
  }
});

test.run();
