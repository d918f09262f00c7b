// Reflow (WCAG 1.4.10): at a 640 px wide viewport the study page (with its families table) and a family's
// page fit the width; nothing scrolls sideways.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { DEMO_STUDY, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('pages reflow at 640 px');

const overflow = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

test('the study page and a family page fit a 640 px wide viewport', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 900 } });
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    await page.goto(`${server.url}/#/studier/${DEMO_STUDY}`);
    const lastCell = page.locator('bs-study-view tbody tr').last().locator('td').last();
    await lastCell.waitFor();
    let size = await overflow(page);
    assert.ok(size.scrollWidth <= size.innerWidth, `study page: ${size.scrollWidth} > ${size.innerWidth}`);
    const box = (await lastCell.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 640, 'the last column is in view');

    await page.getByRole('link', { name: 'Familj A' }).click();
    await page.locator('bs-reader section.block').first().waitFor();
    size = await overflow(page);
    assert.ok(size.scrollWidth <= size.innerWidth, `family page: ${size.scrollWidth} > ${size.innerWidth}`);

    await page.getByRole('link', { name: 'Reflektioner' }).click();
    await page.locator('bs-reflections-view section.slot').first().waitFor();
    size = await overflow(page);
    assert.ok(size.scrollWidth <= size.innerWidth, `reflections: ${size.scrollWidth} > ${size.innerWidth}`);
  } finally {
    await context.close();
  }
});

test.run();
