// Known XSS vectors, saved through the API as annotation comments and as reflections, rendered in Chromium
// (margin cards in the reader, the reflection preview): no script runs (window.__xss stays unset, no alert
// dialog), the rendered Markdown holds no script/img/iframe/svg/… elements, no event-handler attributes and
// no javascript:/data:/vbscript: links, and the page reports no CSP violation.
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { DocumentView } from '../../server/domain/types.ts';
import { DEMO_STUDY, apiRequest, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('Markdown from users never runs script');

const X = 'window.__xss=1';
const VECTORS = [
  `<script>${X}</script>`,
  `<img src=x onerror="${X}">`,
  `<svg onload="${X}"><circle r="1"/></svg>`,
  `<svg><script>${X}</script></svg>`,
  `[vanlig](javascript:${X})`,
  `[blandad](JaVaScRiPt:${X})`,
  `[tab](java\tscript:${X})`,
  `[radbrytning](java&#10;script:${X})`,
  `[entitet](&#106;avascript:${X})`,
  `[mellanslag](<javascript:alert(1)>)`,
  `[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)`,
  `[vbs](vbscript:msgbox(1))`,
  `<a href="javascript:${X}">rå länk</a>`,
  `<a href="&#x6A;avascript:${X}">entitetslänk</a>`,
  `<iframe src="javascript:${X}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<details open ontoggle="${X}"><summary>x</summary></details>`,
  `[titel](https://example.org/ "x\\" onmouseover=\\"${X}")`,
  `[titel2](https://example.org/ 'a" autofocus onfocus="${X}')`,
  `![bild](javascript:${X})`,
  `![bild2](https://example.org/x.png" onerror="${X})`,
  `<javascript:${X}>`,
  `[ref][r]\n\n[r]: javascript:${X}`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${X}">`,
  `<style>@import "https://example.org/x.css";</style>`,
  `<object data="javascript:${X}"></object>`,
  `<input autofocus onfocus="${X}">`,
  `<form action="javascript:${X}"><button>ok</button></form>`,
  `<body onload="${X}">`,
  `\`<script>${X}</script>\` i kod`,
  `[säker länk](https://example.org/ok)`,
];

/** Watches the page for script execution and CSP violations from before the app loads. */
async function guardedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(`
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
  `);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

/** What the rendered Markdown views hold: forbidden elements, event attributes, unsafe links. */
function inspectMarkdown(page: Page): Promise<{ views: number; texts: number; bad: string[]; links: string[] }> {
  // A string: tsx would wrap inner functions in a __name() call the page does not know.
  return page.evaluate(`(() => {
    const views = [];
    const collect = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'bs-markdown-view') views.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(document);
    const bad = [];
    const links = [];
    let texts = 0;
    const forbidden = ['script', 'img', 'iframe', 'svg', 'object', 'embed', 'style', 'form', 'input', 'math', 'details', 'body', 'button'];
    for (const view of views) {
      const root = view.shadowRoot;
      if (!root) continue;
      if ((root.textContent || root.innerHTML || '').trim()) texts++;
      for (const el of root.querySelectorAll('*')) {
        if (forbidden.includes(el.localName)) bad.push('element ' + el.localName);
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) bad.push('attribute ' + a.name + ' on ' + el.localName);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(a.name.toLowerCase())) {
            const value = a.value.replace(/[\\u0000-\\u0020\\u007f-\\u009f]/g, '').toLowerCase();
            if (/^(javascript|data|vbscript):/.test(value)) bad.push(a.name + '=' + a.value);
          }
        }
      }
      for (const a of root.querySelectorAll('a[href]')) links.push(a.getAttribute('href'));
    }
    return { views: views.length, texts, bad, links };
  })()`);
}

/** Hovers, focuses and toggles everything inside the rendered Markdown, so an injected handler would fire. */
function poke(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'bs-markdown-view' && el.shadowRoot) {
          for (const inner of el.shadowRoot.querySelectorAll('*')) {
            for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error']) inner.dispatchEvent(new Event(type));
          }
        } else if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
  })()`);
}

async function assertSafe(page: Page, problems: string[], where: string, expectedViews: number): Promise<void> {
  await poke(page);
  await page.waitForTimeout(200);
  const seen = await inspectMarkdown(page);
  assert.ok(seen.views >= expectedViews, `${where}: ${seen.views} Markdown views rendered (expected ≥ ${expectedViews})`);
  assert.ok(seen.texts >= expectedViews, `${where}: the vectors show as text`);
  assert.equal(seen.bad, [], `${where}: nothing unsafe in the DOM`);
  assert.ok(seen.links.includes('https://example.org/ok'), `${where}: the safe link is still a link`);
  assert.ok(seen.links.every((h) => /^(https?:|mailto:)/i.test(h) || !/^[a-z][a-z0-9+.-]*:/i.test(h)), `${where}: only safe links ${seen.links}`);
  assert.is(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, `${where}: no script ran`);
  assert.equal(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), [], `${where}: no CSP violation`);
  assert.equal(problems, [], `${where}: no dialogs, page errors or CSP reports`);
}

test('annotation comments and reflections with XSS vectors render as harmless text', async ({ server, browser }) => {
  const { page, problems } = await guardedPage(browser);
  try {
    await logIn(page, server.url, 'socsek1');
    const [meta] = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/families/familj-d/documents`)).json()) as { id: string }[];
    const doc = (await (await page.request.get(`${server.url}/api/studies/${DEMO_STUDY}/documents/${meta!.id}`)).json()) as DocumentView;
    const entry = doc.entries[1]!;
    const start = doc.text.indexOf('\n', entry.start) + 1;
    const end = start + 12;
    const target = { start, end, exact: doc.text.slice(start, end), prefix: doc.text.slice(Math.max(0, start - 32), start), suffix: doc.text.slice(end, end + 32) };
    for (const comment of VECTORS) {
      const r = await apiRequest(page, server.url, 'POST', `/api/studies/${DEMO_STUDY}/annotations`, {
        data: { documentId: doc.id, questionId: 'tidiga-tecken', target, comment, knownAtTheTime: null },
      });
      assert.is(r.status(), 201, `saved: ${comment}`);
    }
    const all = VECTORS.join('\n\n');
    for (const key of ['summary', 'tidiga-tecken']) {
      const r = await apiRequest(page, server.url, 'PUT', `/api/studies/${DEMO_STUDY}/families/familj-d/reflections/${key}`, {
        data: { text: all }, headers: { 'If-Match': '0' },
      });
      assert.is(r.status(), 200);
    }

    // Margin cards in the reader.
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-d`);
    const cards = page.locator('bs-reader bs-annotation-card');
    await cards.first().waitFor();
    await page.waitForFunction((n) => {
      const view = document.querySelector('bs-app')?.shadowRoot?.querySelector('bs-family-view');
      const reader = view?.shadowRoot?.querySelector('bs-reader');
      return (reader?.shadowRoot?.querySelectorAll('bs-annotation-card').length ?? 0) >= n;
    }, VECTORS.length);
    await cards.last().scrollIntoViewIfNeeded();
    await assertSafe(page, problems, 'margin cards', VECTORS.length);

    // The reflection preview.
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-d/reflektioner`);
    await page.getByLabel('Sammanfattning').waitFor();
    const previews = page.getByRole('button', { name: 'Förhandsgranska' });
    await previews.nth(0).click();
    await previews.nth(1).click();
    const summary = page.locator('bs-reflections-view section[data-key="summary"] bs-markdown-view');
    await summary.locator('a', { hasText: 'säker länk' }).waitFor();
    const shown = (await summary.locator('div').first().textContent()) ?? '';
    for (const raw of ['<script>', '<img src=x onerror=', '<iframe', '<details open ontoggle=']) assert.ok(shown.includes(raw), `shown as text: ${raw}`);
    await assertSafe(page, problems, 'reflection preview', 2);
  } finally {
    await page.context().close();
  }
});

test.run();
