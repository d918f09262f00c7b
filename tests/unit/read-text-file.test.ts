// A bulk import keeps a text file in UTF-8 as its bytes (readTextFile), for the workers to decode a window
// at a time, and checks it is not blank a piece at a time (isBlankText on bytes). Both must say what
// decoding the whole file would.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeTextFile, readTextFile } from '../../server/domain/decode-upload.ts';
import { isBlankText, normaliseText } from '../../server/domain/normalise.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const read = suite('readTextFile');

read('UTF-8, with or without a byte-order mark, stays the same bytes and decodes to the text', () => {
  for (const text of ['Mormor ringde – hon var orolig.', '\uFEFFMalmö 2019-03-14\r\nÅsa']) {
    const bytes = utf8(text);
    const raw = readTextFile(bytes);
    assert.ok(raw === bytes, 'the bytes themselves');
    assert.is(normaliseText(Buffer.from(raw as Uint8Array).toString('utf8')), normaliseText(decodeTextFile(bytes)));
  }
});

read('UTF-16 with a byte-order mark and Windows-1252 are decoded here', () => {
  const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Åsa', 'utf16le')]);
  assert.is(readTextFile(le), 'Åsa');
  const be = new Uint8Array([0xfe, 0xff, 0x00, 0xc5, 0x00, 0x73]);
  assert.is(readTextFile(be), 'Ås');
  assert.is(readTextFile(new Uint8Array([0x4d, 0x61, 0x6c, 0x6d, 0xf6])), 'Malmö', 'Windows-1252');
});

read('a file with NUL bytes is not a text file', () => {
  assert.throws(() => readTextFile(new Uint8Array([0x61, 0x00, 0x62])), (e: Error & { code?: string }) => e.code === 'invalid_text');
});

const blank = suite('isBlankText on bytes');

blank('answers as on the decoded text, over the pieces it reads', () => {
  const space = ' \t\r\n\u00a0\u2028\u3000\uFEFF\u0007\u0085'.repeat(20_000); // about 300 KB of what is not kept
  assert.ok(isBlankText(utf8(space)));
  assert.ok(isBlankText(new Uint8Array(0)));
  assert.not.ok(isBlankText(utf8(space + 'x')));
  assert.not.ok(isBlankText(utf8('x' + space)));
  for (const text of [space, space + 'ä', 'å' + space]) assert.is(isBlankText(utf8(text)), isBlankText(text), text.slice(-3));
});

blank('a character split between two pieces is read whole', () => {
  const piece = 64 * 1024;
  // 'ä' (C3 A4) and U+3000, an ideographic space (E3 80 80), across the first piece's end.
  const across = (char: string) => utf8(' '.repeat(piece - 1) + char);
  assert.not.ok(isBlankText(across('ä')));
  assert.ok(isBlankText(across('\u3000')));
});

read.run();
blank.run();
