// The production path, without the demo: the first administrator (made on the command line) logs in
// with a one-time password and must change it, creates an account and allows it to create studies; that
// user changes their own one-time password and creates a study with questions of their own.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { addAccount } from '../../server/auth/accounts.ts';
import { FAST_COST } from '../../server/auth/password.ts';
import { launchBrowser } from '../setup/browser.ts';
import { startTestServer } from '../setup/server.ts';

const test = suite<{ server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser; firstPassword: string }>('running an own study from an empty data directory');

test.before(async (ctx) => {
  ctx.server = await startTestServer({
    prepare: async (store) => {
      ctx.firstPassword = (await addAccount(store, { username: 'anna', displayName: 'Anna Admin', admin: true }, new Date(), FAST_COST)).password;
    },
  });
  ctx.browser = await launchBrowser();
});
test.after(async (ctx) => {
  await ctx.browser?.close();
  await ctx.server?.stop();
});

async function logInAndChangePassword(page: Page, url: string, username: string, oneTime: string, chosen: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(oneTime);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Byt lösenord', level: 1 }).waitFor();
  await page.getByLabel('Nuvarande lösenord').fill(oneTime);
  await page.getByLabel('Nytt lösenord', { exact: true }).fill(chosen);
  await page.getByLabel('Upprepa det nya lösenordet').fill(chosen);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.locator('bs-password-view').waitFor({ state: 'detached' });
}

test('the first admin gives an account the right to create studies, and its user creates one with own questions', async ({ server, browser, firstPassword }) => {
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const leadContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const admin = await adminContext.newPage();
    await logInAndChangePassword(admin, server.url, 'anna', firstPassword, 'ett eget långt lösenord');
    await admin.goto(`${server.url}/#/konton`);
    await admin.getByLabel('Användarnamn').fill('lena');
    await admin.getByLabel('Namn som visas (valfritt)').fill('Lena Ledare');
    await admin.getByRole('button', { name: 'Skapa konto' }).click();
    const output = admin.locator('bs-one-time-password output');
    await output.waitFor();
    const lenasPassword = ((await output.textContent()) ?? '').trim();
    await admin.getByRole('checkbox', { name: 'Lena Ledare får skapa studier' }).check();
    await admin.getByText('Lena Ledare får nu skapa studier.').waitFor();

    const lead = await leadContext.newPage();
    await logInAndChangePassword(lead, server.url, 'lena', lenasPassword, 'lenas eget lösenord');
    await lead.getByRole('link', { name: 'Skapa en studie' }).first().click();
    await lead.getByRole('heading', { name: 'Skapa en studie', level: 1 }).waitFor();
    await lead.getByLabel('Aktstudie med egna frågor').check();
    await lead.getByLabel('Titel').fill('Aktstudie Norr 2027');
    await lead.getByLabel('Kort rubrik').fill('Skolan');
    await lead.getByLabel('Frågan').fill('Hur fungerade skolan för barnen?');
    await lead.getByRole('button', { name: 'Lägg till en fråga' }).click();
    await lead.getByLabel('Kort rubrik').nth(1).fill('Hälsa');
    await lead.getByLabel('Frågan').nth(1).fill('Vilka tecken på ohälsa fanns?');
    await lead.getByRole('button', { name: 'Flytta upp fråga 2' }).click();
    await lead.getByRole('button', { name: 'Skapa studien' }).click();
    await lead.getByRole('heading', { name: 'Aktstudie Norr 2027' }).waitFor();

    const study = await lead.request.get(`${server.url}/api/studies/aktstudie-norr-2027`);
    const json = await study.json();
    assert.is(json.role, 'lead');
    assert.equal(json.questions.map((q: any) => q.label), ['Hälsa', 'Skolan'], 'moved up before creating');
  } finally {
    await adminContext.close();
    await leadContext.close();
  }
});

test.run();
