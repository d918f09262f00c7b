// The study report page (mini study): the lead opens "Rapport" from the study page, unticks a question,
// previews, and the preview (report.html in a sandboxed frame) lacks that question while the others are
// there; the choice is in the URL and survives a reload; the preview is not blank (a screenshot); and the
// report printed (print media) starts each main section on a new page.
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { AnnotationView, Code } from '../../server/domain/types.ts';
import { openAs } from '../setup/browser.ts';
import { callApi, MINI, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('report: choices, preview, print');

test('the lead unticks a question, previews, and the preview lacks it; the choice survives a reload', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-report-'));
  try {
    const post = <T>(path: string, data: unknown) => callApi<T>(page, server.url, 'POST', `/api/studies/${MINI}${path}`, data);
    const risk = await post<Code>('/codes', { name: 'Risk' });
    const [a0] = await callApi<AnnotationView[]>(page, server.url, 'GET', `/api/studies/${MINI}/annotations?family=fam-1`);
    await post('/codings', { codeId: risk.id, target: { type: 'annotation', id: a0!.id } });

    await page.locator('bs-study-view').getByRole('link', { name: 'Rapport' }).click();
    const view = page.locator('bs-report-view');
    await view.getByRole('heading', { name: 'Rapport', level: 1 }).waitFor();
    const questions = view.locator('fieldset.questions');
    await questions.getByLabel('Outnyttjade öppningar').uncheck();
    assert.match(page.url(), /#\/studier\/mini\/rapport\?questions=tidiga-tecken%2Clyckade-insatser/);

    await view.getByRole('button', { name: 'Förhandsgranska' }).click();
    const frame = page.frameLocator('bs-report-view iframe');
    await frame.locator('h1', { hasText: 'Ministudie för tester' }).waitFor();
    const findings = await frame.locator('section.finding h3').allTextContents();
    assert.equal(findings, ['Tidiga tecken', 'Lyckade insatser']);
    assert.is(await frame.locator('section.finding[data-question="outnyttjade-oppningar"]').count(), 0);
    assert.ok((await frame.locator('figure svg').count()) > 0, 'charts drawn');

    const shot = join(dir, 'preview.png');
    await view.locator('iframe').screenshot({ path: shot });
    assert.ok(statSync(shot).size > 5_000, `screenshot of ${statSync(shot).size} bytes`);

    await page.reload();
    await page.locator('bs-report-view fieldset.questions').getByLabel('Tidiga tecken').waitFor();
    assert.is(await page.locator('bs-report-view fieldset.questions').getByLabel('Outnyttjade öppningar').isChecked(), false);
    assert.is(await page.locator('bs-report-view fieldset.questions').getByLabel('Tidiga tecken').isChecked(), true);
    const presentation = await page.locator('bs-report-view').getByRole('link', { name: 'Visa som presentation' }).getAttribute('href');
    assert.match(presentation!, /^#\/studier\/mini\/presentation\?questions=tidiga-tecken%2Clyckade-insatser/);
    assert.equal(problems, []);
  } finally {
    await page.context().close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('printed, each main section starts a new page, headed by the study title', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'projektledare');
  try {
    await page.goto(`${server.url}/api/studies/${MINI}/export/report.html?inline=1`);
    await page.locator('h1').waitFor();
    // The hashed <style> applies under the report's CSP (on screen: the sections flow on).
    assert.is(await page.locator('section.main').nth(1).evaluate((el) => getComputedStyle(el).breakBefore), 'auto');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.locator('section.main').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    assert.ok(breaks.length >= 3, breaks.join(','));
    assert.equal(breaks, ['auto', ...breaks.slice(1).map(() => 'page')]);
    assert.match((await page.locator('.running-header').textContent()) ?? '', /Ministudie för tester/);
    assert.is(await page.locator('script').count(), 0);
  } finally {
    await page.context().close();
  }
});

test.run();
