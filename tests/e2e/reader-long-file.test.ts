// A long case file (3,000 entries) opens from its head: the first entries show while the whole document is
// still on its way (the request is held here), nothing is called lost meanwhile, a selection made then
// survives, and once the rest arrives the timeline reaches the last entry and an annotation deep in the
// file is marked. Ordering, not timing.
import * as assert from 'uvu/assert';
import { logIn } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite, selectPhrase, settle } from '../setup/mini-e2e.ts';
import { readerKeys } from '../setup/reader.ts';

const test = miniBrowserSuite('a long case file opens from its head');

const ENTRIES = 3000;
const day = (n: number) => new Date(Date.UTC(2001, 0, 1 + n)).toISOString().slice(0, 10);
const entry = (n: number) => `${day(n - 1)} Anteckning ${n}\nSocialsekreteraren skriver om dag ${n} i akten och om familjens vardag.\n\n`;
const TEXT = `Akt med många anteckningar\n\n${Array.from({ length: ENTRIES }, (_, i) => entry(i + 1)).join('')}`;

test('the first entries show before the whole document arrives; then the last one is reachable', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    const family = await callApi<{ id: string }>(page, server.url, 'POST', `/api/studies/${MINI}/families`,
      { pseudonym: 'Familj Lång', activeFrom: '2001-01-01', activeTo: '2009-12-31' });
    const { document: created } = await callApi<{ document: { id: string; length: number } }>(page, server.url, 'POST',
      `/api/studies/${MINI}/families/${family.id}/documents`, { title: 'Lång akt', text: TEXT });
    assert.is(created.length, TEXT.length, 'stored as written');
    // An annotation near the end, far beyond the head.
    const phrase = 'skriver om dag 2990 i akten';
    const start = TEXT.indexOf(phrase);
    await callApi(page, server.url, 'POST', `/api/studies/${MINI}/annotations`, {
      documentId: created.id, questionId: 'tidiga-tecken', target: { start, end: start + phrase.length, exact: phrase }, comment: 'Sent i akten.',
    });

    // Hold the whole document (not its head) until released.
    let held = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // On the context: the whole document is read by a worker, whose requests the page does not route.
    await context.route((url) => url.pathname === `/api/studies/${MINI}/documents/${created.id}` && !url.search, async (route) => {
      held = true;
      await released;
      await route.continue();
    });

    await page.goto(`${server.url}/#/studier/${MINI}/familjer/${family.id}`);
    const blocks = page.locator('bs-reader section.block');
    await blocks.filter({ hasText: 'skriver om dag 1 i akten' }).waitFor({ state: 'visible' });
    assert.ok(held, 'the whole document was asked for and is still held');
    assert.ok(page.workers().some((w) => w.url().endsWith('/json-worker.js')), 'the whole document is read by the worker');
    assert.is(await blocks.filter({ hasText: `Anteckning ${ENTRIES}` }).count(), 0, 'the end of the file is not there yet');
    assert.is(await page.locator('#orphans-title').count(), 0, 'the annotation beyond the head is not called lost');
    // "Sök i akten" waits for the whole file rather than answer from the head alone.
    const find = page.getByRole('searchbox', { name: 'Sök i akten' });
    const findStatus = page.locator('bs-case-file-find [role=status]');
    await find.fill('om dag 2990 i');
    await find.press('Enter');
    await findStatus.filter({ hasText: 'Akten läses fortfarande in' }).waitFor();
    await find.blur(); // the keys below are the reader's

    // A selection made in the head survives the whole document's arrival.
    await selectPhrase(page, 'om dag 1 i akten');
    await settle(page);
    const bar = page.getByRole('toolbar', { name: 'Markera som' });
    await bar.waitFor({ state: 'visible' });

    release();
    // The reader holds the preamble and every entry, but only those near the viewport are in the DOM.
    const reader = await page.locator('bs-reader').elementHandle();
    await page.waitForFunction(([el, n]) => (el as unknown as { blocks: unknown[] }).blocks.length === n, [reader, ENTRIES + 1] as const);
    const inDom = await blocks.count();
    assert.ok(inDom > 0 && inDom < 50, `only the blocks near the viewport are rendered (${inDom})`);
    await settle(page);
    assert.is(await page.evaluate(() => document.getSelection()?.toString()), 'om dag 1 i akten');
    assert.ok(await bar.isVisible(), 'the selection bar is still there');
    await page.keyboard.press('Escape');
    // Scrolled far from the first entry (the tab stop), the reader still has one entry in the tab order.
    const [firstKey] = await readerKeys(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForFunction(([el, first]) => {
      const root = (el as Element).shadowRoot!;
      return root.querySelector('section.block') !== null && root.querySelector(`section[data-block="${first as string}"]`) === null;
    }, [reader, firstKey] as const);
    assert.is(await page.locator('bs-reader section.block[tabindex="0"]').count(), 1, 'one entry is the tab stop');
    // The timeline's last year leads to the last entry.
    await page.getByRole('button', { name: 'Visa händelser 2009' }).click();
    const last = page.locator('bs-timeline li.year').last().locator('button.entry').last();
    assert.match((await last.textContent())!, `Anteckning ${ENTRIES}`);
    await last.click();
    const target = blocks.filter({ hasText: `Anteckning ${ENTRIES}` });
    await target.waitFor({ state: 'visible' });
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
    const box = await target.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 900, `the last entry is in the viewport (top ${box?.y})`);
    // The annotation deep in the file is marked in its entry, and not listed as lost.
    await blocks.filter({ hasText: 'Anteckning 2990' }).locator('mark').first().waitFor({ state: 'attached' });
    assert.is(await page.locator('#orphans-title').count(), 0);
    // With the whole file in, the same search finds the one place.
    await find.press('Enter');
    await findStatus.filter({ hasText: 'Träff 1 av 1' }).waitFor();
  } finally {
    await context.close();
  }
});

test.run();
