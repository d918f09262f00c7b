import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isBlankText, normaliseText } from '../../server/domain/normalise.ts';

const normalising = suite('normaliseText');

normalising('drops a leading byte-order mark but keeps one inside the text', () => {
  assert.is(normaliseText('\uFEFFHej'), 'Hej');
  assert.is(normaliseText('a\uFEFFb'), 'a\uFEFFb');
});

normalising('turns CRLF, lone CR and Unicode line separators into \\n', () => {
  assert.is(normaliseText('a\r\nb\rc\u2028d\u2029e\nf'), 'a\nb\nc\nd\ne\nf');
  assert.is(normaliseText('\r\n\r\n'), '\n\n');
});

normalising('composes decomposed å, ä and ö (NFC)', () => {
  const decomposed = 'Ma\u0308rta fo\u0308ddes i Ska\u030Ane';
  assert.is(normaliseText(decomposed), 'Märta föddes i Skåne');
  assert.is(normaliseText(decomposed).length, 'Märta föddes i Skåne'.length);
});

normalising('leaves Latin-1 text as NFC would (it skips normalize() there): every pair of its characters', () => {
  const latin1 = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)).join('');
  for (const a of latin1) {
    const pairs = [...latin1].map((b) => a + b).join('');
    assert.is(pairs.normalize('NFC'), pairs, `pairs starting with U+${a.charCodeAt(0).toString(16)}`);
  }
  const withControls = 'Märta\u0085x';
  assert.is(normaliseText(withControls), withControls.normalize('NFC').replace('\u0085', '\n'));
});

normalising('removes control characters but keeps tabs and newlines', () => {
  assert.is(normaliseText('a\u0000b\u0007c\u001Bd\u007Fe\u0090f\tg\nh'), 'abcdef\tg\nh');
});

normalising('treats vertical tab and form feed as line breaks so words are not glued together', () => {
  assert.is(normaliseText('sida 1\fsida 2\vrad'), 'sida 1\nsida 2\nrad');
});

normalising('keeps leading and trailing spaces on every line, since offsets are user-visible', () => {
  assert.is(normaliseText('  indrag  \n\ttab \n'), '  indrag  \n\ttab \n');
});

normalising('is idempotent', () => {
  const once = normaliseText('\uFEFFa\r\nb\u0301\u2028c\u0001');
  assert.is(normaliseText(once), once);
});

normalising('isBlankText says what normalising and trimming would: blank only for whitespace and removed controls', () => {
  assert.ok(isBlankText(''));
  assert.ok(isBlankText(' \t\r\n\v\f\u00a0\u0085\u2028\u2029\u3000\uFEFF\u0000\u0007\u001B\u007F\u0090'));
  assert.not.ok(isBlankText('\u0007 a'));
  assert.not.ok(isBlankText('\u0301'), 'a lone combining accent is kept');
  // Every character of the Basic Multilingual Plane alone and between spaces, against normaliseText itself.
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    for (const text of [ch, ` ${ch}\n`]) {
      if (isBlankText(text) !== (normaliseText(text).trim().length === 0)) assert.unreachable(`U+${c.toString(16)} in ${JSON.stringify(text)}`);
    }
  }
});

normalising.run();
