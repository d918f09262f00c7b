import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { normaliseText } from '../../server/domain/normalise.ts';

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

normalising.run();
