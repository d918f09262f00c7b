// One-time passwords: the administrator creates an account; its user logs in with the one-time
// password, is shown "Byt lösenord" before anything else (also after a reload), chooses a password with
// the keyboard, and then works; the one-time password no longer logs in. A signed-in user can also
// change their password from the header.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { deepActiveElement, deepText, logIn, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('changing a one-time password before anything else');

const CHOSEN = 'tre små ord i rad';

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

test('a new user must change the one-time password, then works; the one-time password is spent', async ({ server, browser }) => {
  const admin = await openAs(browser, server.url, 'admin');
  const userContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const user = await userContext.newPage();
  try {
    await admin.goto(`${server.url}/#/konton`);
    await admin.getByLabel('Användarnamn').fill('socsek4');
    await admin.getByLabel('Namn som visas (valfritt)').fill('Socialsekreterare 4');
    await admin.getByRole('button', { name: 'Skapa konto' }).click();
    const output = admin.locator('bs-one-time-password output');
    await output.waitFor();
    const oneTime = ((await output.textContent()) ?? '').trim();

    await user.goto(`${server.url}/`);
    await submitLogin(user, 'socsek4', oneTime);
    const heading = user.getByRole('heading', { name: 'Byt lösenord', level: 1 });
    await heading.waitFor();
    assert.match(await deepText(user), 'Du har loggat in med ett engångslösenord');
    assert.is(await user.locator('bs-studies-view').count(), 0, 'nothing else is shown');
    assert.ok(await user.getByRole('button', { name: 'Logga ut' }).isVisible(), 'logging out is still possible');

    // A reload does not get around it: the server says the change is still required.
    await user.reload();
    await heading.waitFor();
    assert.is(await user.locator('bs-studies-view').count(), 0);

    // Keyboard only: the heading has focus, Tab leads through the three fields.
    await heading.focus();
    await user.keyboard.press('Tab');
    assert.is((await deepActiveElement(user))?.tag, 'input');
    await user.keyboard.type(oneTime);
    await user.keyboard.press('Tab');
    await user.keyboard.type(CHOSEN);
    await user.keyboard.press('Tab');
    await user.keyboard.type('tre små ord i rad!');
    await user.keyboard.press('Enter');
    const alert = user.locator('bs-password-view [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', 'inte likadana');

    await user.getByLabel('Upprepa det nya lösenordet').fill(CHOSEN);
    await user.getByLabel('Nuvarande lösenord').fill('fel-engangslosenord');
    await user.getByRole('button', { name: 'Byt lösenord' }).click();
    await user.locator('bs-password-view [role="alert"]', { hasText: 'Det nuvarande lösenordet stämmer inte.' }).waitFor();

    await user.getByLabel('Nuvarande lösenord').fill(oneTime);
    await user.getByRole('button', { name: 'Byt lösenord' }).click();
    await user.getByText('Ditt lösenord är bytt.').waitFor();
    await user.getByText('Du är inte med i någon studie ännu.').waitFor();
    assert.is(await user.locator('bs-password-view').count(), 0);

    // The one-time password is spent; the chosen one logs in.
    const again = await browser.newContext();
    const page = await again.newPage();
    try {
      await page.goto(`${server.url}/`);
      await submitLogin(page, 'socsek4', oneTime);
      await page.getByText('Fel användarnamn eller lösenord.').waitFor();
      await page.getByLabel('Lösenord', { exact: true }).fill(CHOSEN);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByText('Du är inte med i någon studie ännu.').waitFor();
      assert.is(await page.locator('bs-password-view').count(), 0, 'no change asked for a chosen password');
    } finally {
      await again.close();
    }
  } finally {
    await admin.context().close();
    await userContext.close();
  }
});

test('a signed-in user changes their password from the header, or cancels', async ({ server, browser }) => {
  const page = await openAs(browser, server.url, 'forskare2');
  try {
    await page.getByRole('banner').getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByRole('heading', { name: 'Byt lösenord', level: 1 }).waitFor();
    assert.is(await page.locator('bs-study-view, bs-studies-view').first().isVisible(), false, 'the page is put aside');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.locator('bs-study-view h1, bs-studies-view h1').first().waitFor();

    await page.getByRole('banner').getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByLabel('Nuvarande lösenord').fill('demo');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('kort');
    await page.getByLabel('Upprepa det nya lösenordet').fill('kort');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.locator('bs-password-view [role="alert"]', { hasText: 'minst 12 tecken' }).waitFor();
    await page.getByLabel('Nytt lösenord', { exact: true }).fill(CHOSEN);
    await page.getByLabel('Upprepa det nya lösenordet').fill(CHOSEN);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Ditt lösenord är bytt.').waitFor();
    await page.locator('bs-study-view h1, bs-studies-view h1').first().waitFor();
  } finally {
    await page.context().close();
  }
  const context = await browser.newContext();
  const again = await context.newPage();
  try {
    await logIn(again, server.url, 'forskare2', CHOSEN);
  } finally {
    await context.close();
  }
});

test.run();
