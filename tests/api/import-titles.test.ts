// Titles typed at import, titles taken from file names and file names shown back go through the same
// pseudonymisation as the text: nothing identifying reaches study.json or an answer.
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite, type TestClient } from '../setup/app.ts';
import { whenImportSettled } from '../setup/imports.ts';

const titles = appSuite('Document titles and file names are pseudonymised');

const base = '/api/studies/mini/families/fam-2';
const TEXT = '2016-04-02 Orosanmälan från skolan\nHög frånvaro.\n';
// The last four digits only on their own: inside a hex hash or pseudonym tag "5552" turns up by chance.
const IDENTIFYING = /19880808|(?<![0-9a-f])5552(?![0-9a-f])|Elsa|070-123|123 45 67|anna\.svensson|exempel\.se|Storgatan/i;

function form(name: string, title?: string): FormData {
  const f = new FormData();
  f.append('file', new File([TEXT], name, { type: 'text/plain' }));
  if (title) f.append('title', title);
  return f;
}

async function studyFile(dataDir: string): Promise<string> {
  return readFile(join(dataDir, 'studies', 'mini', 'study.json'), 'utf8');
}

const whenReady = (lead: TestClient, id: string) => whenImportSettled(lead, `${base}/imports/${id}`);

titles('a title taken from the file name loses its personal number', async ({ t }) => {
  const lead = await t.as('projektledare');
  const r = await lead.call('POST', `${base}/documents`, form('Utredning 19880808-5552.txt'));
  assert.is(r.status, 201);
  assert.match(r.json.document.title, /^Utredning \[PNR-[0-9a-f]{8}\]$/);
  const listed = (await lead.call('GET', `${base}/documents`)).json.map((d: any) => d.title);
  assert.not.match(listed.join('\n'), IDENTIFYING);
  assert.not.match(await studyFile(t.dataDir), IDENTIFYING);
});

titles('a typed title loses phone numbers, e-mail, addresses and the family\'s listed names', async ({ t }) => {
  const lead = await t.as('projektledare');
  await lead.call('POST', `${base}/names`, { names: [{ name: 'Elsa', label: 'Barn 1' }] });
  const typed = 'Elsas samtal 070-123 45 67, anna.svensson@exempel.se, Storgatan 12';
  const r = await lead.call('POST', `${base}/documents`, form('samtal.txt', typed));
  assert.is(r.status, 201);
  assert.match(r.json.document.title, /^\[Barn 1\]s samtal \[TEL-[0-9a-f]{8}\], \[E-POST-[0-9a-f]{8}\], \[ADRESS-[0-9a-f]{8}\]$/);
  const json = await lead.call('POST', `${base}/documents`, { title: 'Inklistrad om Elsa 19880808-5552', text: TEXT });
  assert.is(json.status, 201);
  assert.match(json.json.document.title, /^Inklistrad om \[Barn 1\] \[PNR-[0-9a-f]{8}\]$/);
  assert.not.match(await studyFile(t.dataDir), IDENTIFYING);
});

titles('an import waiting for the preview shows its title and file name pseudonymised, and stores them so', async ({ t }) => {
  const lead = await t.as('projektledare');
  const started = await lead.call('POST', `${base}/imports`, form('anna.svensson@exempel.se_19880808-5552.txt', 'Möte om Elsa'));
  assert.is(started.status, 202);
  // "Elsa" is not listed yet, so it cannot be found (as in the text); everything else is gone at once.
  assert.not.match(started.text, /19880808|(?<![0-9a-f])5552(?![0-9a-f])|anna\.svensson|exempel\.se/i);
  assert.match(started.json.fileName, /^\[E-POST-[0-9a-f]{8}\]_\[PNR-[0-9a-f]{8}\]\.txt$/);
  // A name listed after the upload is applied to the title too, as it is to the text.
  await lead.call('POST', `${base}/names`, { names: [{ name: 'Elsa', label: 'Barn 1' }] });
  const ready = await whenReady(lead, started.json.id);
  assert.is(ready.json.status, 'ready');
  assert.is(ready.json.title, 'Möte om [Barn 1]');
  assert.not.match(JSON.stringify({ title: ready.json.title, fileName: ready.json.fileName }), IDENTIFYING);
  const committed = await lead.call('POST', `${base}/imports/${started.json.id}/commit`);
  assert.is(committed.status, 201);
  assert.is(committed.json.document.title, 'Möte om [Barn 1]');
  assert.not.match(await studyFile(t.dataDir), IDENTIFYING);
});

titles('without a typed title, the pending import takes its title from the file name, pseudonymised', async ({ t }) => {
  const lead = await t.as('projektledare');
  const started = await lead.call('POST', `${base}/imports`, form('Utredning 19880808-5552.txt'));
  const ready = await whenReady(lead, started.json.id);
  assert.match(ready.json.title, /^Utredning \[PNR-[0-9a-f]{8}\]$/);
  assert.match(ready.json.fileName, /^Utredning \[PNR-[0-9a-f]{8}\]\.txt$/);
  const committed = await lead.call('POST', `${base}/imports/${started.json.id}/commit`);
  assert.is(committed.json.document.title, ready.json.title);
  assert.not.match(await studyFile(t.dataDir), IDENTIFYING);
});

titles.run();
