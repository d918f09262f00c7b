import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pseudonymise } from '../../server/domain/pseudonymise.ts';
import { nameRule } from '../../server/domain/pseudonymise-names.ts';
import { previewReplacements } from '../../server/domain/pseudonymise-preview.ts';

const today = new Date('2026-06-01T12:00:00Z');
const key = new Uint8Array(32).fill(1);
const names = [nameRule(key, 'Elsa', 'Barn 1'), nameRule(key, 'Lars', 'Pappa')];

const preview = suite('previewReplacements shows the lead what an import will replace');

preview('counting every kind, zero where nothing was found', () => {
  const text = 'Elsa 000229-2399 ringde Lars på 070-123 45 67. Elsas adress: Storgatan 12, 123 45 Nacka.';
  const result = pseudonymise(text, key, { today, names });
  const { counts, truncated } = previewReplacements(text, result);
  assert.equal(counts, { personnummer: 1, samordningsnummer: 0, telefon: 1, epost: 0, adress: 1, namn: 3 });
  assert.is(truncated, false);
});

preview('with each replaced passage of the original in its context', () => {
  const text = 'Anmälan om Elsa. Hennes pappa Lars ringde från 070-123 45 67 i går kväll och var orolig.';
  const result = pseudonymise(text, key, { today, names });
  const { passages } = previewReplacements(text, result, 10);
  assert.equal(passages.map((p) => [p.kind, p.before, p.original, p.after, p.pseudonym]), [
    ['namn', 'nmälan om ', 'Elsa', '. Hennes p', '[Barn 1]'],
    ['namn', 'nes pappa ', 'Lars', ' ringde fr', '[Pappa]'],
    ['telefon', 'ngde från ', '070-123 45 67', ' i går kvä', result.replacements[2]!.pseudonym],
  ]);
  for (const p of passages) {
    assert.is(text.slice(p.start, p.end), p.original);
    assert.is(text.slice(p.start - p.before.length, p.end + p.after.length), p.before + p.original + p.after);
  }
});

preview('with short context at the edges of the text', () => {
  const text = 'Elsa';
  const { passages } = previewReplacements(text, pseudonymise(text, key, { today, names }));
  assert.equal(passages.map((p) => [p.before, p.original, p.after]), [['', 'Elsa', '']]);
});

preview('never splitting a character made of two code units', () => {
  const text = '😀 Elsa 😀';
  const { passages } = previewReplacements(text, pseudonymise(text, key, { today, names }), 2);
  assert.equal(passages.map((p) => [p.before, p.after]), [[' ', ' ']]);
});

preview('capping the passages and saying so, while counting them all', () => {
  const text = 'Elsa och Lars. '.repeat(300);
  const result = pseudonymise(text, key, { today, names });
  const shown = previewReplacements(text, result);
  assert.is(shown.passages.length, 500);
  assert.is(shown.truncated, true);
  assert.is(shown.counts.namn, 600);
  assert.is(previewReplacements(text, result, 40, 600).truncated, false);
});

preview.run();
