// The lead's audit log: after a caseworker reads a family's case file, the log lists "Läste dokument" by
// Socialsekreterare 1 with the family; filtering by user and action narrows the table; the CSV link
// carries the same filter and downloads the same entries.
import * as assert from 'uvu/assert';
import { DEMO_STUDY, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('the lead reads the audit log');

test('lists a caseworker reading a family, filters by user and action, and exports the same as CSV', async ({ server, browser }) => {
  const caseworker = await openAs(browser, server.url, 'socsek1');
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    await caseworker.getByRole('link', { name: 'Familj A' }).click();
    await caseworker.locator('bs-reader section.block').first().waitFor();

    await lead.getByRole('link', { name: 'Granskningslogg' }).click();
    await lead.getByRole('heading', { name: 'Granskningslogg', level: 1 }).waitFor();
    const rows = lead.locator('bs-audit-table tbody tr');
    await rows.first().waitFor();
    const read = rows.filter({ has: lead.locator('td.action', { hasText: 'Läste dokument' }) })
      .filter({ has: lead.locator('td.user', { hasText: 'Socialsekreterare 1' }) });
    assert.ok(await read.count() >= 1, 'the read is listed');
    const cells = (await read.first().locator('td').allTextContents()).map((c) => c.trim());
    assert.match(cells[0]!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'local time');
    assert.equal(cells.slice(1, 5), ['Socialsekreterare 1', 'Socialsekreterare', 'Läste dokument', 'Familj A']);
    assert.is(cells[6], 'Genomförd');
    const docs = (await (await lead.request.get(`${server.url}/api/studies/${DEMO_STUDY}/families/familj-a/documents`)).json()) as { title: string }[];
    assert.ok(docs.some((d) => d.title === cells[5]), `the object is named by the document's title, not "${cells[5]}"`);
    const everything = await rows.count();
    assert.ok(await rows.filter({ hasText: 'Loggade in' }).count() >= 2, 'logins are listed too');

    // Filter: socsek1's document reads only.
    const filters = lead.locator('bs-audit-filters');
    await filters.getByLabel('Användare').selectOption({ label: 'Socialsekreterare 1' });
    await filters.getByLabel('Händelse').selectOption({ label: 'Läste dokument' });
    await filters.getByRole('button', { name: 'Visa' }).click();
    await lead.waitForFunction((n) => {
      const view = document.querySelector('bs-app')?.shadowRoot?.querySelector('bs-audit-view');
      const table = view?.shadowRoot?.querySelector('bs-audit-table');
      return (table?.shadowRoot?.querySelectorAll('tbody tr').length ?? n) < n;
    }, everything);
    const users = (await rows.locator('td.user').allTextContents()).map((s) => s.trim());
    const actions = (await rows.locator('td.action').allTextContents()).map((s) => s.trim());
    assert.ok(users.length >= 1);
    assert.equal([...new Set(users)], ['Socialsekreterare 1']);
    assert.equal([...new Set(actions)], ['Läste dokument']);
    const total = ((await lead.locator('bs-audit-view .total').textContent()) ?? '').trim();
    assert.is(total, users.length === 1 ? '1 händelse' : `${users.length} händelser`);

    const link = lead.getByRole('link', { name: /Exportera CSV/ });
    const href = (await link.getAttribute('href'))!;
    const url = new URL(href, server.url);
    assert.is(url.pathname, `/api/studies/${DEMO_STUDY}/audit`);
    assert.is(url.searchParams.get('format'), 'csv');
    assert.is(url.searchParams.get('action'), 'document.read');
    assert.ok(url.searchParams.get('user'), 'the user filter is in the link');
    const csv = await lead.request.get(url.toString());
    assert.match(csv.headers()['content-type'] ?? '', 'text/csv');
    const lines = (await csv.text()).trim().split(/\r?\n/);
    assert.is(lines.length - 1, users.length, 'the CSV holds the same entries');
    assert.is(lines[0]!.replace(/^\uFEFF/, ''), 'tid,användare,namn,roll,händelse,studie,familj,objekt,objekt-id,utfall');
    assert.ok(lines.slice(1).every((l) => l.includes('Läste dokument') && l.includes('Socialsekreterare 1') && l.includes(',socialsekreterare,')));
    assert.ok(lines.slice(1).every((l) => l.endsWith(',genomförd')), 'outcomes in Swedish');

    // Clearing the filter shows everything again.
    await filters.getByRole('button', { name: 'Rensa filter' }).click();
    await lead.locator('bs-audit-table td.action', { hasText: 'Loggade in' }).first().waitFor();
    assert.is(await filters.getByLabel('Användare').inputValue(), '');
  } finally {
    await caseworker.context().close();
    await lead.context().close();
  }
});

test('searches show as "Sökte" and can be filtered', async ({ server, browser }) => {
  const caseworker = await openAs(browser, server.url, 'socsek1');
  const lead = await openAs(browser, server.url, 'projektledare');
  try {
    const r = await caseworker.request.get(`${server.url}/api/studies/${DEMO_STUDY}/search?q=skola`);
    assert.is(r.status(), 200);
    await lead.goto(`${server.url}/#/studier/${DEMO_STUDY}/logg`);
    const filters = lead.locator('bs-audit-filters');
    await filters.getByLabel('Händelse').selectOption({ label: 'Sökte' });
    await filters.getByRole('button', { name: 'Visa' }).click();
    const actions = lead.locator('bs-audit-table td.action');
    await lead.waitForFunction(() => {
      const view = document.querySelector('bs-app')?.shadowRoot?.querySelector('bs-audit-view');
      const cells = view?.shadowRoot?.querySelector('bs-audit-table')?.shadowRoot?.querySelectorAll('td.action') ?? [];
      return cells.length > 0 && [...cells].every((c) => c.textContent?.trim() === 'Sökte');
    });
    assert.ok(await actions.count() >= 1);
    assert.is(await lead.locator('bs-audit-table td.action', { hasText: /^search$/ }).count(), 0, 'never the raw word');
  } finally {
    await caseworker.context().close();
    await lead.context().close();
  }
});

test('a caseworker is refused the audit log', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/logg`);
    const alert = page.locator('bs-audit-view [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', 'behörighet');
  } finally {
    await page.context().close();
  }
});

test.run();
