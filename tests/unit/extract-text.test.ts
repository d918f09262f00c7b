import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { extractText, precheckUpload } from '../../server/import/extract-text.ts';
import { checkDocxComplexity, readDocxParts } from '../../server/import/docx-parts.ts';
import { parsePool } from '../../server/import/worker-pool.ts';
import { countXml } from '../../server/import/xml-complexity.ts';
import {
  makeBrokenPageTreePdf,
  makeDocx,
  makeDocxBomb,
  makeDocxWithBody,
  makeEmptyParagraphsDocx,
  makeManyEntriesZip,
  makePasswordPdf,
  makePdf,
  makePdfBomb,
  makeSlowDocx,
  makeWordLikeDocx,
} from '../setup/office-files.ts';
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

const hostile = suite('Hostile uploads are refused with a typed error, never a crash');

/** The refusal every test here expects: a domain error with a status, a code and a Swedish message. */
function assertRefused(error: any, status: number, code: string) {
  assert.is(error?.status, status, `status of ${error?.name}: ${error?.message}`);
  assert.is(error.code, code);
  assert.ok(/[åäö]/.test(error.message), 'a Swedish message');
}

hostile('a zip bomb is refused from its central directory, before anything is inflated', async () => {
  const bomb = makeDocxBomb({ inflatedMiB: 1024 });
  assertRefused(await rejects(() => precheckUpload('akt.docx', bomb)), 413, 'too_large');
  assertRefused(await rejects(() => extractText('akt.docx', bomb)), 413, 'too_large');
});

hostile('an entry that inflates far beyond the size it declares is stopped at the declared size', async () => {
  const liar = makeDocxBomb({ inflatedMiB: 1024, declaredSize: 10_000 });
  await precheckUpload('akt.docx', liar); // the directory looks harmless
  assertRefused(await rejects(() => extractText('akt.docx', liar)), 422, 'invalid_docx');
  const parts = await rejects(() => readDocxParts(liar));
  assertRefused(parts, 422, 'invalid_docx');
});

hostile('a zip with thousands of entries, or an absurd compression ratio, is refused at once', async () => {
  assertRefused(await rejects(() => precheckUpload('akt.docx', makeManyEntriesZip(5000))), 413, 'too_large');
  assertRefused(await rejects(() => precheckUpload('akt.docx', makeDocxBomb({ inflatedMiB: 150 }))), 413, 'too_large');
});

hostile('300,000 empty paragraphs are refused before mammoth sees them', async () => {
  // Compressed, the flood packs absurdly hard and the directory alone gives it away.
  assertRefused(await rejects(() => precheckUpload('akt.docx', makeEmptyParagraphsDocx(300_000))), 413, 'too_large');
  // Stored, it passes the directory check; counting paragraphs stops it.
  const flood = makeEmptyParagraphsDocx(300_000, { stored: true });
  await precheckUpload('akt.docx', flood);
  const parts = await readDocxParts(flood);
  const counted = (await rejects(async () => checkDocxComplexity(parts))) as any;
  assertRefused(counted, 413, 'too_large');
  assert.match(counted.message, /för många stycken/);
  const error = (await rejects(() => extractText('akt.docx', flood))) as any;
  assertRefused(error, 413, 'too_large');
  assert.match(error.message, /för stor eller för komplex/);
});

hostile('paragraphs are counted by local name: <w:p>, <p>, <x:p/> yes; <w:pPr>, </w:p>, <?xml?> no; a DTD is refused', async () => {
  const xml = new TextEncoder().encode('<?xml version="1.0"?><w:p w:rsidR="1"><w:pPr/><w:r/></w:p><p>a</p><x:p/><w:pStyle/>');
  assert.equal(countXml(xml), { elements: 6, paragraphs: 3, doctype: false });
  // A DTD cannot be written into the body, so the part is replaced after reading.
  const parts = await readDocxParts(makeDocxWithBody('<w:p/>'));
  parts.set('word/document.xml', new TextEncoder().encode('<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document>&a;</w:document>'));
  assertRefused(await rejects(async () => checkDocxComplexity(parts)), 422, 'invalid_docx');
});

hostile('elements are counted whatever prefix the document binds WordprocessingML to', async () => {
  const body = '<x:p><x:r><x:t>a</x:t></x:r></x:p>'.repeat(250_000);
  const docx = makeDocxWithBody(body, { stored: true });
  assertRefused(await rejects(async () => checkDocxComplexity(await readDocxParts(docx))), 413, 'too_large');
});

