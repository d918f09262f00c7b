// The idle-timeout warning with the production timings (warning after 25 minutes, sign-out after 30),
// on Playwright's fake clock: time moves only when the test moves it, so nothing depends on how fast
// the machine is. The alertdialog appears, focus is on "Fortsätt vara inloggad" and Enter keeps the
// session; left alone, the countdown ends on the login view with the "Du har loggats ut …" message
// and the server session is gone. Browser tests can also shorten the timings (window.__bsIdleTimings).
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

const MINUTE = 60_000;

test('warns before the timeout, keeps the session on request, and signs out when left alone', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.install();
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'socsek1');
    const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut på grund av inaktivitet' });
    await page.clock.runFor(24 * MINUTE);
    assert.is(await dialog.count(), 0, 'no warning before 25 minutes');
    await page.clock.runFor(1 * MINUTE + 2000);
    await dialog.waitFor();
    assert.match((await dialog.locator('.countdown').textContent()) ?? '', /^Du loggas ut om \d+ (s|min)/);
    const focused = await deepActiveElement(page);
    assert.is(focused?.text, 'Fortsätt vara inloggad', 'focus is on "Fortsätt vara inloggad"');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    assert.is((await page.request.get(`${server.url}/api/session`)).status(), 200, 'still signed in');
    assert.is(await page.getByRole('heading', { name: 'Logga in' }).count(), 0);

    // Left alone: the warning comes back after another 25 minutes, and at 30 the client signs out.
    await page.clock.runFor(25 * MINUTE + 2000);
    await dialog.waitFor();
    await page.clock.runFor(5 * MINUTE);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
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
  await context.clock.install();
  const idle = await context.newPage();
  try {
    await logIn(idle, server.url, 'socsek1');
    const busy = await context.newPage();
    await busy.goto(`${server.url}/#/studier/demo-komplexa-familjer`);
    await busy.locator('bs-study-view h1').waitFor();
    // The busy tab moves between pages (each move calls the API) every 10 minutes, for 40 minutes.
    for (let i = 0; i < 4; i++) {
      await idle.clock.runFor(10 * MINUTE);
      await busy.evaluate((n) => {
        location.hash = n % 2 ? '#/studier/demo-komplexa-familjer' : '#/studier/demo-komplexa-familjer/familjer/familj-a';
      }, i);
      await busy.locator(i % 2 ? 'bs-study-view h1' : 'bs-family-view h1').waitFor();
      await idle.clock.runFor(1000);
      assert.is(await idle.getByRole('alertdialog').count(), 0, `no warning in the idle tab after ${(i + 1) * 10} minutes`);
    }
    await idle.clock.runFor(25 * MINUTE + 2000);
    await idle.getByRole('alertdialog').waitFor();
  } finally {
    await context.close();
  }
});

test('"Logga ut" in the warning signs out at once', async ({ server, browser }) => {
  const context = await browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'forskare1');
    await page.clock.runFor(25 * MINUTE + 2000);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    assert.match((await page.locator('bs-login-view .notice').textContent()) ?? '', 'Du är utloggad.');
    assert.is((await page.request.get(`${server.url}/api/session`)).status(), 401);
  } finally {
    await context.close();
  }
});

test.run();
