// Editing a reference on "Litteratur" (mini study): a researcher opens the form with "Ändra", changes the
// title and adds a second author, and the library shows the new entry; Escape closes the form and gives the
// focus back to the button; a change made meanwhile by someone else is shown (409) with the typed values kept
// and the other change not undone.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { ReferenceView } from '../../server/literature/reference-records.ts';
import { deepActiveElement, openAs } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('literature: editing a reference');

const refs = `/api/studies/${MINI}/references`;

/** Waits (briefly) until the focused element, through shadow roots, has `text`. */
async function focusedText(page: Page, text: string): Promise<string | undefined> {
  let seen: string | undefined;
  for (let i = 0; i < 20; i++) {
    seen = (await deepActiveElement(page))?.text;
    if (seen === text) break;
    await page.waitForTimeout(50);
  }
  return seen;
}

test('a researcher edits the title and adds an author; Escape closes the form', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await callApi(page, server.url, 'POST', refs, {
      id: 'sundell2007', type: 'article-journal', title: 'Gammal titel', author: [{ family: 'Sundell', given: 'Knut' }],
      issued: { 'date-parts': [[2007]] }, 'container-title': 'Socialvetenskaplig tidskrift', publisher: 'Förlaget',
    });
    await page.goto(`${server.url}/#/studier/${MINI}/litteratur`);
    const view = page.locator('bs-literature-view');
    const edit = view.getByRole('button', { name: 'Ändra sundell2007' });

    // Escape closes the form and the focus goes back to the button.
    await edit.click();
    const form = view.locator('bs-reference-form');
    await form.getByLabel('Titel').waitFor();
    assert.is(await form.getByLabel('Titel').inputValue(), 'Gammal titel');
    assert.is(await form.getByLabel('År').inputValue(), '2007');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    assert.is(await focusedText(page, 'Ändra'), 'Ändra');

    await edit.click();
    await form.getByLabel('Titel').fill('Familjer i socialtjänsten');
    await form.getByLabel('Författare').fill('Sundell, Knut\nÖstberg, Fredrik');
    await form.getByRole('button', { name: 'Spara referensen' }).click();
    await view.getByText('Ändringen av sundell2007 sparades.').waitFor();
    await form.waitFor({ state: 'detached' });

    const [stored] = await callApi<ReferenceView[]>(page, server.url, 'GET', refs);
    assert.is(stored?.title, 'Familjer i socialtjänsten');
    assert.equal(stored?.author, [{ family: 'Sundell', given: 'Knut' }, { family: 'Östberg', given: 'Fredrik' }]);
    assert.is(stored?.publisher, 'Förlaget', 'a field left alone is kept');
    assert.is(stored?.version, 2);

    const library = view.locator('ul.library');
    await library.getByText('& Östberg', { exact: false }).waitFor();
    const entry = ((await library.locator('li').first().textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(entry, /Sundell, K\., & Östberg, F\. \(2007\)\. Familjer i socialtjänsten/);
    assert.is(await focusedText(page, 'Ändra'), 'Ändra', 'the focus is back on the button');
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('a change made meanwhile is shown and the typed values stay; saving again uses them', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/litteratur`);
    const view = page.locator('bs-literature-view');
    await view.getByRole('button', { name: 'Ändra sundell2007' }).click();
    const form = view.locator('bs-reference-form');
    await form.getByLabel('Titel').fill('Min titel');

    // Someone else changes the pages meanwhile.
    await callApi(page, server.url, 'PATCH', `${refs}/sundell2007`, { page: '12–30' }, { 'If-Match': '2' });
    await form.getByRole('button', { name: 'Spara referensen' }).click();
    await form.getByText('Referensen har ändrats av någon annan').waitFor();
    await form.locator('dl.stored').getByText('12–30').waitFor();
    assert.is(await form.getByLabel('Titel').inputValue(), 'Min titel');
    assert.is(await form.getByLabel('Sidor').inputValue(), '12–30', 'a field left alone shows the stored value');

    await form.getByRole('button', { name: 'Spara referensen' }).click();
    await view.getByText('Ändringen av sundell2007 sparades.').waitFor();
    const [stored] = await callApi<ReferenceView[]>(page, server.url, 'GET', refs);
    assert.is(stored?.title, 'Min titel');
    assert.is(stored?.page, '12–30', 'the other change is kept');
  } finally {
    await page.context().close();
  }
});

test.run();
