import * as assert from 'uvu/assert';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite, makeTestApp, type TestClient } from '../setup/app.ts';
import { whenImportSettled } from '../setup/imports.ts';
import { makePdf } from '../setup/office-files.ts';

const preview = appSuite('Import with a preview before commit');

const base = '/api/studies/mini/families/fam-2';
const FILE = [
  '2016-04-02 Orosanmälan från skolan',
  'Elsa har hög frånvaro. Elsas mamma nås på 070-123 45 67. Familjen bor på Storgatan 12 B, 123 45 Nacka.',
  '2016-05-03 Beslut om familjebehandling',
  'Pappa 19900101-2385 samtycker.',
].join('\n');

async function upload(lead: TestClient, name: string, content: string | Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append('file', new File([content], name));
  return lead.call('POST', `${base}/imports`, form);
}

const whenReady = (lead: TestClient, id: string) => whenImportSettled(lead, `${base}/imports/${id}`);

preview('the lead sees counts per kind and each replaced passage in context, then adds a missed name', async ({ t }) => {
  const lead = await t.as('projektledare');
  const started = await upload(lead, 'skolan.txt', FILE);
  assert.is(started.status, 202);
  assert.ok(['extracting', 'ready'].includes(started.json.status));
  const ready = (await whenReady(lead, started.json.id)).json;
  assert.is(ready.status, 'ready');
  assert.is(ready.entryCount, 2);
  assert.is(ready.preview.counts.personnummer, 1);
  assert.is(ready.preview.counts.telefon, 1);
  assert.is(ready.preview.counts.adress, 1);
  assert.is(ready.preview.counts.namn, 0);
  const phone = ready.preview.passages.find((p: any) => p.kind === 'telefon');
  assert.is(phone.original, '070-123 45 67');
  assert.match(phone.before, /mamma nås på $/);

  const named = await lead.call('POST', `${base}/names`, { names: [{ name: 'Elsa', label: 'Barn 1' }] });
  assert.equal(named.json, { labels: ['Barn 1'] });
  const again = (await lead.call('GET', `${base}/imports/${started.json.id}`)).json;
  assert.is(again.preview.counts.namn, 2, 'Elsa and Elsas');

  const committed = await lead.call('POST', `${base}/imports/${started.json.id}/commit`);
  assert.is(committed.status, 201);
  const doc = (await lead.call('GET', `/api/studies/mini/documents/${committed.json.document.id}`)).json;
  assert.match(doc.text, /\[Barn 1\] har hög frånvaro\. \[Barn 1\]s mamma/);
  assert.not.match(doc.text, /Elsa|Storgatan|070-123/);
  assert.is((await lead.call('GET', `${base}/imports/${started.json.id}`)).status, 404, 'forgotten after commit');
});

preview('listed names are stored only as keyed hashes, never in clear', async ({ t }) => {
  const lead = await t.as('projektledare');
  await lead.call('POST', `${base}/names`, { names: [{ name: 'Ingegerd', label: 'Mormor' }] });
  assert.equal((await lead.call('GET', `${base}/names`)).json, { labels: ['Mormor'] });
  const studyFile = await readFile(join(t.dataDir, 'studies', 'mini', 'study.json'), 'utf8');
  assert.not.match(studyFile.toLowerCase(), /ingegerd/);
  assert.match(studyFile, /"label":"Mormor"/);
  const bad = await lead.call('POST', `${base}/names`, { names: [{ name: 'Ali Hassan', label: 'Pappa' }] });
  assert.is(bad.status, 422);
  assert.not.match(bad.text, /Hassan/, 'the error does not repeat the name');
});

