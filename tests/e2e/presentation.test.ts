// The presentation (mini study): the lead opens the report as a slide deck, moves with the keyboard (the
// "4 / N" counter, the slide's title and the URL's slide number follow; Home goes back; a reload stays),
// opens the speaker notes in a second window and moving in either window moves the other. Charts are
// drawn from the report's SVG without its script, event handlers or foreignObject; a chart slide is not
// blank; no CSP violation and no request leaves the app's origin. The navigation tests serve the
// hand-made report (tests/fixtures/report-model.json) for report.json, so titles are known by hand; one
// test reads the real report.json of the mini study.
import { readFileSync } from 'node:fs';
import * as assert from 'uvu/assert';
import type { BrowserContext as PwContext, Page } from 'playwright-core';
import { openAs } from '../setup/browser.ts';
import { MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';
import { readPng } from '../setup/png.ts';

const test = miniBrowserSuite('presentation: the report as slides, keyboard, notes window, safe charts');

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/report-model.json', import.meta.url), 'utf8')) as {
  charts: { svg: string }[];
};
// The chart of the first finding (figure 2) with what the sanitiser must take out.
FIXTURE.charts[1]!.svg = FIXTURE.charts[1]!.svg
  .replace('<svg ', '<svg onload="window.__pwned=1" ')
  .replace('</svg>', '<script>window.__pwned=2</script><foreignObject width="10" height="10"><div>x</div></foreignObject>'
    + '<rect x="1" y="1" width="2" height="2" onclick="window.__pwned=3"/></svg>');

/** Serves the fixture for report.json in every page of the context (the notes window too). */
async function serveFixture(context: PwContext): Promise<void> {
  await context.route('**/export/report.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(FIXTURE) }));
}

/** Collects CSP violations (console and securitypolicyviolation events) and requests to other origins. */
async function watch(context: PwContext, origin: string): Promise<{ csp: string[]; foreign: string[] }> {
  const seen = { csp: [] as string[], foreign: [] as string[] };
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy: ' + e.violatedDirective));`);
  const onPage = (p: Page) => {
    p.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) seen.csp.push(m.text());
    });
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.foreign.push(url);
  });
  return seen;
}

const deckTitle = (page: Page) => page.locator('bs-presentation-view bs-slide.current h2');
const counter = (page: Page) => page.locator('bs-presentation-view .counter');

test('the lead moves through the deck with the keyboard; the counter, the title and the URL follow', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  const seen = await watch(page.context(), server.url);
  await serveFixture(page.context());
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/presentation?quotes=2`);
    await deckTitle(page).getByText('Tidiga tecken i familjer med långvariga insatser').waitFor();
    assert.is(await counter(page).textContent(), '1 / 7');
    await page.locator('bs-presentation-view .deck').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await deckTitle(page).getByText('Vilka tidiga tecken fanns?').waitFor();
    assert.is(await counter(page).textContent(), '4 / 7');
    assert.match(page.url(), /#\/studier\/mini\/presentation\?quotes=2&bild=4$/);
    // The slide's title is announced politely.
    assert.is(await page.locator('bs-presentation-view [aria-live="polite"]').textContent(), 'Bild 4 av 7: Vilka tidiga tecken fanns?');
    // Its top codes and a quote.
    const slide = page.locator('bs-presentation-view bs-slide.current');
    assert.equal(await slide.locator('.code-name').allTextContents(), ['Oro från BVC', 'Frånvaro i skolan', 'Ekonomisk stress']);
    await slide.getByText('BVC-sjuksköterskan beskriver', { exact: false }).waitFor();

    await page.keyboard.press('Home');
    await deckTitle(page).getByText('Tidiga tecken i familjer med långvariga insatser').waitFor();
    assert.is(await counter(page).textContent(), '1 / 7');
    await page.keyboard.press('End');
    await deckTitle(page).getByText('Frågor att diskutera').waitFor();
    assert.is(await counter(page).textContent(), '7 / 7');
    await page.keyboard.press('Shift+Space');
    await page.keyboard.press('PageUp');
    await deckTitle(page).getByText('Hur fungerade samverkan?').waitFor();
    assert.is(await counter(page).textContent(), '5 / 7');

    // Full screen: the button puts the deck in full screen, Esc leaves it, F enters it again. (Predicates as
    // functions: a string is evaluated again on every poll, which the app's CSP refuses after the first.)
    await page.getByRole('button', { name: 'Helskärm' }).click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    assert.is(await page.evaluate(`(() => { let el = document.fullscreenElement; while (el?.shadowRoot?.fullscreenElement) el = el.shadowRoot.fullscreenElement; return el.className; })()`), 'deck');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);

    // Printed, every slide is on its own page and the app's header is left out.
    await page.emulateMedia({ media: 'print' });
    assert.is(await page.locator('bs-presentation-view bs-slide:visible').count(), 7);
    assert.not.ok(await page.locator('bs-app header').isVisible());
    assert.not.ok(await page.getByRole('button', { name: 'Helskärm' }).isVisible());
    await page.emulateMedia({ media: 'screen' });
    assert.is(await page.locator('bs-presentation-view bs-slide:visible').count(), 1);

    // A reload stays on the slide.
    await page.reload();
    await deckTitle(page).getByText('Hur fungerade samverkan?').waitFor();
    assert.is(await counter(page).textContent(), '5 / 7');
    assert.equal(seen.csp, []);
    assert.equal(seen.foreign, []);
  } finally {
    await page.context().close();
  }
});

test('a chart slide shows the chart without script, handlers or foreignObject, named by its alt text, not blank', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  const seen = await watch(page.context(), server.url);
  await serveFixture(page.context());
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/presentation?bild=4`);
    const chart = page.locator('bs-presentation-view bs-slide.current bs-slide-chart');
    const svg = chart.locator('svg');
    await svg.waitFor();
    assert.match((await svg.getAttribute('aria-label')) ?? '', /^Stapeldiagram: Oro från BVC är vanligast med 12 avsnitt/);
    assert.is(await svg.locator('rect').count(), 5, 'the four bars and the harmless extra rect');
    const markup = await svg.evaluate((el) => el.outerHTML);
    assert.not.match(markup, /script|foreignObject|onload|onclick/i);
    await chart.getByText('Figur 2. Koder under Vilka tidiga tecken fanns?').waitFor();
    // The numbers, in a table under the chart.
    await chart.getByText('Tabell: Kodade avsnitt per kod').click();
    await chart.getByRole('cell', { name: 'Oro från BVC' }).waitFor();
    await svg.locator('rect').last().click({ force: true });
    assert.is(await page.evaluate('window.__pwned'), undefined);

    // The aligned families: a chart slide of its own, drawn (not blank).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await deckTitle(page).getByText('Kunde de ha upptäckts tidigare?').waitFor();
    const image = readPng(await page.locator('bs-presentation-view bs-slide.current bs-slide-chart svg').screenshot());
    const colours = new Set<string>();
    for (let y = 0; y < image.height; y += 2) for (let x = 0; x < image.width; x += 2) colours.add(image.pixel(x, y).slice(0, 3).join(','));
    assert.ok(colours.has('31,119,180'), 'the blue marks are drawn');
    assert.ok(colours.has('255,127,14'), 'the orange marks are drawn');
    assert.equal(seen.csp, []);
    assert.equal(seen.foreign, []);
  } finally {
    await page.context().close();
  }
});

