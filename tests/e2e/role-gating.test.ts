// Every screen offers only what the role may do: a researcher reads familj-a's case file without the
// "Markera som" bar (keys 1–9 do nothing) and its reflections as text, not editors (only their own
// meta-reflections beside them are); a caseworker selecting the same way gets the bar; the administrator
// lands on "Konton" after logging in.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { DEMO_STUDY, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('each role is offered only what it may do');

/** Selects the first words of the body text of the reader's first block, as a user dragging would. */
async function selectSomeText(page: Page): Promise<void> {
  const block = page.locator('bs-reader section.block').first();
  await block.locator('.text span[data-o]').first().waitFor();
  await block.evaluate((section) => {
    const span = section.querySelector('.text span[data-o]')!;
    const node = document.createTreeWalker(span, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const start = node.data.indexOf('\n') + 1;
    document.getSelection()!.setBaseAndExtent(node, start, node, Math.min(node.data.length, start + 25));
  });
}

async function openFamily(page: Page, url: string, tab = ''): Promise<void> {
  await page.goto(`${url}/#/studier/${DEMO_STUDY}/familjer/familj-a${tab}`);
  await page.getByRole('heading', { name: 'Familj A', level: 1 }).waitFor();
}

test('a caseworker who selects text is offered "Markera som"', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    await openFamily(page, server.url);
    await selectSomeText(page);
    await page.locator('bs-reader .selbar').waitFor();
  } finally {
    await page.context().close();
  }
});

test('a researcher reads the case file with no annotation bar, and keys 1–9 do nothing', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await openFamily(page, server.url);
    await page.getByText('Du kan läsa akten men inte markera i den.').waitFor();
    await selectSomeText(page);
    await page.waitForTimeout(300);
    assert.is(await page.locator('bs-reader .selbar').count(), 0, 'no "Markera som" bar');
    await page.keyboard.press('1');
    await page.waitForTimeout(200);
    assert.is(await page.locator('dialog.annotation').evaluate((d: HTMLDialogElement) => d.open), false, 'no annotation form');
    assert.is(await page.locator('bs-import-panel').count(), 0, 'no import');
  } finally {
    await page.context().close();
  }
});

test('a researcher reads the reflections as text, without editors', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await openFamily(page, server.url, '/reflektioner');
    const view = page.locator('bs-reflections-view');
    await view.getByText('Du kan läsa men inte ändra socialsekreterarnas reflektioner.').waitFor();
    await view.locator('section.slot').first().waitFor();
    assert.ok(await view.locator('section.slot').count() >= 2, 'the summary and the questions are listed');
    // The caseworkers' texts have no editors; the researcher's own meta-reflections beside them do.
    const theirs = view.locator('[data-voice="caseworker"]');
    assert.ok(await theirs.count() >= 2, 'the caseworkers\' texts, each in its column');
    assert.is(await theirs.locator('bs-markdown-editor, textarea').count(), 0, 'no editors for the caseworkers\' texts');
    assert.is(await view.locator('[data-voice="researcher"] bs-markdown-editor').count(), await theirs.count());
    assert.ok(await view.locator('section.slot h3', { hasText: 'Sammanfattning' }).isVisible());
  } finally {
    await page.context().close();
  }
});

test('the administrator lands on Konton after logging in', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'admin');
  try {
    await page.getByRole('heading', { name: 'Konton', level: 1 }).waitFor();
    assert.is(new URL(page.url()).hash, '#/konton');
  } finally {
    await page.context().close();
  }
});

test.run();
