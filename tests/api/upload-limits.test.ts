// Hostile uploads through both upload routes: each ends in a clean 4xx JSON error with a Swedish
// message that does not repeat the file name, never a 500. Cheap checks answer the upload itself.
import * as assert from 'uvu/assert';
import { appSuite, type TestClient, type TestResponse } from '../setup/app.ts';
import {
  makeBrokenPageTreePdf,
  makeDocx,
  makeDocxBomb,
  makeEmptyParagraphsDocx,
  makePasswordPdf,
  makePdf,
} from '../setup/office-files.ts';

const limits = appSuite('Upload limits on the import routes');

const base = '/api/studies/mini/families/fam-2';
// A file name with a person's name in it: it must never come back in an error message.
const NAMED = 'Sara Lindqvist';

function form(name: string, content: Uint8Array<ArrayBuffer> | string) {
  const f = new FormData();
  f.append('file', new File([content], name));
  return f;
}

function assertError(r: TestResponse, status: number, code: string) {
  assert.is(r.status, status, r.text);
  assert.is(r.json?.error?.code, code);
  assert.type(r.json.error.message, 'string');
  assert.ok(/[åäö]/.test(r.json.error.message), 'a Swedish message');
  assert.not.match(r.text, /Lindqvist/, 'no personal data from the file name');
}

async function failedImport(lead: TestClient, name: string, content: Uint8Array<ArrayBuffer>) {
  const started = await lead.call('POST', `${base}/imports`, form(name, content));
  assert.is(started.status, 202, started.text);
  for (let i = 0; i < 1000; i++) {
    const r = await lead.call('GET', `${base}/imports/${started.json.id}`);
    if (r.json.status !== 'extracting') return r;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error('import never settled');
}

limits('a 1 GiB zip bomb is refused with 413 by both routes, before any text is extracted', async ({ t }) => {
  const lead = await t.as('projektledare');
  const bomb = makeDocxBomb({ inflatedMiB: 1024 });
  assertError(await lead.call('POST', `${base}/documents`, form(`${NAMED}.docx`, bomb)), 413, 'too_large');
  assertError(await lead.call('POST', `${base}/imports`, form(`${NAMED}.docx`, bomb)), 413, 'too_large');
});

limits('300,000 empty paragraphs: 413 from both routes, at once when the zip gives them away', async ({ t }) => {
  const lead = await t.as('projektledare');
  // Compressed, the flood packs absurdly hard: the upload request itself is refused.
  const packed = makeEmptyParagraphsDocx(300_000);
  assertError(await lead.call('POST', `${base}/imports`, form(`${NAMED}.docx`, packed)), 413, 'too_large');
  // Stored, only counting the paragraphs (in the worker) finds it: 413, or a failed preview.
  const stored = makeEmptyParagraphsDocx(300_000, { stored: true });
  const direct = await lead.call('POST', `${base}/documents`, form(`${NAMED}.docx`, stored));
  assertError(direct, 413, 'too_large');
  assert.match(direct.json.error.message, /för stor eller för komplex/);
  const pending = await failedImport(lead, `${NAMED}.docx`, stored);
  assert.is(pending.json.status, 'failed');
  assert.is(pending.json.error.code, 'too_large');
  assert.not.match(pending.json.error.message, /Lindqvist/);
});

limits('a docx whose entry lies about its size is refused with 422', async ({ t }) => {
  const lead = await t.as('projektledare');
  const liar = makeDocxBomb({ inflatedMiB: 1024, declaredSize: 10_000 });
  assertError(await lead.call('POST', `${base}/documents`, form(`${NAMED}.docx`, liar)), 422, 'invalid_docx');
});

limits('a .docx that is not a zip, or is cut short, gives 422 invalid_docx at once', async ({ t }) => {
  const lead = await t.as('projektledare');
  for (const route of ['documents', 'imports']) {
    assertError(await lead.call('POST', `${base}/${route}`, form(`${NAMED}.docx`, 'bara text')), 422, 'invalid_docx');
    const docx = makeDocx(['Hej']);
    assertError(await lead.call('POST', `${base}/${route}`, form(`${NAMED}.docx`, docx.slice(0, docx.length - 30))), 422, 'invalid_docx');
  }
});

limits('garbage, truncated, password-protected and broken PDFs give 422 invalid_pdf', async ({ t }) => {
  const lead = await t.as('projektledare');
  const pdf = makePdf([['2019-04-01 Journalanteckning', 'Hembesök.'], ['2019-05-02 Uppföljning']]);
  const garbage = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))]));
  const cases = { garbage, truncated: pdf.slice(0, Math.floor(pdf.length * 0.6)), password: makePasswordPdf([['Hemligt']]), broken: makeBrokenPageTreePdf() };
  for (const [label, bytes] of Object.entries(cases)) {
    const r = await lead.call('POST', `${base}/documents`, form(`${NAMED}.pdf`, bytes));
    assert.is(r.status, 422, `${label}: ${r.text}`);
    assertError(r, 422, 'invalid_pdf');
  }
  const pending = await failedImport(lead, `${NAMED}.pdf`, makeBrokenPageTreePdf());
  assert.is(pending.json.error.code, 'invalid_pdf');
});

limits('an ordinary docx and PDF still import after all that', async ({ t }) => {
  const lead = await t.as('projektledare');
  const docx = await lead.call('POST', `${base}/documents`, form('utredning.docx', makeDocx(['2018-02-01 Utredning inleds', 'Pappa deltar.'])));
  assert.is(docx.status, 201, docx.text);
  const pdf = await lead.call('POST', `${base}/documents`, form('journal.pdf', makePdf([['2019-04-01 Journalanteckning', 'Hembesök.']])));
  assert.is(pdf.status, 201, pdf.text);
});

limits.run();