test('the speaker notes open in a second window; moving in either window moves both', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  const context = page.context();
  const seen = await watch(context, server.url);
  await serveFixture(context);
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/presentation?bild=2`);
    await deckTitle(page).getByText('Syfte och metod').waitFor();
    const [notes] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Talarmanus i nytt fönster' }).click(),
    ]);
    const view = notes.locator('bs-presentation-view bs-speaker-notes');
    await view.getByRole('heading', { name: 'Nu: Syfte och metod' }).waitFor();
    // The numbers behind the slide, and the next slide's title.
    await view.getByText('Anteckningar: 142').waitFor();
    await view.getByText('Nästa: Familjerna').waitFor();
    assert.match(notes.url(), /#\/studier\/mini\/presentation\/anteckningar\?bild=2$/);

    // Moving in the notes window moves the deck.
    await notes.keyboard.press('ArrowRight');
    await notes.keyboard.press('ArrowRight');
    await view.getByRole('heading', { name: 'Nu: Vilka tidiga tecken fanns?' }).waitFor();
    // The full quote and the chart's alt text are in the notes.
    await view.getByText('”Mentor uppger att frånvaron ökat sedan vårterminen och att hemmet är svårt att nå per telefon.” (Familjen Lind, 14 mars 2012)').waitFor();
    await view.getByText('Figur 2, Koder under Vilka tidiga tecken fanns?: Stapeldiagram', { exact: false }).waitFor();
    await deckTitle(page).getByText('Vilka tidiga tecken fanns?').waitFor();
    assert.is(await counter(page).textContent(), '4 / 7');
    assert.match(page.url(), /bild=4$/);

    // And moving in the deck moves the notes.
    await page.bringToFront();
    await page.locator('bs-presentation-view .deck').focus();
    await page.keyboard.press('End');
    await view.getByRole('heading', { name: 'Nu: Frågor att diskutera' }).waitFor();
    await view.getByText('Det här är sista bilden.').waitFor();

    // The elapsed time runs on the injected clock: restart at a set time, then read it 2 min 5 s later.
    await view.evaluate((el: HTMLElement & { clock: () => number }) => (el.clock = () => Date.UTC(2026, 10, 30, 9, 0, 0)));
    await view.getByRole('button', { name: 'Nollställ tiden' }).click();
    await view.evaluate((el: HTMLElement & { clock: () => number; tick(): void }) => {
      el.clock = () => Date.UTC(2026, 10, 30, 9, 2, 5);
      el.tick();
    });
    await view.locator('.elapsed').getByText('2:05').waitFor();
    assert.equal(seen.csp, []);
    assert.equal(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test('the real report.json of the mini study makes the deck: its title first, its first question fourth', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  const seen = await watch(page.context(), server.url);
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/presentation`);
    await deckTitle(page).getByText('Ministudie för tester').waitFor();
    await page.locator('bs-presentation-view .deck').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await deckTitle(page).getByText('Tidiga tecken').waitFor();
    assert.match((await counter(page).textContent()) ?? '', /^4 \/ \d+$/);
    await page.keyboard.press('End');
    await deckTitle(page).getByText('Frågor att diskutera').waitFor();
    assert.equal(seen.csp, []);
    assert.equal(seen.foreign, []);
  } finally {
    await page.context().close();
  }
});

test('a caseworker is refused the presentation', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    await page.goto(`${server.url}/#/studier/${MINI}/presentation`);
    await page.locator('bs-presentation-view').getByRole('alert').waitFor();
    assert.is(await page.locator('bs-presentation-view bs-slide').count(), 0);
  } finally {
    await page.context().close();
  }
});

test.run();