hostile('a real large case file (5 MB of text in Word markup) is within every limit', async () => {
  const lines = readFileSync(new URL('../../studies/demo-komplexa-familjer/families/familj-a/akt.txt', import.meta.url), 'utf8').split('\n');
  const docx = makeWordLikeDocx(Array.from({ length: 57 }, () => lines).flat());
  await precheckUpload('akt.docx', docx);
  checkDocxComplexity(await readDocxParts(docx));
  const smaller = await extractText('akt.docx', makeWordLikeDocx(lines));
  assert.match(smaller, /Orosanmälan från BVC/);
});

hostile('a parse that outlasts the time limit is stopped, and a later one still works', async () => {
  const slow = makeSlowDocx(190_000);
  await precheckUpload('akt.docx', slow);
  checkDocxComplexity(await readDocxParts(slow)); // within every cheap limit
  process.env.BACKSPEGEL_PARSE_TIMEOUT_MS = '400';
  try {
    const error = (await rejects(() => extractText('akt.docx', slow))) as any;
    assertRefused(error, 413, 'too_large');
    assert.match(error.message, /för stor eller för komplex för att läsas \(det tog för lång tid\)/);
  } finally {
    delete process.env.BACKSPEGEL_PARSE_TIMEOUT_MS;
  }
  assert.match(await extractText('akt.docx', makeDocx(['Efteråt går det bra.'])), /Efteråt går det bra\./);
});

hostile('a parse that runs out of memory is stopped with the same error, and the process lives on', async () => {
  process.env.BACKSPEGEL_PARSE_HEAP_MB = '48';
  try {
    const error = (await rejects(() => extractText('akt.docx', makeSlowDocx(190_000)))) as any;
    assertRefused(error, 413, 'too_large');
    assert.match(error.message, /för stor eller för komplex för att läsas \(det krävde för mycket minne\)/);
  } finally {
    delete process.env.BACKSPEGEL_PARSE_HEAP_MB;
  }
  assert.match(await extractText('akt.docx', makeDocx(['Fortfarande här.'])), /Fortfarande här\./);
});

hostile('a PDF whose stream inflates past the memory allowance is stopped (ArrayBuffers escape the heap limit)', async () => {
  process.env.BACKSPEGEL_PARSE_MEMORY_MB = '200';
  try {
    const error = (await rejects(() => extractText('akt.pdf', makePdfBomb(1024)))) as any;
    assertRefused(error, 413, 'too_large');
    assert.match(error.message, /det krävde för mycket minne/);
  } finally {
    delete process.env.BACKSPEGEL_PARSE_MEMORY_MB;
  }
  assert.match(await extractText('akt.pdf', makePdf([['Fortfarande här.']])), /Fortfarande här\./);
});

hostile('at most two files are parsed at once; the rest wait their turn', async () => {
  let most = 0;
  const watch = setInterval(() => (most = Math.max(most, parsePool.running)), 5);
  const files = Array.from({ length: 5 }, (_, i) => makePdf([[`Dokument ${i}`], ['Andra sidan.']]));
  const texts = await Promise.all(files.map((pdf) => extractText('akt.pdf', pdf)));
  clearInterval(watch);
  texts.forEach((text, i) => assert.match(text, new RegExp(`Dokument ${i}`)));
  assert.ok(most >= 1 && most <= 2, `at most two at once, saw ${most}`);
  assert.is(parsePool.running, 0);
  assert.is(parsePool.queued, 0);
});

hostile('broken, truncated and password-protected PDFs are refused as invalid_pdf', async () => {
  const pdf = makePdf([['2019-04-01 Journalanteckning', 'Hembesök.'], ['2019-05-02 Uppföljning']]);
  assertRefused(await rejects(() => extractText('akt.pdf', makeBrokenPageTreePdf())), 422, 'invalid_pdf');
  assertRefused(await rejects(() => extractText('akt.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)))), 422, 'invalid_pdf');
  const locked = (await rejects(() => extractText('akt.pdf', makePasswordPdf([['Hemligt']])))) as any;
  assertRefused(locked, 422, 'invalid_pdf');
  assert.match(locked.message, /lösenord/);
  const garbage = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))]));
  assertRefused(await rejects(() => extractText('akt.pdf', garbage)), 422, 'invalid_pdf');
});

hostile('a password-protected Word file (not a zip) and a truncated docx are refused as invalid_docx', async () => {
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const locked = (await rejects(() => precheckUpload('akt.docx', ole))) as any;
  assertRefused(locked, 422, 'invalid_docx');
  assert.match(locked.message, /lösenord/);
  const docx = makeDocx(['Hej']);
  assertRefused(await rejects(() => extractText('akt.docx', docx.subarray(0, docx.length - 30))), 422, 'invalid_docx');
});

extract.run();
hostile.run();
