// The study page of the mini study: a researcher (and the lead) see the whole study's totals per family and
// question — whoever wrote them — with links to Kodbok, Matris and Memon; a caseworker keeps the page of
// their own families and annotations, without those links. The counts are set up through the API:
// socsek1's annotation (Familj 1, Tidiga tecken) and summary come with the fixture; socsek1 writes the
// reflection on Lyckade insatser; forskare1 makes one code, codes the annotation and the summary, and
// writes a memo about Familj 1 and one about the study.
import * as assert from 'uvu/assert';
import type { Locator, Page } from 'playwright-core';
import type { Annotation, Reflection } from '../../server/domain/types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('researchers see the study totals; caseworkers their own families');
const STUDY = 'mini';
const base = `/api/studies/${STUDY}`;

/** The study's totals as "Koder 1", … (each term with its number). */
async function totals(overview: Locator): Promise<string[]> {
  const terms = await overview.locator('dl.totals dt').allTextContents();
  const numbers = await overview.locator('dl.totals dd').allTextContents();
  return terms.map((term, i) => `${term.trim()} ${numbers[i]?.trim()}`);
}

/** The text of an element with whitespace folded. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function post(page: Page, url: string, path: string, data: unknown): Promise<{ id: string }> {
  const res = await apiRequest(page, url, 'POST', `${base}${path}`, { data });
  assert.is(res.status(), 201, `POST ${path}`);
  return (await res.json()) as { id: string };
}

test('a researcher sees the study totals in the right cells, and the research links', async ({ server, browser }) => {
  const caseworker = await openAs(browser, server.url, 'socsek1');
  const researcher = await openAs(browser, server.url, 'forskare1');
  const problems: string[] = [];
  researcher.on('pageerror', (e) => problems.push(e.message));
  try {
    // socsek1 writes the reflection on Lyckade insatser for Familj 1.
    const reflectionPath = `${base}/families/fam-1/reflections/lyckade-insatser`;
    const current = (await (await caseworker.request.get(`${server.url}${reflectionPath}`)).json()) as Reflection;
    const written = await apiRequest(caseworker, server.url, 'PUT', reflectionPath, {
      data: { text: 'Kontaktpersonen gjorde skillnad.' }, headers: { 'If-Match': String(current.version) },
    });
    assert.is(written.status(), 200);

    // forskare1: one code, two codings (the annotation, on Tidiga tecken; the summary, on no question), two memos.
    const [annotation] = (await (await researcher.request.get(`${server.url}${base}/annotations?family=fam-1`)).json()) as Annotation[];
    assert.is(annotation?.questionId, 'tidiga-tecken');
    const code = await post(researcher, server.url, '/codes', { name: 'Försummelse' });
    await post(researcher, server.url, '/codings', { codeId: code.id, target: { type: 'annotation', id: annotation!.id } });
    await post(researcher, server.url, '/codings', { codeId: code.id, target: { type: 'reflection', familyId: 'fam-1', key: 'summary' } });
    await post(researcher, server.url, '/memos', { title: 'Familj 1', body: 'Tidiga signaler från skolan.', about: { type: 'family', id: 'fam-1' } });
    await post(researcher, server.url, '/memos', { title: 'Hela studien', body: '', about: { type: 'study', id: STUDY } });

    await researcher.reload();
    const study = researcher.locator('bs-study-view');
    await study.getByRole('heading', { name: 'Ministudie för tester', level: 1 }).waitFor();
    const overview = study.locator('bs-research-overview');
    await overview.locator('table').waitFor();

    // The study's totals.
    assert.equal(await totals(overview), ['Koder 1', 'Kodningar 2', 'Memon 2', 'Markeringar 1', 'Skrivna reflektioner 2']);

    // Familj 1 × question: annotations, the reflection (said in words) and codings.
    const row = overview.getByRole('row').filter({ has: researcher.getByRole('rowheader', { name: 'Familj 1' }) });
    const cell = (question: string) => row.locator(`td[data-question="${question}"]`);
    assert.is(await text(cell('tidiga-tecken')), 'Markeringar: 1 Ingen reflektion Kodningar: 1');
    assert.is(await text(cell('outnyttjade-oppningar')), 'Markeringar: 0 Ingen reflektion Kodningar: 0');
    assert.is(await text(cell('lyckade-insatser')), 'Markeringar: 0 ✓ Reflektion skriven Kodningar: 0');
    // The family in all: the summary and one reflection, both codings (the summary's has no question), one memo.
    assert.is(await text(row.locator('td[data-col="reflections"]')), '2');
    assert.is(await text(row.locator('td[data-col="codings"]')), '2');
    assert.is(await text(row.locator('td[data-col="memos"]')), '1');

    // Familj 3 has nothing yet.
    const row3 = overview.getByRole('row').filter({ has: researcher.getByRole('rowheader', { name: 'Familj 3' }) });
    assert.is(await text(row3.locator('td[data-question="tidiga-tecken"]')), 'Markeringar: 0 Ingen reflektion Kodningar: 0');
    assert.is(await text(row3.locator('td[data-col="memos"]')), '0');

    // Headers name their columns and rows; no "Mina markeringar" any more.
    assert.is(await overview.getByRole('columnheader', { name: /Tidiga tecken/ }).count(), 1);
    assert.is(await study.getByText('Mina markeringar').count(), 0);

    // The research links; a researcher has none of the lead's tools.
    const links = study.getByRole('navigation', { name: 'Analys' });
    assert.is(await links.getByRole('link', { name: 'Kodbok' }).getAttribute('href'), `#/studier/${STUDY}/kodbok`);
    assert.is(await links.getByRole('link', { name: 'Matris' }).getAttribute('href'), `#/studier/${STUDY}/matris`);
    assert.is(await links.getByRole('link', { name: 'Memon' }).getAttribute('href'), `#/studier/${STUDY}/memon`);
    assert.is(await study.getByRole('link', { name: 'Studieinställningar' }).count(), 0);
    assert.equal(problems, []);
  } finally {
    await caseworker.context().close();
    await researcher.context().close();
  }
});

test('the lead sees the same totals beside their own tools', async ({ server, browser }) => {
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    const study = lead.locator('bs-study-view');
    await study.locator('bs-research-overview table').waitFor();
    for (const name of ['Studieinställningar', 'Granskningslogg', 'Studiens framsteg', 'Importera ett arkiv', 'Kodbok', 'Matris', 'Memon']) {
      assert.is(await study.getByRole('link', { name, exact: true }).count(), 1, name);
    }
    const overview = study.locator('bs-research-overview');
    const row = overview.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: 'Familj 1' }) });
    assert.is(await text(row.locator('td[data-question="tidiga-tecken"]')), 'Markeringar: 1 Ingen reflektion Kodningar: 1');
    assert.equal(await totals(overview), ['Koder 1', 'Kodningar 2', 'Memon 2', 'Markeringar 1', 'Skrivna reflektioner 2']);
    await study.locator('bs-family-admin').getByRole('heading', { name: 'Familjernas uppgifter' }).waitFor();
  } finally {
    await lead.context().close();
  }
});

test('a caseworker keeps the page of their own families, without the research links', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  const forbidden: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 403) forbidden.push(new URL(r.url()).pathname);
  });
  try {
    await page.reload();
    const study = page.locator('bs-study-view');
    await study.getByRole('heading', { name: 'Mina familjer', level: 2 }).waitFor();
    await study.getByRole('columnheader', { name: 'Mina markeringar' }).waitFor();
    const row = study.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Familj 1' }) });
    assert.match(await text(row), /Tidiga tecken: 1/);
    assert.match(await text(row), /2 av 4 texter/);
    assert.is(await study.getByRole('rowheader', { name: 'Familj 3' }).count(), 0, 'only their own families');
    for (const name of ['Kodbok', 'Matris', 'Memon']) {
      assert.is(await study.getByRole('link', { name, exact: true }).count(), 0, name);
    }
    assert.is(await study.locator('bs-research-overview').count(), 0);
    assert.equal(forbidden, [], 'the page asks for nothing the caseworker may not see');
  } finally {
    await page.context().close();
  }
});

test.run();
