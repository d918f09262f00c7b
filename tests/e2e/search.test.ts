// Searching a study from the header's search field: results grouped by kind with the words marked, a hit
// opening the exact place (an entry focused in the reader, an annotation's card, a reflection on its tab, a memo),
// filters in the URL (back restores them), more hits on request, and the empty, error and caseworker cases.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { DEMO_STUDY, deepActiveElement, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('searching a study and opening the hits');

/** Types `words` into the header's search field and waits for the results (or their absence) to be said. */
async function search(page: Page, words: string): Promise<void> {
  const field = page.getByRole('searchbox', { name: 'Sök i studien' });
  await field.fill(words);
  await field.press('Enter');
  // The view for these words: until it has them, the status line may still be the last search's.
  await page.locator(`bs-search-view[query="${words}"] .summary`).filter({ hasText: /träff/ }).waitFor();
}

const summary = (page: Page) => page.locator('bs-search-view .summary');
const group = (page: Page, kind: string) => page.locator(`bs-search-results section[data-kind="${kind}"]`);

/** The focused element through shadow roots, with the attributes these tests look at. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? {
      tag: el.tagName.toLowerCase(), key: el.getAttribute('data-key'), marked: el.classList.contains('target'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), top: el.getBoundingClientRect().top,
    } : null;
  });
}

test('an inflected word finds entries and reflections, grouped and marked; an entry hit opens the reader there', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await search(page, 'depressionen');
    assert.match(page.url(), `#/studier/${DEMO_STUDY}/sok?q=depressionen`);
    assert.match((await summary(page).textContent()) ?? '', /^\d+ träffar$/);
    assert.match((await group(page, 'entry').locator('h2').textContent()) ?? '', /Anteckningar i akten \(\d+\)/);
    assert.match((await group(page, 'reflection').locator('h2').textContent()) ?? '', /Reflektioner \(\d+\)/);
    const marks = await group(page, 'entry').locator('mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase().startsWith('depressi')), `marked: ${marks.join(', ')}`);
    assert.is(await page.getByRole('searchbox', { name: 'Sök i studien' }).inputValue(), 'depressionen', 'the field keeps the words');

    const first = group(page, 'entry').locator('li').first();
    const [, documentId, start] = ((await first.getAttribute('data-hit')) ?? '').split(':');
    const title = ((await first.locator('h3').textContent()) ?? '').trim();
    await first.getByRole('link').click();
    await page.waitForURL(new RegExp(`/familjer/[^/]+/dokument/${documentId}/${start}$`));
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.matches('section.block');
    });
    const entry = await deepActiveElement(page);
    assert.ok(entry?.block?.startsWith(`${documentId}:`), `the entry of the hit's document has focus (${entry?.block})`);
    const section = page.locator(`bs-reader section[data-block="${entry!.block}"]`);
    const [from, to] = [Number(await section.getAttribute('data-start')), Number(await section.getAttribute('data-end'))];
    assert.ok(from <= Number(start) && Number(start) < to, `the focused entry holds offset ${start} (${from}–${to})`);
    assert.ok(entry!.text.includes(title.replace(/^\d+ \w+ \d{4} /, '').slice(0, 20)), `it is "${title}"`);
    const place = await focused(page);
    assert.ok(place?.marked, 'the entry is marked as where the link landed');
    // Scrolled to the top, the entry may sit a fraction of a pixel above it (-0.0625 was seen).
    assert.ok(place!.top > -1 && place!.top < 900, `the entry is in view (top ${place!.top})`);

    await page.goBack();
    await group(page, 'entry').waitFor();
    assert.is(await page.getByRole('searchbox', { name: 'Sök i studien' }).inputValue(), 'depressionen');
  } finally {
    await page.context().close();
  }
});

test('an annotation hit focuses its card; a reflection hit opens the reflections tab at that reflection', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await search(page, 'viktutvecklingen');
    const annotation = group(page, 'annotation').locator('li').first();
    assert.match((await annotation.locator('mark').first().textContent()) ?? '', /^viktutvecklingen$/i);
    await annotation.getByRole('link').click();
    await page.waitForURL(/\/familjer\/familj-a\/markeringar\/[^/]+$/);
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.tagName === 'ARTICLE';
    });
    const card = await focused(page);
    const annotationId = page.url().split('/').pop();
    const cardOf = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const host = (el?.getRootNode() as ShadowRoot | undefined)?.host as (Element & { annotation?: { id: string } }) | undefined;
      return host?.tagName === 'BS-ANNOTATION-CARD' ? host.annotation?.id : null;
    });
    assert.is(cardOf, annotationId, "the hit's annotation card has focus");
    assert.match(card?.text ?? '', 'Hon ammas och får ersättning', 'its quote');
    assert.ok(card?.marked, 'and is marked');

    await search(page, 'förlossningsdepression');
    const reflection = group(page, 'reflection').locator('li').first();
    assert.is(await reflection.getAttribute('data-hit'), 'r:familj-a:summary');
    await reflection.getByRole('link').click();
    await page.waitForURL(/\/familjer\/familj-a\/reflektioner\/summary$/);
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-key') === 'summary';
    });
    const slot = await focused(page);
    assert.is(slot?.key, 'summary');
    assert.ok(slot?.marked);
    assert.is(await page.getByRole('link', { name: 'Reflektioner' }).getAttribute('aria-current'), 'page');
  } finally {
    await page.context().close();
  }
});

test('a memo hit opens the memo', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await search(page, 'papporna kallades');
    const memo = group(page, 'memo').locator('li').first();
    assert.match((await group(page, 'memo').locator('h2').textContent()) ?? '', /Memon \(\d+\)/);
    assert.match((await memo.getAttribute('data-hit')) ?? '', /^m:/);
    const title = ((await memo.locator('h3').textContent()) ?? '').trim();
    await memo.getByRole('link').click();
    await page.waitForURL(/\/memon\/[^/]+$/);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  } finally {
    await page.context().close();
  }
});

test('filters live in the URL, back restores them, and more hits load on request', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare1');
  try {
    await search(page, 'kontaktfamiljen');
    const text = (await summary(page).textContent()) ?? '';
    const total = Number(/^(\d+) träffar/.exec(text)?.[1]);
    assert.ok(total > 50, `more than one page (${text})`);
    assert.match(text, `Visar 50 av ${total}.`);
    assert.match((await group(page, 'entry').locator('h2').textContent()) ?? '', /\(\d+ visas\)/);

    await page.getByRole('button', { name: 'Visa fler träffar' }).click();
    await summary(page).filter({ hasText: new RegExp(`^${total} träffar$`) }).waitFor();
    assert.is(await page.locator('bs-search-results li').count(), total);
    assert.is(await page.getByRole('button', { name: 'Visa fler träffar' }).count(), 0);

    await page.getByLabel('Familj', { exact: true }).selectOption({ label: 'Familj F' });
    await page.getByLabel('Från år', { exact: true }).fill('2009');
    await page.getByRole('button', { name: 'Använd filtren' }).click();
    await page.waitForURL(/familj=familj-f&fran=2009$/);
    await summary(page).filter({ hasText: /träff/ }).waitFor();
    const metas = await page.locator('bs-search-results .meta').allTextContents();
    assert.ok(metas.length > 0 && metas.every((m) => m.startsWith('Familj F')), 'only Familj F');

    await page.goBack();
    await page.waitForURL(/sok\?q=kontaktfamiljen$/);
    await summary(page).filter({ hasText: `${total} träffar` }).waitFor();
    assert.is(await page.getByLabel('Familj', { exact: true }).inputValue(), '', 'the family filter is cleared again');
    assert.is(await page.getByLabel('Från år', { exact: true }).inputValue(), '');

    await page.getByLabel('Från år', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Använd filtren' }).click();
    await page.getByText('Skriv året med fyra siffror').waitFor();
    assert.match(page.url(), /sok\?q=kontaktfamiljen$/, 'a malformed year is not applied');

    // Written by: annotations about "mamma" by socsek2 (families E–H) only — the demo has some in Familj A too.
    await search(page, 'mamma');
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Markeringar' });
    await page.getByLabel('Skriven av', { exact: true }).selectOption({ label: 'Socialsekreterare 2 (socialsekreterare)' });
    await page.getByRole('button', { name: 'Använd filtren' }).click();
    await page.waitForURL(/forfattare=u-/);
    await summary(page).filter({ hasText: /träff/ }).waitFor();
    // The list renders in its own update, just after the status line: wait until it shows as many as it says.
    const said = Number(/(\d+) träff/.exec((await summary(page).textContent()) ?? '')?.[1] ?? 1);
    let byAuthor: string[] = [];
    for (let i = 0; i < 50 && byAuthor.length !== said; i++) {
      byAuthor = await page.locator('bs-search-results .meta').allTextContents();
      if (byAuthor.length !== said) await page.waitForTimeout(100);
    }
    assert.ok(byAuthor.length > 0 && byAuthor.every((m) => /^Familj [E-H]/.test(m)), `only socsek2's families: ${byAuthor.join(' | ')}`);
  } finally {
    await page.context().close();
  }
});

test('a caseworker: "/" focuses the field, no code filter or memos, only their families, and the empty and error states', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    await page.keyboard.press('/');
    const active = await focused(page);
    assert.is(active?.tag, 'input', '"/" moves focus to the search field');
    await page.keyboard.type('kontaktfamiljen');
    await page.keyboard.press('Enter');
    await summary(page).filter({ hasText: /träff/ }).waitFor();
    const families = await page.getByLabel('Familj', { exact: true }).locator('option').allTextContents();
    const metas = await page.locator('bs-search-results .meta').allTextContents();
    assert.ok(metas.every((m) => families.some((f) => m.startsWith(f))), 'hits only from the families the caseworker sees');
    assert.is(await page.getByLabel('Kod', { exact: true }).count(), 0, 'no code filter');
    assert.not.ok((await page.getByLabel('Typ', { exact: true }).locator('option').allTextContents()).includes('Memon'));

    await search(page, 'xyzzyqwerty');
    assert.is(((await summary(page).textContent()) ?? '').trim(), 'Inga träffar. Prova ett annat ord eller en annan stavning.');
    assert.is(await page.locator('bs-search-results section').count(), 0);

    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/sok?q=${'a'.repeat(201)}`);
    await page.locator('bs-search-view [role="alert"]').waitFor();
    assert.match((await page.locator('bs-search-view [role="alert"]').textContent()) ?? '', 'högst 200 tecken');
  } finally {
    await page.context().close();
  }
});

test('a search that takes long (the index is still being built after a start) says why in the status line', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route((url) => url.pathname === `/api/studies/${DEMO_STUDY}/search`, async (route) => {
      await released;
      await route.continue();
    });
    const field = page.getByRole('searchbox', { name: 'Sök i studien' });
    await field.fill('kontaktfamiljen');
    await field.press('Enter');
    await summary(page).filter({ hasText: /^Söker …$/ }).waitFor();
    await summary(page).filter({ hasText: 'bygger servern först upp sökindexet' }).waitFor();
    assert.is(await page.locator('bs-search-view [role="status"]').count(), 1, 'said in the status region');
    release();
    await summary(page).filter({ hasText: /träff/ }).waitFor();
    assert.not.match((await summary(page).textContent()) ?? '', 'sökindexet', 'gone once the answer is there');
  } finally {
    await page.context().close();
  }
});

test('while the server answers 503 index_building, the status line says how far it has come and the search is asked again', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    let asked = 0;
    await page.route((url) => url.pathname === `/api/studies/${DEMO_STUDY}/search`, async (route) => {
      asked++;
      if (asked > 1) return route.continue();
      await route.fulfill({
        status: 503,
        headers: { 'retry-after': '2' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'index_building', message: 'Sökindexet byggs (25 %).', done: 3, total: 12 } }),
      });
    });
    const field = page.getByRole('searchbox', { name: 'Sök i studien' });
    await field.fill('kontaktfamiljen');
    await field.press('Enter');
    await summary(page).filter({ hasText: 'bygger upp sökindexet efter en omstart eller en stor import: 25 % klart' }).waitFor();
    assert.is(await page.locator('bs-search-view [role="alert"]').count(), 0, 'not an error');
    await summary(page).filter({ hasText: /träff/ }).waitFor();
    assert.is(asked, 2, 'asked again once');
    assert.not.match((await summary(page).textContent()) ?? '', 'sökindexet', 'gone once the answer is there');
  } finally {
    await page.context().close();
  }
});

test.run();
