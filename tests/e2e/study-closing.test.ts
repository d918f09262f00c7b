// The end of a study in the lead's settings: close it (asked first), see it read-only for a caseworker,
// then erase it after typing its id; it is gone from everyone's list.
import * as assert from 'uvu/assert';
import { DEMO_STUDY, openAs } from '../setup/browser.ts';
import { browserSuite } from '../setup/e2e.ts';

const test = browserSuite('closing and erasing a study');

test('the lead closes the study, a caseworker can no longer annotate, and the lead erases it', async ({ server, browser }) => {
  const lead = await openAs(browser, server.url, 'projektledare');
  const caseworker = await openAs(browser, server.url, 'socsek1');
  try {
    await lead.goto(`${server.url}/#/studier/${DEMO_STUDY}/installningar`);
    await lead.getByRole('button', { name: 'Avsluta studien' }).click();
    await lead.getByRole('button', { name: 'Ja, avsluta' }).click();
    await lead.getByText('Studien är avslutad.').waitFor();

    await caseworker.goto(`${server.url}/#/studier/${DEMO_STUDY}/familjer/familj-a`);
    await caseworker.getByText('Du kan läsa akten men inte markera i den.').waitFor();
    const [doc] = await (await caseworker.request.get(`${server.url}/api/studies/${DEMO_STUDY}/families/familj-a/documents`)).json();
    const { text } = await (await caseworker.request.get(`${server.url}/api/studies/${DEMO_STUDY}/documents/${doc.id}`)).json();
    const refused = await caseworker.request.post(`${server.url}/api/studies/${DEMO_STUDY}/annotations`, {
      headers: { origin: server.url },
      data: { documentId: doc.id, questionId: 'tidiga-tecken', target: { start: 0, end: 8, exact: text.slice(0, 8) } },
    });
    assert.is(refused.status(), 409);

    const erase = lead.getByRole('button', { name: 'Radera studien för gott' });
    assert.ok(await erase.isDisabled(), 'not until the id is typed');
    await lead.getByLabel(`Skriv studiens id (${DEMO_STUDY}) för att radera den`).fill(DEMO_STUDY);
    await erase.click();
    await lead.getByRole('heading', { name: 'Mina studier' }).waitFor();
    assert.is((await lead.request.get(`${server.url}/api/studies/${DEMO_STUDY}`)).status(), 404);
    assert.equal(await (await caseworker.request.get(`${server.url}/api/studies`)).json(), []);
  } finally {
    await lead.context().close();
    await caseworker.context().close();
  }
});

test.run();
