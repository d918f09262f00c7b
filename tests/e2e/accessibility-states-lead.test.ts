// Accessibility (axe-core, WCAG 2.1 A/AA) of the UI in its interactive states, continued from
// accessibility-states.test.ts: the inventory rater with a child chosen and a conflicting save; an
// investigation's appraisal form; the lead's import preview, presentation and report page; the new-study
// form with the inventory template and a missing title. The report's preview is left out: it is the
// exported report in a sandboxed frame without scripts, where axe cannot run.
import * as assert from 'uvu/assert';
import type { InventoryChildView } from '../../server/domain/inventory/inventory-types.ts';
import { accessibilitySuite, checkStatesAs as as, INVENTORY_STUDY as INVENTORY } from '../setup/axe.ts';
import { DEMO_STUDY, apiRequest } from '../setup/browser.ts';

const test = accessibilitySuite('accessibility of the instruments, the lead and the administrator in their interactive states (axe-core, WCAG 2.1 AA)');

test('the caseworker rates a child: the rating panel, a conflicting save', async ({ server, browser }) => {
  await as(browser, server.url, 'socsek1', async (page, check) => {
    await page.goto(`${server.url}/#/studier/${INVENTORY}`);
    const rater = page.locator('bs-inventory-rater');
    const list = rater.getByRole('listbox', { name: 'Barn att bedöma' });
    await list.waitFor();
    await page.waitForLoadState('networkidle');
    await list.focus();
    const heading = rater.getByRole('heading', { name: /^Bedömning av / });
    await heading.waitFor();
    const pseudonym = ((await heading.textContent()) ?? '').replace('Bedömning av ', '').trim();
    assert.ok(pseudonym.length > 0);
    await page.keyboard.press('3');
    await rater.getByLabel('Kort motivering').fill('Flera kontakter med skolan.');
    await check('a child chosen, its rating panel filled in');

    const children = (await (await page.request.get(`${server.url}/api/studies/${INVENTORY}/inventory/children`)).json()) as InventoryChildView[];
    const child = children.find((c) => c.pseudonym === pseudonym)!;
    const other = await apiRequest(page, server.url, 'PUT', `/api/studies/${INVENTORY}/inventory/children/${child.id}`, {
      data: { level: 'ingen', criteria: [], reason: 'Från en annan flik.' }, headers: { 'If-Match': String(child.version) },
    });
    assert.ok(other.ok(), `the other tab's save answered ${other.status()}`);
    await list.focus();
    await page.keyboard.press('Enter');
    await rater.getByRole('alert').waitFor();
    await check('a conflicting rating');
  });
});

test('the caseworker appraises an investigation', async ({ server, browser }) => {
  await as(browser, server.url, 'socsek1', async (page, check) => {
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a`);
    await page.locator('bs-family-view nav.tabs').getByRole('link', { name: 'Utredningar' }).click();
    await page.getByRole('link', { name: /^Bedöm utredningen som startade/ }).first().click();
    const form = page.locator('bs-appraisal-form');
    await form.getByLabel('Kommentar').fill('Barnets egen röst saknas.');
    await form.locator('fieldset.item').first().getByLabel('Saknas').check();
    await check('the appraisal form');
  });
});

test('the lead: the import preview, the presentation, the report', async ({ server, browser }) => {
  await as(browser, server.url, 'projektledare', async (page, check) => {
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-f`);
    await page.locator('bs-reader section.block').first().waitFor();
    await page.locator('bs-import-panel summary').click();
    await check('the import panel open');
    const text = ['Journalutdrag', '', '2031-05-02 Telefonsamtal med skolan', 'Elsa har hög frånvaro. Mamma nås på 070-123 45 67.', ''].join('\n');
    await page.getByLabel('Fil').setInputFiles({ name: 'komplettering.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
    const preview = page.locator('bs-import-preview');
    await preview.locator('h3').waitFor();
    await check('the import preview');
    await preview.getByLabel('Namn', { exact: true }).fill('Elsa Berg');
    await preview.getByLabel('Ersätts med (t.ex. Barn 1, Mamma)').fill('Barn 1');
    await preview.getByRole('button', { name: 'Lägg till namn' }).click();
    await preview.getByRole('alert').waitFor();
    await check('the import preview with a name it cannot take');
    await preview.getByRole('button', { name: 'Avbryt' }).click();

    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/rapport`);
    await page.locator('bs-report-view').getByRole('heading', { name: 'Rapport', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await check('the report page');

    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}/presentation`);
    await page.locator('bs-presentation-view bs-slide.current h2').waitFor();
    await page.waitForLoadState('networkidle');
    await check('the presentation, first slide');
    await page.locator('bs-presentation-view .deck').focus();
    await page.keyboard.press('End');
    await page.locator('bs-presentation-view .counter', { hasText: /^\s*(\d+) \/ \1\s*$/ }).waitFor();
    await check('the presentation, last slide');
  });
});

test('the administrator: the new-study form with the inventory template, submitted without a title', async ({ server, browser }) => {
  await as(browser, server.url, 'admin', async (page, check) => {
    await page.goto(`${server.url}/#/ny-studie`);
    const create = page.locator('bs-study-create-view');
    await create.getByRole('radio', { name: /Målgruppsinventering/ }).check();
    await create.getByText('Målgruppsinventering: barnen bedöms på en skala, utan reflektionsfrågor.').waitFor();
    await check('the new-study form, inventory template');
    await create.getByRole('button', { name: 'Skapa studien' }).click();
    await create.getByRole('alert').filter({ hasText: 'Ange en titel för studien.' }).waitFor();
    await check('the new-study form, a missing title');
  });
});

test.run();
