// A caseworker reads familj-b, marks a passage with the mouse, answers question 1 and saves; the annotation
// shows in the text, the margin and the timeline, survives a reload, and is anchored on the stored text.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { AnnotationView, DocumentView } from '../../server/domain/types.ts';
import { DEMO_STUDY, apiRequest, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('a caseworker annotates a case file');

/**
 * Drags the mouse over about `length` characters of the body text of the reader's `index`-th block
 * (skipping its first line, the date heading) and returns the text that should now be selected.
 */
async function dragOverText(page: Page, index: number, length: number): Promise<{ quote: string }> {
  const block = page.locator('bs-reader section.block').nth(index);
  await block.scrollIntoViewIfNeeded();
  const plan = await block.evaluate((section, wanted) => {
    const span = section.querySelector('.text span[data-o]')!;
    const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const text = node.data;
    let start = text.indexOf('\n') + 1;
    while (/\s/.test(text[start] ?? '')) start++;
    let end = Math.min(text.length, start + wanted);
    while (end > start + 5 && /\S/.test(text[end] ?? ' ')) end--; // end on a word boundary
    while (/\s/.test(text[end - 1] ?? '')) end--;
    // No helper functions in here: tsx would wrap them in a __name() call the page does not know.
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, end - 1);
    range.setEnd(node, end);
    const last = range.getBoundingClientRect();
    return {
      x1: first.left + 1, y1: first.top + first.height / 2,
      x2: last.right - 1, y2: last.top + last.height / 2,
      quote: text.slice(start, end),
    };
  }, length);
  await page.mouse.move(plan.x1, plan.y1);
  await page.mouse.down();
  await page.mouse.move(plan.x2, plan.y2, { steps: 12 });
  await page.mouse.up();
  return { quote: plan.quote };
}

