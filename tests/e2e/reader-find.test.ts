// "Sök i akten" in a long case file: the reader keeps only the entries near the viewport in the page, so
// the browser's own find cannot see the rest; the find field looks through all of it. Ctrl+F moves focus
// there, Enter and Shift+Enter go through the occurrences (whatever their case), each is scrolled into
// view and marked while focus stays in the field, and a word that is not there says so.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { deepActiveElement, logIn } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('Sök i akten');

const ENTRIES = 1500;
const day = (n: number) => new Date(Date.UTC(2001, 0, n)).toISOString().slice(0, 10);
const about = (n: number) => (n === 1400 ? 'Fotbollsträningen har börjat' : n === 20 ? 'Besök hos tandläkaren' : n === 1450 ? 'TANDLÄKAREN ringde' : 'Vardag');
const TEXT = Array.from({ length: ENTRIES }, (_, i) => `${day(i + 1)} Anteckning ${i + 1}\n${about(i + 1)} enligt anteckning ${i + 1}.\n\n`).join('');

/** The text the find mark covers, and whether it is inside the viewport; null when nothing is marked. */
function found(page: Page): Promise<{ text: string; inView: boolean } | null> {
  return page.evaluate<{ text: string; inView: boolean } | null>(`(() => {
    const mark = CSS.highlights.get('bs-found');
    if (!mark) return null;
    const range = [...mark][0];
    const box = range.getBoundingClientRect();
    return { text: range.toString(), inView: box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight };
  })()`);
}

/** Waits until the find mark covers `text` (a predicate function: the app's CSP allows no eval of strings). */
async function markedAs(page: Page, text: string): Promise<void> {
  await page.waitForFunction((want) => {
    const mark = CSS.highlights.get('bs-found');
    return !!mark && mark.size === 1 && [...mark][0]!.toString() === want;
  }, text);
}

test('finds words far beyond what is rendered, marks them in view and keeps focus in the field', async ({ server, browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    const family = await callApi<{ id: string }>(page, server.url, 'POST', `/api/studies/${MINI}/families`,
      { pseudonym: 'Familj Sök', activeFrom: '2001-01-01', activeTo: '2005-12-31' });
    await callApi(page, server.url, 'POST', `/api/studies/${MINI}/families/${family.id}/documents`, { title: 'Lång akt', text: TEXT });
    await page.goto(`${server.url}/#/studier/${MINI}/familjer/${family.id}`);
    // The whole file is in once the timeline shows (it waits for the whole file and its annotations).
    await page.locator('bs-timeline').getByRole('button', { name: /2005/ }).first().waitFor();
    const blocks = page.locator('bs-reader section.block');
    assert.is(await blocks.filter({ hasText: 'Fotbollsträningen' }).count(), 0, 'the entry is not in the page');

    await page.keyboard.press('Control+f');
    assert.equal((await deepActiveElement(page))?.tag, 'input', 'Ctrl+F moved focus to the find field');
    const field = page.getByRole('searchbox', { name: 'Sök i akten' });
    const status = page.locator('bs-case-file-find [role=status]');

    await field.fill('fotbollsträningen');
    await field.press('Enter');
    await status.filter({ hasText: 'Träff 1 av 1' }).waitFor();
    await markedAs(page, 'Fotbollsträningen');
    assert.equal(await found(page), { text: 'Fotbollsträningen', inView: true });
    assert.equal((await deepActiveElement(page))?.tag, 'input', 'focus stays in the field');

    await field.fill('tandläkaren');
    assert.is(await found(page), null, 'a changed query takes the mark away');
    await field.press('Enter');
    await status.filter({ hasText: 'Träff 1 av 2' }).waitFor();
    await markedAs(page, 'tandläkaren');
    await field.press('Enter');
    await status.filter({ hasText: 'Träff 2 av 2' }).waitFor();
    await markedAs(page, 'TANDLÄKAREN');
    assert.equal(await found(page), { text: 'TANDLÄKAREN', inView: true });
    await field.press('Shift+Enter');
    await status.filter({ hasText: 'Träff 1 av 2' }).waitFor();
    await markedAs(page, 'tandläkaren');
    assert.ok((await found(page))?.inView);

    await field.fill('simhallen');
    await field.press('Enter');
    await status.filter({ hasText: 'Inga träffar i akten.' }).waitFor();
    assert.is(await found(page), null);
  } finally {
    await page.context().close();
  }
});

test.run();
