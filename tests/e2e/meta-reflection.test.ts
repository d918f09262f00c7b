// A researcher on a family's reflections page (mini study, fam-1): codes a caseworker's reflection whole
// and a passage of it, and writes a meta-reflection beside it that saves itself, is created as a memo on
// the first save and updated after; the lead's meta-reflection on the same reflection is shown read-only
// with its author; after a reload both voices are there side by side (stacked on a narrow screen); a save
// from another tab is a conflict that keeps the typed text. The lead sees both voices too.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { CodingView, MemoView } from '../../server/domain/types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('a researcher codes a reflection and writes a meta-reflection beside it');

const KEY = 'tidiga-tecken';
const REFLECTION = 'Förskolan såg **tidigt** att Alva for illa.\n\nVi borde ha lyssnat mer på förskolan.';
const PASSAGE = 'Vi borde ha lyssnat mer';
const ABOUT = `reflection:fam-1:${KEY}`;

const section = (page: Page) => page.locator(`bs-reflections-view section[data-key="${KEY}"]`);
const voice = (page: Page, who: 'caseworker' | 'researcher') => section(page).locator(`[data-voice="${who}"]`);

async function openReflections(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/studier/mini/familjer/fam-1/reflektioner`);
  await voice(page, 'researcher').locator('bs-meta-reflection').waitFor();
}

async function memos(page: Page, url: string): Promise<MemoView[]> {
  return (await (await page.request.get(`${url}/api/studies/mini/memos?about=${encodeURIComponent(ABOUT)}`)).json()) as MemoView[];
}

test('codes a reflection whole and in part, and writes a meta-reflection beside it', async ({ server, browser }) => {
  // The caseworker's reflection and the lead's meta-reflection, through the API.
  const caseworker = await openAs(browser, server.url, 'socsek1');
  const put = await apiRequest(caseworker, server.url, 'PUT', `/api/studies/mini/families/fam-1/reflections/${KEY}`, {
    data: { text: REFLECTION }, headers: { 'If-Match': '0' },
  });
  assert.is(put.status(), 200);
  await caseworker.context().close();
  const lead = await openAs(browser, server.url, 'projektledare');
  const leadMemo = await apiRequest(lead, server.url, 'POST', '/api/studies/mini/memos', {
    data: { title: 'Ledarens tanke', body: 'Ledaren undrar *varför*.', about: { type: 'reflection', id: 'fam-1:tidiga-tecken' } },
  });
  assert.is(leadMemo.status(), 201);
  await lead.context().close();

  const page = await openAs(browser, server.url, 'forskare1');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    assert.is((await apiRequest(page, server.url, 'POST', '/api/studies/mini/codes', { data: { name: 'Självkritik' } })).status(), 201);
    await openReflections(page, server.url);

    // Both voices, labelled; the caseworker's text is read-only for a researcher.
    assert.is((await voice(page, 'caseworker').locator('h4').textContent())?.trim(), 'Socialsekreterarens reflektion');
    assert.is((await voice(page, 'researcher').locator('h4').first().textContent())?.trim(), 'Forskarens reflektion');
    assert.is((await voice(page, 'caseworker').locator('bs-markdown-view strong').textContent())?.trim(), 'tidigt');
    assert.is(await voice(page, 'caseworker').locator('bs-markdown-editor').count(), 0);
    const others = voice(page, 'researcher').locator('article.other');
    assert.match((await others.locator('.byline').textContent()) ?? '', /^Projektledaren, /);
    assert.is((await others.locator('bs-markdown-view em').textContent())?.trim(), 'varför');

    // Code the whole reflection.
    const dialog = page.locator('dialog.coding');
    const filter = dialog.getByRole('combobox');
    await section(page).getByRole('button', { name: 'Koda hela reflektionen: 1 Tidiga tecken' }).click();
    await filter.waitFor();
    assert.match((await dialog.locator('.subject').textContent()) ?? '', 'Hela reflektionen 1 Tidiga tecken');
    await filter.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Kodat med Självkritik.' }).waitFor();
    await dialog.getByRole('button', { name: 'Klar' }).click();
    const whole = voice(page, 'caseworker').locator('bs-coding-reflection .whole');
    await whole.locator('.chip .name', { hasText: 'Självkritik' }).waitFor();

    // Code a passage: selected in the reflection's own text.
    await section(page).getByRole('button', { name: 'Koda ett stycke: 1 Tidiga tecken' }).click();
    const source = section(page).getByRole('textbox', { name: 'Reflektionens text' });
    await source.waitFor();
    assert.is(await source.inputValue(), REFLECTION, 'the text as stored');
    await section(page).getByRole('button', { name: 'Koda det markerade' }).click();
    await section(page).getByRole('alert').filter({ hasText: 'Markera först ett stycke' }).waitFor();
    await source.evaluate((box: HTMLTextAreaElement, phrase) => {
      const at = box.value.indexOf(phrase);
      box.focus();
      box.setSelectionRange(at, at + phrase.length);
    }, PASSAGE);
    await section(page).getByRole('button', { name: 'Koda det markerade' }).click();
    await filter.waitFor();
    await filter.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Kodat med Självkritik.' }).waitFor();
    await page.keyboard.press('Escape');
    const coded = voice(page, 'caseworker').locator('bs-coding-reflection bs-coding-strip');
    await coded.locator('.rail[aria-label="Kodat med: Självkritik"]').waitFor();
    assert.match((await coded.locator('blockquote').textContent()) ?? '', PASSAGE);

    const list = (await (await page.request.get(`${server.url}/api/studies/mini/codings?type=reflection`)).json()) as CodingView[];
    assert.is(list.length, 2);
    const targets = list.map((c) => c.target).filter((t) => t.type === 'reflection');
    assert.ok(targets.some((t) => t.key === KEY && t.passage === null), 'the whole reflection');
    const part = targets.find((t) => t.passage !== null)?.passage;
    assert.is(part?.exact, PASSAGE);
    assert.is(REFLECTION.slice(part!.start, part!.end), PASSAGE);

    // My meta-reflection: saved by itself, created as a memo about this reflection.
    const editor = page.getByRole('textbox', { name: 'Din reflektion: 1 Tidiga tecken' });
    await editor.click();
    await page.keyboard.type('Hon ser sin egen **del** i det.');
    const status = voice(page, 'researcher').locator('bs-meta-reflection .status');
    await status.filter({ hasText: /^Sparat \d\d:\d\d$/ }).waitFor({ timeout: 8000 });
    let stored = await memos(page, server.url);
    const mine = stored.find((m) => m.authorName === 'FoU-forskare 1');
    assert.ok(mine, 'the memo was created');
    assert.is(mine!.body, 'Hon ser sin egen **del** i det.');
    assert.is(mine!.title, 'Reflektion om Tidiga tecken, Familj 1');
    assert.equal(mine!.about, { type: 'reflection', id: 'fam-1:tidiga-tecken' });
    await editor.press('End');
    await page.keyboard.type(' Mer.');
    await editor.press('Tab'); // leaving the field saves at once
    await status.filter({ hasText: /^Sparat/ }).waitFor();
    stored = await memos(page, server.url);
    assert.is(stored.filter((m) => m.authorName === 'FoU-forskare 1').length, 1, 'updated, not created again');
    const updated = stored.find((m) => m.id === mine!.id)!;
    assert.is(updated.body, 'Hon ser sin egen **del** i det. Mer.');
    assert.is(updated.version, 2);

    // After a reload: both voices side by side.
    await page.reload();
    await voice(page, 'researcher').locator('bs-meta-reflection').waitFor();
    await editor.waitFor();
    assert.is(await editor.inputValue(), 'Hon ser sin egen **del** i det. Mer.');
    assert.match((await status.textContent()) ?? '', 'Senast sparad');
    await whole.locator('.chip .name', { hasText: 'Självkritik' }).waitFor();
    const left = (await voice(page, 'caseworker').boundingBox())!;
    const right = (await voice(page, 'researcher').boundingBox())!;
    assert.ok(right.x >= left.x + left.width, 'the researcher beside the caseworker');
    assert.ok(Math.abs(right.y - left.y) < 2, 'at the same height');
    await page.setViewportSize({ width: 640, height: 900 });
    const narrowLeft = (await voice(page, 'caseworker').boundingBox())!;
    const narrowRight = (await voice(page, 'researcher').boundingBox())!;
    assert.ok(narrowRight.y >= narrowLeft.y + narrowLeft.height, 'stacked on a narrow screen');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 640, `no sideways scrolling: ${width}`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Saved in another tab meanwhile: a conflict that keeps what I typed; I keep mine.
    const patch = await apiRequest(page, server.url, 'PATCH', `/api/studies/mini/memos/${mine!.id}`, {
      data: { body: 'Från en annan flik.' }, headers: { 'If-Match': String(updated.version) },
    });
    assert.is(patch.status(), 200);
    await editor.click();
    await editor.press('End');
    await page.keyboard.type(' Sist.');
    const alert = voice(page, 'researcher').getByRole('alert');
    await alert.waitFor({ timeout: 8000 });
    assert.match((await alert.textContent()) ?? '', 'Du har sparat en nyare version i en annan flik');
    assert.is((await alert.locator('bs-markdown-view p').textContent())?.trim(), 'Från en annan flik.');
    assert.is(await editor.inputValue(), 'Hon ser sin egen **del** i det. Mer. Sist.', 'my text is kept');
    await alert.getByRole('button', { name: 'Skriv över med min text' }).click();
    await status.filter({ hasText: /^Sparat/ }).waitFor();
    assert.is((await memos(page, server.url)).find((m) => m.id === mine!.id)?.body, 'Hon ser sin egen **del** i det. Mer. Sist.');
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('the lead sees both voices, and the researcher\'s meta-reflection read-only', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  try {
    await openReflections(page, server.url);
    // The lead may write the caseworkers' texts, so theirs is an editor here.
    assert.is(await voice(page, 'caseworker').getByRole('textbox', { name: '1 Tidiga tecken' }).inputValue(), REFLECTION);
    assert.is(await page.getByRole('textbox', { name: 'Din reflektion: 1 Tidiga tecken' }).inputValue(), 'Ledaren undrar *varför*.');
    const others = voice(page, 'researcher').locator('article.other');
    assert.match((await others.locator('.byline').textContent()) ?? '', /^FoU-forskare 1, /);
    assert.match((await others.locator('bs-markdown-view p').textContent()) ?? '', 'Mer. Sist.');
    await voice(page, 'caseworker').locator('.chip .name', { hasText: 'Självkritik' }).first().waitFor();
  } finally {
    await page.context().close();
  }
});

test.run();
