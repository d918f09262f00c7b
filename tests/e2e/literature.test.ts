// The literature (mini study): a researcher imports a .bib file on "Litteratur" and sees it in the library
// with the key to cite it by (a second import reports it as already there); a memo citing it and an unknown
// key shows the author–year citation with the full reference on keyboard focus and the unknown key flagged,
// in the author's preview and in the lead's reading view; the study's reference list names the cited work
// and the unknown key; deleting after confirming leaves the key unknown.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { MemoView } from '../../server/domain/types.ts';
import { deepActiveElement, openAs } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('literature: import, library, citations in memos, the reference list');

const BIB = '@article{sundell2007, author = {Sundell, Knut and {\\"O}stberg, Fredrik}, title = {Familjer i socialtj{\\"a}nsten}, '
  + 'journal = {Socialvetenskaplig tidskrift}, year = {2007}}';
const bibFile = () => ({ name: 'ref.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(BIB) });

async function importFile(page: Page): Promise<void> {
  const view = page.locator('bs-literature-view');
  await view.getByLabel('Referensfil').setInputFiles(bibFile());
  await view.getByRole('button', { name: 'Läs in' }).click();
}

let memoId = '';

test('a researcher imports a .bib file and sees it in the library; importing it again changes nothing', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.locator('bs-study-view').getByRole('link', { name: 'Litteratur' }).click();
    await page.getByRole('heading', { name: 'Litteratur', level: 1 }).waitFor();
    const view = page.locator('bs-literature-view');
    await view.getByText('Biblioteket är tomt.', { exact: false }).waitFor();

    await importFile(page);
    await view.getByText('Nya referenser: 1.').waitFor();
    const library = view.locator('ul.library');
    await library.getByText('Östberg', { exact: false }).waitFor();
    const entry = ((await library.locator('li').first().textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(entry, /Sundell, K\., & Östberg, F\. \(2007\)/);
    assert.match(entry, /Citera som \[@sundell2007\]/);
    await view.getByRole('heading', { name: 'Referensbibliotek (1)' }).waitFor();

    await importFile(page);
    await view.getByText('Inga nya referenser.').waitFor();
    await view.getByText('Finns redan, inte ändrad: sundell2007.').waitFor();
    assert.is(await library.locator('li').count(), 1);
    // Nothing cites it yet: the reference list says so.
    await view.getByText('Inga texter i studien hänvisar till biblioteket ännu.').waitFor();
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('a memo shows its citations author–year, the full reference on keyboard focus, the unknown key flagged', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    const memo = await callApi<MemoView>(page, server.url, 'POST', `/api/studies/${MINI}/memos`, {
      title: 'Litteraturen', body: 'Som [@sundell2007, s. 12] visar. Jämför [@okand2020].', about: { type: 'study', id: MINI },
    });
    memoId = memo.id;
    await page.goto(`${server.url}/#/studier/${MINI}/memon/${memoId}`);
    await page.getByRole('heading', { name: 'Litteraturen', level: 1 }).waitFor();

    // The author previews the text: the preview button, then Tab, reaches the citation.
    const preview = page.locator('bs-memo-editor').getByRole('button', { name: 'Förhandsgranska' });
    await preview.click();
    const rendered = page.locator('bs-memo-editor bs-markdown-view');
    await rendered.getByText('(Sundell & Östberg, 2007, s. 12)').waitFor();
    await rendered.getByText('[okänd referens: okand2020?]').waitFor();
    const tip = rendered.locator('.cite-tip').first();
    assert.not.ok(await tip.isVisible(), 'the full reference is hidden until asked for');
    await preview.focus();
    await page.keyboard.press('Tab');
    const focused = await deepActiveElement(page);
    assert.is(focused?.text, '(Sundell & Östberg, 2007, s. 12)');
    await tip.waitFor({ state: 'visible' });
    assert.match((await tip.textContent()) ?? '', /Sundell, K\., & Östberg, F\. \(2007\)\. Familjer i socialtjänsten/);
    const described = await rendered.locator('.cite').first().getAttribute('aria-describedby');
    assert.is(described, await tip.getAttribute('id'), 'the reference describes the citation');
    // The unknown key's tooltip says what is wrong.
    await page.keyboard.press('Tab');
    await rendered.locator('.cite-tip').nth(1).getByText('Okänd referens: okand2020 finns inte i studiens litteratur.').waitFor();

    // The lead reads the memo with the same citations.
    await lead.goto(`${server.url}/#/studier/${MINI}/memon/${memoId}`);
    const read = lead.locator('bs-memo-view bs-markdown-view');
    await read.getByText('(Sundell & Östberg, 2007, s. 12)').waitFor();
    await read.getByText('[okänd referens: okand2020?]').waitFor();
    await read.locator('.cite').first().hover();
    await read.locator('.cite-tip').first().waitFor({ state: 'visible' });
  } finally {
    await page.context().close();
    await lead.context().close();
  }
});

test('the study reference list names the cited work and the unknown key; a deleted reference becomes unknown', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/litteratur`);
    const view = page.locator('bs-literature-view');
    const list = view.locator('section', { has: page.getByRole('heading', { name: 'Studiens referenslista' }) });
    await list.locator('.bibliography').getByText('Sundell', { exact: false }).waitFor();
    await list.locator('li').getByText('okand2020').waitFor();

    await view.getByRole('button', { name: 'Ta bort sundell2007' }).click();
    await view.getByText('Ta bort sundell2007? Texter som hänvisar till den visar sedan nyckeln som okänd.').waitFor();
    await view.getByRole('button', { name: 'Ja, ta bort' }).click();
    await view.getByText('sundell2007 är borttagen.').waitFor();
    await view.getByRole('heading', { name: 'Referensbibliotek (0)' }).waitFor();
    await list.locator('li').getByText('sundell2007').waitFor();
  } finally {
    await page.context().close();
  }
});

test('a reference pasted as BibTeX joins the library, and a memo cites it in running text as "Lindqvist och Öberg (2019)"', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/litteratur`);
    const view = page.locator('bs-literature-view');
    await view.getByRole('heading', { name: 'Referensbibliotek (0)' }).waitFor();
    const button = view.getByRole('button', { name: 'Läs in' });
    assert.ok(await button.isDisabled(), 'nothing to read in yet');
    await view.getByLabel('… eller klistra in referenser').fill(
      '@book{lindqvist2019, author = {Lindqvist, {\\AA}sa and {\\"O}berg, Per}, title = {Barn i familjehem}, publisher = {Liber}, year = {2019}}');
    await button.click();
    await view.getByText('Nya referenser: 1.').waitFor();
    await view.getByRole('heading', { name: 'Referensbibliotek (1)' }).waitFor();
    assert.match(((await view.locator('ul.library li').first().textContent()) ?? '').replace(/\s+/g, ' '), /Lindqvist, Å\., & Öberg, P\. \(2019\)/);
    assert.is(await view.getByLabel('… eller klistra in referenser').inputValue(), '', 'the pasted text is cleared once read in');

    const memo = await callApi<MemoView>(page, server.url, 'POST', `/api/studies/${MINI}/memos`, {
      title: 'I löptext', body: 'Som @lindqvist2019 [s. 4] beskriver, och fråga @forskare1.', about: { type: 'study', id: MINI },
    });
    // The lead reads it (the author would see the editor).
    const lead = await openAs(browser, server.url, 'projektledare');
    try {
      await lead.goto(`${server.url}/#/studier/${MINI}/memon/${memo.id}`);
      const read = lead.locator('bs-memo-view bs-markdown-view');
      await read.locator('.cite').getByText('Lindqvist och Öberg (2019, s. 4)').waitFor();
      // A mention stays text: no citation element holds it.
      await read.getByText('och fråga @forskare1.', { exact: false }).waitFor();
      assert.is(await read.locator('.cite').count(), 1);
    } finally {
      await lead.context().close();
    }
  } finally {
    await page.context().close();
  }
});

test.run();
