import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { extractText } from '../../server/import/extract-text.ts';
import { makeDocx, makePdf } from '../setup/office-files.ts';
import { rejects } from '../setup/rejects.ts';

const extract = suite('Extracting text from uploaded files');

extract('a .docx gives its paragraphs as lines', async () => {
  const text = await extractText('akt.docx', makeDocx(['2014-05-02 Orosanmälan från BVC', 'Sköterskan är orolig för Elsas vikt.']));
  assert.match(text, /2014-05-02 Orosanmälan från BVC\n+Sköterskan är orolig för Elsas vikt\./);
});

extract('a .pdf gives its text page by page, reporting progress per page', async () => {
  const progress: number[] = [];
  const pdf = makePdf([['2014-05-02 Orosanmälan från BVC', 'Mamma är trött.'], ['3 juni 2014 – Beslut om stöd', 'Beviljas.']]);
  const text = await extractText('akt.pdf', pdf, (f) => progress.push(f));
  assert.match(text, /2014-05-02 Orosanmälan från BVC\nMamma är trött\./);
  assert.match(text, /3 juni 2014 – Beslut om stöd/);
  assert.equal(progress, [0.5, 1]);
});

extract('a file that is not what its name says is refused with a clear error', async () => {
  const notDocx = (await rejects(() => extractText('akt.docx', new TextEncoder().encode('bara text')))) as any;
  assert.is(notDocx.code, 'invalid_docx');
  const notPdf = (await rejects(() => extractText('akt.pdf', makeDocx(['x'])))) as any;
  assert.is(notPdf.code, 'invalid_pdf');
  const brokenPdf = (await rejects(() => extractText('akt.pdf', new TextEncoder().encode('%PDF-1.4 trasig')))) as any;
  assert.is(brokenPdf.code, 'invalid_pdf');
  const exe = (await rejects(() => extractText('akt.exe', new Uint8Array([1, 2])))) as any;
  assert.is(exe.code, 'unsupported_type');
});

extract('a PDF without any text (a scan) is refused as empty', async () => {
  const err = (await rejects(() => extractText('skannad.pdf', makePdf([[]])))) as any;
  assert.is(err.code, 'empty_document');
});

extract.run();
