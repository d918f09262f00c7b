// The exports page (mini study): the lead follows "Exporter" from the study page, downloads the
// annotations as CSV with the keyboard, and the saved file parses (papaparse) with the seeded annotation;
// a format that is not there yet shows a Swedish error as an alert; the JSON-LD export (sent without a
// length) downloads whole; a caseworker gets no link.
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { openAs } from '../setup/browser.ts';
import { miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('exports page: download with progress, saved file parses');

test('the lead downloads annotations.csv from the exports page and the file parses', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.locator('bs-study-view').getByRole('link', { name: 'Exporter' }).click();
    await page.getByRole('heading', { name: 'Exporter', level: 1 }).waitFor();
    assert.match(page.url(), /#\/studier\/mini\/export$/);
    const view = page.locator('bs-exports-view');
    const item = view.locator('li[data-export="annotations-csv"]');
    await item.getByRole('heading', { name: 'Markeringar som CSV för Excel' }).waitFor();
    // A case-file study offers its investigations, not an inventory's ratings.
    assert.is(await view.locator('li[data-export="investigations-csv"]').count(), 1);
    assert.is(await view.locator('li[data-export="inventory-csv"]').count(), 0);
    const button = item.getByRole('button', { name: 'Ladda ned' });

    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.is(download.suggestedFilename(), 'markeringar-mini.csv');
    const bytes = await readFile((await download.path())!);
    assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    assert.equal(parsed.errors, []);
    assert.is(parsed.data.length, 1);
    assert.equal(
      [parsed.data[0]!.familj, parsed.data[0]!.fråga, parsed.data[0]!.citat, parsed.data[0]!['känt vid tidpunkten']],
      ['Familj 1', 'Tidiga tecken', 'ofta kommer hungrig och i för tunna kläder', 'ja'],
    );
    await view.getByRole('status').getByText('Markeringar som CSV för Excel är hämtad.').waitFor();
    assert.is(await button.isEnabled(), true, 'the button is enabled again once the download is done');

    // A format not offered by this server answers 404: said in Swedish, as an alert, beside its button.
    const missing = view.locator('li[data-export="report-md"]');
    await page.route('**/api/studies/mini/export/report.md', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_found', message: 'x' } }) }));
    await missing.getByRole('button', { name: 'Ladda ned' }).click();
    await missing.getByRole('alert').getByText('Nedladdningen misslyckades: Den här exporten finns inte ännu.').waitFor();
    assert.equal(problems, []);
  } finally {
    await page.context().close();
  }
});

test('the JSON-LD export, sent as it is made without a length, downloads whole from the page', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  try {
    await page.goto(`${server.url}/#/studier/mini/export`);
    const view = page.locator('bs-exports-view');
    const item = view.locator('li[data-export="annotations-jsonld"]');
    await item.getByRole('heading', { name: 'Webbannoteringar (JSON-LD)' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Ladda ned' }).click()]);
    assert.is(download.suggestedFilename(), 'webbannoteringar-mini.jsonld');
    const collection = JSON.parse(await readFile((await download.path())!, 'utf8'));
    assert.is(collection.type, 'AnnotationCollection');
    assert.is(collection.first.items.length, collection.total);
    assert.equal(collection.first.items.map((a: any) => a.target.selector[0].exact), ['ofta kommer hungrig och i för tunna kläder']);
    await view.getByRole('status').getByText('Webbannoteringar (JSON-LD) är hämtad.').waitFor();
  } finally {
    await page.context().close();
  }
});

test('a caseworker has no exports link and is refused on the page', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    await page.locator('bs-study-view').getByRole('heading', { level: 1 }).waitFor();
    assert.is(await page.locator('bs-study-view').getByRole('link', { name: 'Exporter' }).count(), 0);
    await page.goto(`${server.url}/#/studier/mini/export`);
    await page.locator('bs-exports-view').getByRole('alert').waitFor();
    assert.is(await page.locator('bs-exports-view').getByRole('button', { name: 'Ladda ned' }).count(), 0);
  } finally {
    await page.context().close();
  }
});

test.run();
