// A caseworker annotates with the keyboard only: Tab into the reader, J to an entry, the arrow keys to a
// sentence, Shift+ArrowRight to take in the next one, key 1, a comment, Ctrl+Enter. The annotation is listed
// in the margin and by the API with exactly those two sentences. Also: word steps, Escape, the help, and
// that the reader's keys do nothing while the user types in a field.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { AnnotationView, DocumentView } from '../../server/domain/types.ts';
import { sentences, words } from '../../client/common/text-segments.ts';
import { DEMO_STUDY, deepActiveElement, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';
import { readerKeys } from '../setup/reader.ts';

const test = browserSuite('annotating with the keyboard only');

/** Presses Tab until an entry of the reader has focus; returns its block key. */
async function tabIntoReader(page: Page): Promise<string> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const active = await deepActiveElement(page);
    if (active?.tag === 'section' && active.block) return active.block;
  }
  throw new Error('Tab never reached the reader');
}

/** The sentences of a block (as the reader finds them), from the stored document text; `between(i, j)` is
 * the text from the start of sentence i to the end of sentence j. */
async function blockSentences(page: Page, url: string, key: string) {
  const section = page.locator(`bs-reader section[data-block="${key}"]`);
  const start = Number(await section.getAttribute('data-start'));
  const end = Number(await section.getAttribute('data-end'));
  const documentId = key.slice(0, key.lastIndexOf(':'));
  const doc = (await (await page.request.get(`${url}/api/studies/${DEMO_STUDY}/documents/${documentId}`)).json()) as DocumentView;
  const spans = sentences(doc.text, start, end);
  return {
    text: doc.text,
    spans,
    list: spans.map((s) => doc.text.slice(s.start, s.end)),
    between: (i: number, j: number) => doc.text.slice(spans[i]!.start, spans[j]!.end),
    start: (i: number) => spans[i]!.start,
  };
}

/** Waits until the entry `key` has focus (moving to an entry scrolls and settles over a few frames). */
function focusOn(page: Page, key: string): Promise<unknown> {
  return page.waitForFunction((k) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.getAttribute('data-block') === k;
  }, key, { timeout: 5000 });
}

/** Waits until the reader's live region contains `text`. */
function announced(page: Page, text: string): Promise<unknown> {
  return page.locator('bs-reader p[role="status"]', { hasText: text }).waitFor({ timeout: 5000 });
}

