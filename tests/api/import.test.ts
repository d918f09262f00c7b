import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite } from '../setup/app.ts';
import { makeDocx, makePdf } from '../setup/office-files.ts';

const imp = appSuite('Importing a case file');

const path = '/api/studies/mini/families/fam-2/documents';

const CASE_FILE = [
  'Utredning avseende Nils, 19900101-2385',
  '',
  '2016-04-02 Orosanmälan från skolan',
  'Skolkurator ringer, Nils har hög frånvaro. Mamma nås på 08-123 456 78 eller mamma@example.se.',
  '',
  '3 maj 2016 – Beslut om familjebehandling',
  'Familjebehandling beviljas i sex månader. Kostnad 12 000 kr per månad.',
  '',
].join('\r\n');

function upload(name: string, content: string | Uint8Array<ArrayBuffer>, title?: string): FormData {
  const form = new FormData();
  form.append('file', new File([content], name, { type: 'text/plain' }));
  if (title) form.append('title', title);
  return form;
}

imp('the lead imports a .txt file: entries are dated, identifiers pseudonymised, and it joins the family', async ({ t }) => {
  const lead = await t.as('projektledare');
  const r = await lead.call('POST', path, upload('skolan.txt', CASE_FILE, 'Utredning 2016'));
  assert.is(r.status, 201);
  assert.is(r.json.document.title, 'Utredning 2016');
  assert.is(r.json.document.entryCount, 2);
  assert.is(r.json.document.date, '2016-04-02');
  assert.equal(r.json.replacements, { personnummer: 1, telefon: 1, epost: 1 });
  const docs = (await lead.call('GET', '/api/studies/mini/families/fam-2/documents')).json;
  assert.equal(docs.map((d: any) => d.title), ['Akt, familj 2', 'Utredning 2016']);
  const doc = (await lead.call('GET', `/api/studies/mini/documents/${r.json.document.id}`)).json;
  assert.equal(doc.entries.map((e: any) => [e.date, e.kind]), [['2016-04-02', 'anmalan'], ['2016-05-03', 'beslut']]);
  assert.not.match(doc.text, /\r/);
  assert.not.match(doc.text, /19900101-2385|123 456 78|mamma@example\.se/);
  assert.match(doc.text, /12 000 kr/);
});

imp('the original text is never written to disk', async ({ t }) => {
  const lead = await t.as('projektledare');
  await lead.call('POST', path, upload('skolan.txt', CASE_FILE));
  const dir = join(t.dataDir, 'studies', 'mini', 'documents');
  for (const name of await readdir(dir)) {
    assert.not.match(await readFile(join(dir, name), 'utf8'), /19900101-2385|mamma@example\.se/, name);
  }
});

imp('a Markdown file and a JSON body import too; the title defaults to the file name', async ({ t }) => {
  const lead = await t.as('projektledare');
  const md = await lead.call('POST', path, upload('journal-2017.md', '## 2017-01-09 Journalanteckning\nTelefonsamtal med pappa.\n'));
  assert.is(md.status, 201);
  assert.is(md.json.document.title, 'journal-2017');
  const json = await lead.call('POST', path, { title: 'Inklistrad', text: '14/3 2018 Uppföljning\nAllt gick bra.' });
  assert.is(json.status, 201);
  assert.is(json.json.document.kind, 'uppfoljning');
});

imp('Word and PDF exports import with their dated entries', async ({ t }) => {
  const lead = await t.as('projektledare');
  const docx = await lead.call('POST', path, upload('utredning.docx', makeDocx(['2018-02-01 Utredning inleds', 'Pappa 19900101-2385 deltar.'])));
  assert.is(docx.status, 201);
  assert.is(docx.json.document.entryCount, 1);
  assert.is(docx.json.replacements.personnummer, 1);
  const pdf = await lead.call('POST', path, upload('journal.pdf', makePdf([['2019-04-01 Journalanteckning', 'Hembesök.'], ['2019-05-02 Uppföljning']])));
  assert.is(pdf.status, 201);
  assert.is(pdf.json.document.entryCount, 2);
});

imp('only the lead imports; a caseworker assigned to the family gets 403', async ({ t }) => {
  const cw = await t.as('socsek1');
  const r = await cw.call('POST', path, upload('a.txt', CASE_FILE));
  assert.is(r.status, 403);
  assert.is(r.json.error.code, 'forbidden');
});

imp('a wrong type, a binary file, an empty file or a too large file get a clear error and store nothing', async ({ t }) => {
  const lead = await t.as('projektledare');
  const exe = await lead.call('POST', path, upload('akt.exe', 'MZ'));
  assert.is(exe.status, 415);
  assert.is(exe.json.error.code, 'unsupported_type');
  const fakePdf = await lead.call('POST', path, upload('akt.pdf', 'inte alls en pdf'));
  assert.is(fakePdf.status, 422);
  assert.is(fakePdf.json.error.code, 'invalid_pdf');
  const binary = await lead.call('POST', path, upload('akt.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])));
  assert.is(binary.status, 422);
  assert.is(binary.json.error.code, 'invalid_text');
  const empty = await lead.call('POST', path, upload('tom.txt', '  \n\n'));
  assert.is(empty.status, 422);
  assert.is(empty.json.error.code, 'empty_document');
  const huge = await lead.call('POST', path, upload('stor.txt', 'a'.repeat(26 * 1024 * 1024)));
  assert.is(huge.status, 413);
  const noFile = await lead.call('POST', path, new FormData());
  assert.is(noFile.status, 400);
  const docs = (await lead.call('GET', '/api/studies/mini/families/fam-2/documents')).json;
  assert.is(docs.length, 1);
});

imp('a Windows-1252 file from an older system reads with its å, ä and ö', async ({ t }) => {
  const lead = await t.as('projektledare');
  const latin1 = new Uint8Array([...Buffer.from('2019-02-01 Journalanteckning\nM', 'latin1'), 0xf6, ...Buffer.from('te p', 'latin1'), 0xe5, ...Buffer.from(' skolan.', 'latin1')]);
  const r = await lead.call('POST', path, upload('gammal.txt', latin1));
  assert.is(r.status, 201);
  const doc = (await lead.call('GET', `/api/studies/mini/documents/${r.json.document.id}`)).json;
  assert.match(doc.text, /Möte på skolan\./);
});

imp.run();
