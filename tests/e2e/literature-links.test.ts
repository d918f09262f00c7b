// Links to the literature (mini study): a reference added through the API; as forskare1, typing an unknown
// `[@key]` in a memo's text flags it under the textarea; a code is linked to the reference in the
// codebook's edit dialog and its page lists the formatted entry; a memo is linked by checking the
// reference under its text and shows the entry to other readers.
import * as assert from 'uvu/assert';
import type { Code, MemoView } from '../../server/domain/types.ts';
import { openAs } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('literature links: unknown keys in the editor, codes and memos linked to references');

const ITEM = {
  id: 'sundell2007', type: 'article-journal', title: 'Familjer i socialtjänsten',
  author: [{ family: 'Sundell', given: 'Knut' }, { family: 'Östberg', given: 'Fredrik' }],
  'container-title': 'Socialvetenskaplig tidskrift', issued: { 'date-parts': [[2007]] },
};

let memoId = '';

test('typing an unknown key in a memo flags it under the textarea; a known key is not flagged', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await callApi(page, server.url, 'POST', `/api/studies/${MINI}/references`, ITEM);
    const memo = await callApi<MemoView>(page, server.url, 'POST', `/api/studies/${MINI}/memos`, {
      title: 'Läsning', body: 'Utkast.', about: { type: 'study', id: MINI },
    });
    memoId = memo.id;
    await page.goto(`${server.url}/#/studier/${MINI}/memon/${memoId}`);
    await page.getByRole('heading', { name: 'Läsning', level: 1 }).waitFor();
    const editor = page.locator('bs-memo-editor bs-markdown-editor');
    const body = editor.getByLabel('Text');
    await body.fill('');
    await body.pressSequentially('Se [@sundell2007] och [@okand2020].');
    const status = editor.getByRole('status');
    await status.getByText('Okänd referens: okand2020').waitFor();
    assert.not.match((await status.textContent()) ?? '', /sundell2007/);
    // Removing the unknown citation clears the flag.
    await body.fill('Se [@sundell2007].');
    await status.getByText('Okänd referens: okand2020').waitFor({ state: 'detached' });
  } finally {
    await page.context().close();
  }
});

test('a code linked to the reference in the edit dialog lists the formatted entry on its page', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    const code = await callApi<Code>(page, server.url, 'POST', `/api/studies/${MINI}/codes`, { name: 'Stöd', description: '', parentId: null });
    await page.goto(`${server.url}/#/studier/${MINI}/kodbok`);
    await page.getByRole('button', { name: 'Redigera Stöd' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redigera ”Stöd”' });
    const box = dialog.getByRole('checkbox', { name: /sundell2007 Sundell & Östberg 2007, Familjer i socialtjänsten/ });
    assert.not.ok(await box.isChecked());
    await box.check();
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Ändringarna i ”Stöd” har sparats.').waitFor();
    const stored = (await callApi<Code[]>(page, server.url, 'GET', `/api/studies/${MINI}/codes`)).find((c) => c.id === code.id);
    assert.equal(stored?.references, ['sundell2007']);

    await page.goto(`${server.url}/#/studier/${MINI}/koder/${code.id}`);
    const refs = page.locator('bs-code-view bs-linked-references');
    await refs.getByText('Familjer i socialtjänsten', { exact: false }).waitFor();
    assert.match(((await refs.locator('li').first().textContent()) ?? '').replace(/\s+/g, ' '), /Sundell, K\., & Östberg, F\. \(2007\)/);
  } finally {
    await page.context().close();
  }
});

test('a memo linked to the reference shows the entry, to its author and to the lead', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/memon/${memoId}`);
    const editor = page.locator('bs-memo-editor');
    await editor.getByRole('heading', { name: 'Läsning', level: 1 }).waitFor();
    await editor.getByRole('checkbox', { name: /sundell2007/ }).check();
    await editor.getByText('Litteraturen sparades.').waitFor();
    await editor.locator('bs-linked-references').getByText('Familjer i socialtjänsten', { exact: false }).waitFor();
    const stored = await callApi<MemoView>(page, server.url, 'GET', `/api/studies/${MINI}/memos/${memoId}`);
    assert.equal(stored.references, ['sundell2007']);
    // The text still saves after the links changed the memo's version.
    await editor.getByLabel('Text').fill('Se [@sundell2007]. Mer text.');
    await editor.getByLabel('Text').blur();
    await page.waitForFunction(async ([url]) => {
      const r = await fetch(url!);
      return ((await r.json()) as { body: string }).body.includes('Mer text.');
    }, [`${server.url}/api/studies/${MINI}/memos/${memoId}`]);

    await lead.goto(`${server.url}/#/studier/${MINI}/memon/${memoId}`);
    await lead.locator('bs-memo-view bs-linked-references').getByText('Familjer i socialtjänsten', { exact: false }).waitFor();
  } finally {
    await page.context().close();
    await lead.context().close();
  }
});

test.run();