preview('a PDF is extracted in the background and shows its progress', async ({ t }) => {
  const lead = await t.as('projektledare');
  const pages = Array.from({ length: 30 }, (_, i) => [`2017-01-${String((i % 28) + 1).padStart(2, '0')} Journalanteckning`, `Sida ${i + 1}.`]);
  const started = await upload(lead, 'akt.pdf', makePdf(pages));
  assert.is(started.status, 202);
  assert.ok(started.json.progress >= 0 && started.json.progress <= 1);
  const ready = (await whenReady(lead, started.json.id)).json;
  assert.is(ready.progress, 1);
  assert.is(ready.entryCount, 30);
});

preview('a broken file fails with a clear message; a discarded import is gone; nothing reaches the disk', async ({ t }) => {
  const lead = await t.as('projektledare');
  const broken = await upload(lead, 'akt.pdf', 'inte en pdf');
  assert.is(broken.status, 422, 'refused at upload, before anything is parsed');
  assert.is(broken.json.error.code, 'invalid_pdf');
  const ok = await upload(lead, 'skolan.txt', FILE);
  await whenReady(lead, ok.json.id);
  assert.is((await lead.call('DELETE', `${base}/imports/${ok.json.id}`)).status, 204);
  assert.is((await lead.call('POST', `${base}/imports/${ok.json.id}/commit`)).status, 404);
  const docs = await readdir(join(t.dataDir, 'studies', 'mini', 'documents'));
  for (const f of docs) assert.not.match(await readFile(join(t.dataDir, 'studies', 'mini', 'documents', f), 'utf8'), /Elsa|070-123/);
  assert.is((await lead.call('GET', `${base}/documents`)).json.length, 1);
});

preview('an unsupported file type is refused at upload', async ({ t }) => {
  const lead = await t.as('projektledare');
  const r = await upload(lead, 'bild.png', 'x');
  assert.is(r.status, 415);
});

preview('a pending import expires after 30 minutes', async () => {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const t = await makeTestApp({ clock: () => new Date(now) });
  try {
    const lead = await t.as('projektledare');
    const started = await upload(lead, 'skolan.txt', FILE);
    await whenReady(lead, started.json.id);
    now += 29 * 60 * 1000;
    await lead.call('GET', '/api/session');
    assert.is((await lead.call('GET', `${base}/imports/${started.json.id}`)).status, 200);
    now += 2 * 60 * 1000;
    assert.is((await lead.call('GET', `${base}/imports/${started.json.id}`)).status, 404);
  } finally {
    await t.cleanup();
  }
});

preview('two commits of one import at once (a double click, a second tab) store it once; the other is told so', async ({ t }) => {
  const lead = await t.as('projektledare');
  const started = await upload(lead, 'skolan.txt', FILE);
  await whenReady(lead, started.json.id);
  const before = (await lead.call('GET', `${base}/documents`)).json.length;
  const [a, b] = await Promise.all([0, 1].map(() => lead.call('POST', `${base}/imports/${started.json.id}/commit`)));
  assert.equal([a!.status, b!.status].sort(), [201, 409]);
  const refused = a!.status === 409 ? a! : b!;
  assert.is(refused.json.error.code, 'conflict');
  assert.is((await lead.call('GET', `${base}/documents`)).json.length, before + 1);
});

preview('a discard while the commit is under way is refused: the answers always say what happened to the document', async ({ t }) => {
  const lead = await t.as('projektledare');
  const started = await upload(lead, 'skolan.txt', FILE);
  await whenReady(lead, started.json.id);
  const before = (await lead.call('GET', `${base}/documents`)).json.length;
  const [commit, discard] = await Promise.all([
    lead.call('POST', `${base}/imports/${started.json.id}/commit`),
    lead.call('DELETE', `${base}/imports/${started.json.id}`),
  ]);
  const stored = (await lead.call('GET', `${base}/documents`)).json.length - before;
  if (commit!.status === 201) {
    assert.is(discard!.status, 409, 'not "discarded" while it is being stored');
    assert.is(discard!.json.error.message, 'Filen sparas redan.');
    assert.is(stored, 1);
  } else {
    assert.is(discard!.status, 204);
    assert.is(stored, 0, 'discarded first: nothing stored');
  }
});

preview.run();