const liveText = async (page: Page) => ((await page.locator('bs-reader p[role="status"]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

test('Tab, J, arrows, Shift+ArrowRight, 1, a comment and Ctrl+Enter make an annotation of two sentences', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await logIn(page, server.url, 'socsek1');
    await page.getByRole('link', { name: 'Familj A' }).click();
    await page.getByRole('heading', { name: 'Familj A', level: 1 }).waitFor();
    await page.locator('bs-reader section.block').first().waitFor();
    // The reader's blocks in order (only those near the viewport are in the DOM).
    const keys = await readerKeys(page);
    const before = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/annotations?family=familj-a`)).json()) as AnnotationView[];

    // The help is there, closed.
    const help = page.locator('bs-keyboard-help details');
    assert.is(await help.evaluate((d: HTMLDetailsElement) => d.open), false);
    assert.is((await page.locator('bs-keyboard-help summary').textContent())?.trim(), 'Tangentbord');

    assert.is(await tabIntoReader(page), keys[0], 'Tab reaches the first entry');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await focusOn(page, keys[2]!); // J twice: the third entry
    await page.keyboard.press('k');
    await focusOn(page, keys[1]!);
    await page.keyboard.press('ArrowDown');
    await focusOn(page, keys[2]!);

    // The third entry of familj-a has an annotation (a highlight) in its sixth sentence: the selection
    // runs into it.
    const block = await blockSentences(page, server.url, keys[2]!);
    const found = block.list;
    assert.ok(found.length >= 6, `the entry has sentences (${found.length})`);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await announced(page, flat(found[4]!).slice(0, 30));
    assert.is(await liveText(page), `Markerat: ${flat(found[4]!)}`, 'ArrowRight ×5: the fifth sentence');
    await page.keyboard.press('Shift+ArrowRight');
    const expected = block.between(4, 5);
    await page.getByRole('toolbar', { name: 'Markera som:' }).waitFor();
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
    assert.is(await liveText(page), `Markerat: ${flat(expected)}`, 'Shift+ArrowRight: two sentences, announced');
    assert.is((await deepActiveElement(page))?.block, keys[2], 'focus stays in the entry');

    await page.keyboard.press('1');
    const dialog = page.locator('dialog.annotation');
    await dialog.getByRole('heading', { name: 'Ny markering' }).waitFor();
    assert.ok(await dialog.getByRole('radio', { name: 'Tidiga tecken' }).isChecked(), 'key 1 chose question 1');
    assert.is(flat((await dialog.locator('blockquote').textContent()) ?? ''), flat(expected));
    // The reader's keys (j, k, comma, full stop, arrows) are text here.
    const comment = 'Markerat med tangentbordet, jfr. BVC. Ok';
    await page.keyboard.type(comment);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });

    const card = page.locator('bs-reader bs-annotation-card', { hasText: 'tangentbordet' });
    await card.waitFor();
    const quote = flat((await card.locator('blockquote').textContent()) ?? '').replace(/…$/, '').trim();
    assert.ok(quote.length > 40 && flat(expected).startsWith(quote), `listed in the margin: "${quote}"`);
    const after = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/annotations?family=familj-a`)).json()) as AnnotationView[];
    assert.is(after.length, before.length + 1);
    const mine = after.find((a) => !before.some((b) => b.id === a.id))!;
    assert.is(mine.target.exact, expected, 'target.exact is the two sentences');
    assert.is(mine.target.start, block.start(4));
    assert.is(mine.comment, comment);
    assert.is(mine.questionId, 'tidiga-tecken');
    assert.equal(problems, [], 'no page errors');
  } finally {
    await context.close();
  }
});

test('word steps, Escape, and moving past the end of an entry', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-d`);
    await page.locator('bs-reader section.block').first().waitFor();
    // The reader's blocks in order (only those near the viewport are in the DOM).
    const keys = await readerKeys(page);
    await tabIntoReader(page);
    await page.keyboard.press('ArrowDown');
    await focusOn(page, keys[1]!);
    const block = await blockSentences(page, server.url, keys[1]!);
    const found = block.list;
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    await announced(page, flat(found[1]!).slice(0, 30));
    // Ctrl+Shift+ArrowLeft: the sentence without its last word.
    const second = block.spans[1]!;
    const last = words(block.text, second.start, second.end).at(-1)!;
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await announced(page, `Markerat: ${flat(block.text.slice(second.start, last.start))}`);
    assert.is(await liveText(page), `Markerat: ${flat(block.text.slice(second.start, last.start))}`);
    await page.keyboard.press('Escape');
    await page.getByRole('toolbar', { name: 'Markera som:' }).waitFor({ state: 'detached' });
    // From there on: the third sentence … the last, then the next entry's first sentence.
    for (let i = 2; i <= found.length; i++) await page.keyboard.press('ArrowRight');
    await focusOn(page, keys[2]!);
    const next = (await blockSentences(page, server.url, keys[2]!)).list;
    await announced(page, `Markerat: ${flat(next[0]!).slice(0, 30)}`);
    assert.is(await liveText(page), `Markerat: ${flat(next[0]!)}`, 'ArrowRight went on to the next entry');
    // Shift+ArrowLeft at the entry's first sentence stays in the entry.
    await page.keyboard.press('Shift+ArrowLeft');
    await announced(page, 'Markeringen stannar inom händelsen.');
  } finally {
    await context.close();
  }
});

test.run();
