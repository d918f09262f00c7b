// Accessibility as axe-core (a maintained WCAG rule engine, through @axe-core/playwright) checks it: every
// main page of each role — the caseworker's study, case file, reflections and search; the researcher's
// codebook, matrix, memos, literature and agreement; the lead's settings, progress, exports, investigations,
// audit log and the new-study form; both instruments' pages — has no WCAG 2.1 A or AA violation, inside the
// components' shadow roots too. A new page or form with an unlabelled field, a button without a name or too
// little contrast fails here.
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { accessibilitySuite, INVENTORY_STUDY as INVENTORY, violations } from '../setup/axe.ts';
import { DEMO_STUDY, openAs } from '../setup/browser.ts';

const test = accessibilitySuite('accessibility of every main page (axe-core, WCAG 2.1 AA)');

/** The violations on `hash`, once its main heading is there and its lists have loaded. */
async function violationsAt(page: Page, url: string, hash: string): Promise<string[]> {
  await page.goto(`${url}/${hash}`);
  await page.locator('h1').first().waitFor();
  // Lists and tables fill in after the heading: wait for the network to settle.
  await page.waitForLoadState('networkidle');
  return violations(page, hash);
}

async function check(browser: Browser, url: string, who: string, hashes: string[]): Promise<void> {
  const page = await openAs(browser, url, who);
  try {
    const found: string[] = [];
    for (const hash of hashes) found.push(...(await violationsAt(page, url, hash)));
    assert.equal(found, [], `${who}:\n${found.join('\n')}`);
  } finally {
    await page.context().close();
  }
}

test('the caseworker: studies, the case file and its reflections, search, rating children', async ({ server, browser }) => {
  await check(browser, server.url, 'socsek1', [
    '#/', `#/studier/${DEMO_STUDY}`, `#/studier/${DEMO_STUDY}/familjer/familj-a`, `#/studier/${DEMO_STUDY}/familjer/familj-a/reflektioner`,
    `#/studier/${DEMO_STUDY}/sok?q=skolan`, `#/studier/${INVENTORY}`,
  ]);
});

test('the researcher: codebook, matrix, memos, literature, agreement, the inventory summary', async ({ server, browser }) => {
  await check(browser, server.url, 'forskare1', [
    `#/studier/${DEMO_STUDY}/kodbok`, `#/studier/${DEMO_STUDY}/matris`, `#/studier/${DEMO_STUDY}/memon`, `#/studier/${DEMO_STUDY}/litteratur`,
    `#/studier/${DEMO_STUDY}/samstammighet`, `#/studier/${INVENTORY}/inventering`,
  ]);
});

test('the lead: settings, progress, exports, investigations, audit log, the inventory\'s tools', async ({ server, browser }) => {
  await check(browser, server.url, 'projektledare', [
    `#/studier/${DEMO_STUDY}/installningar`, `#/studier/${DEMO_STUDY}/framsteg`, `#/studier/${DEMO_STUDY}/export`,
    `#/studier/${DEMO_STUDY}/utredningar`, `#/studier/${DEMO_STUDY}/logg`, `#/studier/${INVENTORY}`,
  ]);
});

test('the check itself: a nameless button inside a shadow root is reported', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'socsek1');
  try {
    assert.equal(await violationsAt(page, server.url, '#/'), [], 'the start page is clean');
    await page.evaluate(() => {
      const host = document.body.appendChild(document.createElement('div'));
      host.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
    });
    const found = await violations(page, 'planted');
    assert.ok(found.some((line) => line.startsWith('planted: [critical] button-name')), found.join('\n'));
  } finally {
    await page.context().close();
  }
});

test('the administrator: accounts and the new-study form', async ({ server, browser }) => {
  await check(browser, server.url, 'admin', ['#/konton', '#/ny-studie']);
});

test.run();
