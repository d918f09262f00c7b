// Accounts: the administrator adds an account and its one-time password logs in (to "Byt lösenord"
// first); disabling it sends the user's open session to the login view on their next action; a reset
// gives a new one-time password; a user who is not an administrator has no "Konton" link and is refused
// at #/konton.
import * as assert from 'uvu/assert';
import { DEMO_STUDY, logIn, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('the administrator manages accounts');

test('adds an account whose one-time password logs in, then disables it and ends its session', async ({ server, browser }) => {
  const admin = await openAs(browser, server.url, 'admin');
  let user = null as Awaited<ReturnType<typeof openAs>> | null;
  try {
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Konton' }).click();
    await admin.getByRole('heading', { name: 'Konton', level: 1 }).waitFor();
    assert.ok(await admin.locator('bs-accounts-table tr[data-username="socsek1"]').isVisible(), 'the demo accounts are listed');

    await admin.getByLabel('Användarnamn').fill('socsek3');
    await admin.getByLabel('Namn som visas (valfritt)').fill('Socialsekreterare 3');
    await admin.getByRole('button', { name: 'Skapa konto' }).click();
    const secret = admin.locator('bs-one-time-password');
    await secret.getByRole('heading', { name: 'Engångslösenord för Socialsekreterare 3' }).waitFor();
    assert.match((await secret.locator('p').first().textContent()) ?? '', 'Det visas bara nu och kan inte visas igen.');
    assert.ok(await secret.getByRole('button', { name: 'Kopiera lösenordet' }).isVisible());
    const password = ((await secret.locator('output').textContent()) ?? '').trim();
    assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const row = admin.locator('bs-accounts-table tr[data-username="socsek3"]');
    assert.match((await row.textContent()) ?? '', 'Aktivt');
    assert.is(await admin.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing stored in the browser');

    // The password works (in another browser context), but must be changed first — the new user has no study yet.
    user = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await user.goto(`${server.url}/`);
    await user.getByLabel('Användarnamn').fill('socsek3');
    await user.getByLabel('Lösenord').fill(password);
    await user.getByRole('button', { name: 'Logga in' }).click();
    await user.getByRole('heading', { name: 'Byt lösenord', level: 1 }).waitFor();
    await user.getByLabel('Nuvarande lösenord').fill(password);
    await user.getByLabel('Nytt lösenord', { exact: true }).fill('socsek3 eget lösenord');
    await user.getByLabel('Upprepa det nya lösenordet').fill('socsek3 eget lösenord');
    await user.getByRole('button', { name: 'Byt lösenord' }).click();
    await user.getByText('Du är inte med i någon studie ännu.').waitFor();

    await secret.getByRole('button', { name: /dölj lösenordet/ }).click();
    assert.is(await secret.count(), 0, 'the password is gone from the page');

    // Disable, confirmed in the row.
    await row.getByRole('button', { name: 'Inaktivera: Socialsekreterare 3' }).click();
    await row.getByRole('button', { name: 'Ja, inaktivera' }).click();
    await row.getByText('Inaktiverat').waitFor();
    await admin.getByText('Socialsekreterare 3 är inaktiverat').waitFor();

    // The disabled user's next action leads to the login view.
    await user.goto(`${server.url}/#/studier/${DEMO_STUDY}`);
    await user.getByRole('heading', { name: 'Logga in' }).waitFor();
    assert.match((await user.locator('bs-login-view .notice').textContent()) ?? '', 'Du har loggats ut');
    await user.getByLabel('Användarnamn').fill('socsek3');
    await user.getByLabel('Lösenord').fill(password);
    await user.getByRole('button', { name: 'Logga in' }).click();
    await user.getByText('Fel användarnamn eller lösenord.').waitFor();

    // Enable again and give a new one-time password.
    await row.getByRole('button', { name: 'Aktivera: Socialsekreterare 3' }).click();
    await row.getByRole('button', { name: 'Ja, aktivera' }).click();
    await row.getByText('Aktivt').waitFor();
    await row.getByRole('button', { name: 'Nytt lösenord: Socialsekreterare 3' }).click();
    await row.getByRole('button', { name: 'Ja, nytt lösenord' }).click();
    await secret.locator('output').waitFor();
    const second = ((await secret.locator('output').textContent()) ?? '').trim();
    assert.match(second, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    assert.is.not(second, password);
    await user.getByLabel('Lösenord').fill(second);
    await user.getByRole('button', { name: 'Logga in' }).click();
    await user.getByRole('button', { name: 'Logga ut' }).waitFor();
    await user.getByRole('heading', { name: 'Byt lösenord', level: 1 }).waitFor();
  } finally {
    await admin.context().close();
    await user?.context().close();
  }
});

test('a duplicate username is refused with a message and the input kept', async ({ server, browser }) => {
  const admin = await openAs(browser, server.url, 'admin');
  try {
    await admin.goto(`${server.url}/#/konton`);
    await admin.getByLabel('Användarnamn').fill('socsek1');
    await admin.getByRole('button', { name: 'Skapa konto' }).click();
    const alert = admin.locator('bs-account-form [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', 'finns redan');
    assert.is(await admin.getByLabel('Användarnamn').inputValue(), 'socsek1');
    assert.is(await admin.locator('bs-one-time-password').count(), 0);
  } finally {
    await admin.context().close();
  }
});

test('someone who is not an administrator has no "Konton" link and is refused at #/konton', async ({ server, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await logIn(page, server.url, 'projektledare');
    assert.is(await page.getByRole('link', { name: 'Konton' }).count(), 0);
    await page.goto(`${server.url}/#/konton`);
    const alert = page.locator('bs-accounts-view [role="alert"]');
    await alert.waitFor();
    assert.is((await alert.textContent())?.trim(), 'Du har inte behörighet att göra det här.');
    assert.is(await page.locator('bs-accounts-table').count(), 0);
  } finally {
    await context.close();
  }
});

test.run();
