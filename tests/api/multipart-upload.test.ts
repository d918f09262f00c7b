// Uploads are read as they arrive (server/http/multipart.ts): what a browser sends must come through
// as it did with the whole-body parser — Swedish file names, fields beside files, a name sent twice —
// and what is wrong must be refused with 400, never taken in half: a malformed form, a field over
// 1 MiB, a form that is not multipart where a file is required.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const uploads = appSuite('Uploads read as they arrive');
const base = '/api/studies/mini/families/fam-2';
const TEXT = '2016-04-02 Orosanmälan från skolan\nHög frånvaro.\n';

uploads('a file named in Swedish keeps its letters in the title taken from its name', async ({ t }) => {
  const lead = await t.as('projektledare');
  const form = new FormData();
  form.append('file', new File([TEXT], 'Anmälan från förskolan – våren.txt', { type: 'text/plain' }));
  const r = await lead.call('POST', `${base}/documents`, form);
  assert.is(r.status, 201, r.text);
  assert.is(r.json.document.title, 'Anmälan från förskolan – våren');
});

uploads('a field beside the file is read, and a title typed in Swedish is kept', async ({ t }) => {
  const lead = await t.as('projektledare');
  const form = new FormData();
  form.append('title', 'Beslut om insats – hösten');
  form.append('file', new File([TEXT], 'beslut.txt', { type: 'text/plain' }));
  const r = await lead.call('POST', `${base}/documents`, form);
  assert.is(r.status, 201, r.text);
  assert.is(r.json.document.title, 'Beslut om insats – hösten');
});

uploads('a field over 1 MiB is refused, not cut short, and nothing is stored', async ({ t }) => {
  const lead = await t.as('projektledare');
  const before = (await lead.call('GET', `${base}/documents`)).json.length;
  const form = new FormData();
  form.append('title', 'x'.repeat(1024 * 1024 + 1));
  form.append('file', new File([TEXT], 'akt.txt', { type: 'text/plain' }));
  const r = await lead.call('POST', `${base}/documents`, form);
  assert.is(r.status, 400, r.text);
  assert.is(r.json.error.code, 'invalid_form');
  assert.is((await lead.call('GET', `${base}/documents`)).json.length, before);
});

uploads('a malformed multipart body is refused with 400', async ({ t }) => {
  const lead = await t.as('projektledare');
  for (const body of [
    '--gräns\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n' + TEXT, // never closed
    'not a multipart body at all',
  ]) {
    const r = await lead.call('POST', `${base}/documents`, body, { 'content-type': 'multipart/form-data; boundary=gräns' });
    assert.is(r.status, 400, r.text);
    assert.ok(r.json.error.code, 'an error code');
  }
  const noBoundary = await lead.call('POST', `${base}/documents`, 'x', { 'content-type': 'multipart/form-data' });
  assert.is(noBoundary.status, 400, noBoundary.text);
});

uploads('a bulk upload of several files with a family each keeps files and families in order', async ({ t }) => {
  const lead = await t.as('projektledare');
  const form = new FormData();
  for (const [n, family] of [[1, 'fam-1'], [2, 'fam-2'], [3, 'fam-3']] as const) {
    form.append('files', new File([`2016-04-0${n} Anteckning ${n}\nText ${n}.\n`], `akt-${n}.txt`, { type: 'text/plain' }));
    form.append('family', family);
  }
  const r = await lead.call('POST', '/api/studies/mini/imports', form);
  assert.is(r.status, 202, r.text);
  assert.equal(r.json.job.files.map((f: any) => [f.name, f.familyId]), [['akt-1.txt', 'fam-1'], ['akt-2.txt', 'fam-2'], ['akt-3.txt', 'fam-3']]);
});

uploads.run();