test('marks a passage with the mouse and key 1, and finds it again after a reload', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  try {
    await logIn(page, server.url, 'socsek1');
    await page.getByRole('link', { name: 'Familj B' }).click();
    await page.getByRole('heading', { name: 'Familj B', level: 1 }).waitFor();
    await page.locator('bs-reader section.block').nth(3).waitFor();
    assert.is(await page.locator('bs-reader mark').count(), 0, 'familj-b starts without annotations');

    const { quote } = await dragOverText(page, 3, 40);
    const bar = page.getByRole('toolbar', { name: 'Markera som:' });
    await bar.waitFor();
    assert.ok(await bar.getByRole('button', { name: '1 Tidiga tecken' }).isVisible());

    await page.keyboard.press('1');
    const dialog = page.locator('dialog.annotation');
    await dialog.getByRole('heading', { name: 'Ny markering' }).waitFor();
    assert.ok(await dialog.getByRole('radio', { name: 'Tidiga tecken' }).isChecked(), 'key 1 chose question 1');
    assert.is((await dialog.locator('blockquote').textContent())?.trim(), quote.replace(/\s+/g, ' '));
    await page.keyboard.type('Skolan **larmade** tidigt.');
    await dialog.getByRole('radio', { name: 'Ja', exact: true }).check();
    await dialog.getByRole('button', { name: 'Spara' }).click();

    const card = page.locator('bs-reader bs-annotation-card');
    await card.locator('.title').waitFor();
    assert.match((await card.locator('.title').textContent()) ?? '', 'Tidiga tecken');
    assert.is((await card.locator('blockquote').textContent())?.trim(), quote.replace(/\s+/g, ' '));
    assert.match((await card.locator('bs-markdown-view strong').textContent()) ?? '', 'larmade', 'comment is rendered Markdown');
    assert.match((await card.locator('.meta').textContent()) ?? '', 'Känt vid tidpunkten: Ja');
    assert.is(await page.locator('bs-reader mark').count() > 0, true, 'the passage is highlighted');
    assert.is(await page.locator('bs-reader .badge[aria-label*="Tidiga tecken"]').count(), 1, 'a numbered badge');
    const marker = page.locator('bs-timeline .marker');
    assert.equal(await marker.allTextContents().then((t) => t.map((s) => s.replace(/\s+/g, ' ').trim())), ['1 Tidiga tecken ×1']);
    assert.is(await dialog.evaluate((d: HTMLDialogElement) => d.open), false, 'the form closed');

    await page.reload();
    await card.locator('.title').waitFor();
    assert.match((await card.locator('.title').textContent()) ?? '', 'Tidiga tecken');
    assert.is((await card.locator('blockquote').textContent())?.trim(), quote.replace(/\s+/g, ' '));
    assert.equal(await marker.allTextContents().then((t) => t.map((s) => s.replace(/\s+/g, ' ').trim())), ['1 Tidiga tecken ×1']);

    const annotations = (await (await page.request.get(
      `${server.url}/api/studies/${DEMO_STUDY}/annotations?family=familj-b`)).json()) as AnnotationView[];
    assert.is(annotations.length, 1);
    const [a] = annotations;
    assert.is(a!.target.exact, quote);
    assert.is(a!.knownAtTheTime, true);
    assert.is(a!.anchor, 'anchored');
    const doc = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/documents/${a!.documentId}`)).json()) as DocumentView;
    assert.is(doc.text.slice(a!.target.start, a!.target.end), a!.target.exact);
    assert.is(a!.target.prefix, doc.text.slice(Math.max(0, a!.target.start - 32), a!.target.start));
    assert.is(a!.target.suffix, doc.text.slice(a!.target.end, a!.target.end + 32));
    assert.equal(problems, [], 'no page errors or CSP violations');
  } finally {
    await context.close();
  }
});

test('edits with Ctrl+Enter, survives a conflicting edit without losing text, and deletes', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    // An annotation of my own on familj-c, made through the API.
    const [meta] = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/families/familj-c/documents`)).json()) as { id: string }[];
    const doc = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/documents/${meta!.id}`)).json()) as DocumentView;
    const entry = doc.entries[1]!;
    const start = doc.text.indexOf('\n', entry.start) + 1;
    let end = start + 30;
    while (/\S/.test(doc.text[end] ?? ' ')) end++;
    const target = { start, end, exact: doc.text.slice(start, end), prefix: doc.text.slice(Math.max(0, start - 32), start), suffix: doc.text.slice(end, end + 32) };
    const created = await apiRequest(page, server.url, 'POST', `/api/studies/${DEMO_STUDY}/annotations`, {
      data: { documentId: doc.id, questionId: 'lyckade-insatser', target, comment: 'Första tanken.', knownAtTheTime: null },
    });
    assert.is(created.status(), 201);
    const mine = (await created.json()) as AnnotationView;

    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-c`);
    const card = page.locator('bs-reader bs-annotation-card');
    await card.locator('.title').waitFor();
    assert.match((await card.locator('.title').textContent()) ?? '', 'Lyckade insatser');

    // Edit, saved with Ctrl+Enter.
    await card.getByRole('button', { name: /^Redigera/ }).click();
    const dialog = page.locator('dialog.annotation');
    await dialog.getByRole('heading', { name: 'Redigera markering' }).waitFor();
    await dialog.getByLabel('Kommentar (Markdown)').fill('Andra tanken.');
    await page.keyboard.press('Control+Enter');
    await card.locator('bs-markdown-view p', { hasText: 'Andra tanken.' }).waitFor();

    // Someone (here: another tab) changes it in between; my edit meets a conflict and keeps my text.
    const current = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/annotations?family=familj-c`)).json()) as AnnotationView[];
    const v = current.find((a) => a.id === mine.id)!.version;
    const other = await apiRequest(page, server.url, 'PATCH', `/api/studies/${DEMO_STUDY}/annotations/${mine.id}`, {
      data: { comment: 'Ändrad i en annan flik.' }, headers: { 'If-Match': String(v) },
    });
    assert.is(other.status(), 200);
    await card.getByRole('button', { name: /^Redigera/ }).click();
    await dialog.getByLabel('Kommentar (Markdown)').fill('Tredje tanken.');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const alert = dialog.locator('[role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', 'nyare version (i en annan flik');
    assert.is(await dialog.getByLabel('Kommentar (Markdown)').inputValue(), 'Tredje tanken.', 'my text is kept');
    const stored = dialog.locator('section.stored');
    assert.is((await stored.getByRole('heading').textContent())?.trim(), 'Den sparade versionen');
    assert.is((await stored.locator('bs-markdown-view p').textContent())?.trim(), 'Ändrad i en annan flik.', 'the stored version is shown');
    await card.locator('bs-markdown-view p', { hasText: 'Ändrad i en annan flik.' }).waitFor();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await card.locator('bs-markdown-view p', { hasText: 'Tredje tanken.' }).waitFor();
    assert.is(await dialog.evaluate((d: HTMLDialogElement) => d.open), false);

    // Delete asks first.
    await card.getByRole('button', { name: /^Ta bort/ }).click();
    await card.getByRole('button', { name: 'Ja, ta bort' }).click();
    await card.waitFor({ state: 'detached' });
    assert.is(await page.locator('bs-timeline .marker').count(), 0);
    const left = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/annotations?family=familj-c`)).json()) as AnnotationView[];
    assert.is(left.some((a) => a.id === mine.id), false);
  } finally {
    await context.close();
  }
});

