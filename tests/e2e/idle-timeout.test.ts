// The idle-timeout warning, with timings shortened through window.__bsIdleTimings (set before the app
// loads): the alertdialog appears, focus is on "Fortsätt vara inloggad" and Enter keeps the session; left
// alone, the countdown ends on the login view with the "Du har loggats ut …" message and the server session
// is gone. Without the override the client keeps the production timings (25 and 30 minutes).
import * as assert from 'uvu/assert';
import { DEFAULT_IDLE_TIMINGS, idleTimings } from '../../client/common/idle-timing.ts';
import { deepActiveElement, logIn } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('the idle-timeout warning');

const FAST = { warnAfterMs: 2000, logoutAfterMs: 6000, tickMs: 200 };

test('production timings are 25 and 30 minutes, and an override can only shorten them', () => {
  assert.equal(idleTimings(undefined), { warnAfterMs: 25 * 60_000, logoutAfterMs: 30 * 60_000, tickMs: 1000 });
  assert.equal(idleTimings(undefined), DEFAULT_IDLE_TIMINGS);
  assert.equal(idleTimings(FAST), FAST);
  assert.is(idleTimings({ logoutAfterMs: 2 * 60 * 60_000 }).logoutAfterMs, 30 * 60_000, 'never past the server limit');
  assert.is(idleTimings({ logoutAfterMs: 10 * 60_000 }).warnAfterMs, 5 * 60_000, 'still warns five minutes before');
});

test('warns before the timeout, keeps the session on request, and signs out when left alone', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(`window.__bsIdleTimings = ${JSON.stringify(FAST)};`);
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut på grund av inaktivitet' });
    await dialog.waitFor({ timeout: 5000 });
    assert.match((await dialog.locator('.countdown').textContent()) ?? '', /^Du loggas ut om \d s\.$/);
    const focused = await deepActiveElement(page);
    assert.is(focused?.text, 'Fortsätt vara inloggad', 'focus is on "Fortsätt vara inloggad"');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 1500 });
    assert.is((await page.request.get(`${server.url}/api/session`)).status(), 200, 'still signed in');
    assert.is(await page.getByRole('heading', { name: 'Logga in' }).count(), 0);

    // Left alone: the warning comes back and its countdown ends on the login view.
    await dialog.waitFor({ timeout: 5000 });
    const started = Date.now();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor({ timeout: 8000 });
    assert.ok(Date.now() - started < 5500, 'signed out when the countdown ran out');
    assert.match((await page.locator('bs-login-view .notice').textContent()) ?? '', 'Du har loggats ut');
    assert.is(await dialog.count(), 0, 'the warning is gone');
    assert.is((await page.request.get(`${server.url}/api/session`)).status(), 401, 'the server session has ended');

    // Signing in again works as usual.
    await page.getByLabel('Användarnamn').fill('socsek1');
    await page.getByLabel('Lösenord').fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Mina familjer' }).waitFor();
  } finally {
    await context.close();
  }
});

test('activity in another tab of the app keeps this tab from warning', async ({ server, browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(`window.__bsIdleTimings = ${JSON.stringify(FAST)};`);
  const idle = await context.newPage();
  try {
    await logIn(idle, server.url, 'socsek1');
    const busy = await context.newPage();
    await busy.goto(`${server.url}/#/studier/demo-komplexa-familjer`);
    await busy.locator('bs-study-view h1').waitFor();
    // The busy tab moves between pages (each move calls the API) for longer than the warning delay.
    for (let i = 0; i < 8; i++) {
      await busy.evaluate((n) => {
        location.hash = n % 2 ? '#/studier/demo-komplexa-familjer/familjer/familj-a' : '#/studier/demo-komplexa-familjer';
      }, i);
      await busy.waitForTimeout(500);
      assert.is(await idle.getByRole('alertdialog').count(), 0, `no warning in the idle tab after ${(i + 1) * 0.5} s`);
    }
    await idle.getByRole('alertdialog').waitFor({ timeout: 5000 });
  } finally {
    await context.close();
  }
});

test('"Logga ut" in the warning signs out at once', async ({ server, browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(`window.__bsIdleTimings = ${JSON.stringify(FAST)};`);
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'forskare1');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 5000 });
    await dialog.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    assert.match((await page.locator('bs-login-view .notice').textContent()) ?? '', 'Du är utloggad.');
    assert.is((await page.request.get(`${server.url}/api/session`)).status(), 401);
  } finally {
    await context.close();
  }
});

test.run();