test('the text shows before the family\'s annotations arrive; one marked meanwhile is kept beside them', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    const listUrl = `${server.url}/api/studies/${DEMO_STUDY}/annotations?family=familj-a`;
    const before = (await (await page.request.get(listUrl)).json()) as AnnotationView[];
    const anchored = before.filter((a) => a.anchor === 'anchored').length;
    assert.ok(anchored > 0, 'familj-a has example annotations');

    // The family's annotations are answered at once (without the one marked below) but held until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route((url) => url.pathname === `/api/studies/${DEMO_STUDY}/annotations` && url.searchParams.get('family') === 'familj-a', async (route) => {
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    });
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a`);
    await page.locator('bs-reader section.block').nth(1).waitFor();
    const loading = page.getByRole('status').filter({ hasText: 'Markeringarna läses in …' });
    assert.ok(await loading.isVisible(), 'says the annotations are on their way');
    assert.is(await page.locator('bs-reader mark').count(), 0);
    assert.is(await page.locator('bs-timeline .marker').count(), 0, 'no timeline counts before the annotations');

    await dragOverText(page, 1, 40);
    await page.getByRole('toolbar', { name: 'Markera som:' }).waitFor();
    await page.keyboard.press('1');
    const dialog = page.locator('dialog.annotation');
    await dialog.getByRole('heading', { name: 'Ny markering' }).waitFor();
    await page.keyboard.type('Markerad innan de andra kom.');
    await dialog.getByRole('radio', { name: 'Ja', exact: true }).check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.locator('bs-reader bs-annotation-card bs-markdown-view p', { hasText: 'Markerad innan de andra kom.' }).waitFor();

    release();
    await loading.waitFor({ state: 'detached' });
    // Every anchored annotation counts in the timeline: those that arrived and the one made meanwhile.
    const counts = await page.locator('bs-timeline .marker').allTextContents();
    const total = counts.reduce((n, text) => n + Number(/×(\d+)/.exec(text)?.[1] ?? 0), 0);
    assert.is(total, anchored + 1);
    await page.locator('bs-reader bs-annotation-card bs-markdown-view p', { hasText: 'Markerad innan de andra kom.' }).waitFor();
    const after = (await (await page.request.get(listUrl)).json()) as AnnotationView[];
    assert.is(after.length, before.length + 1);
  } finally {
    await context.close();
  }
});

test.run();
