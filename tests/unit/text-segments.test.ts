// Sentence and word boundaries in Swedish case-file text (client/common/text-segments.ts): what
// Intl.Segmenter('sv') gets right on its own, and the abbreviation breaks the module joins again.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sentences, words } from '../../client/common/text-segments.ts';

const sentenceTexts = (text: string, from?: number, to?: number) => sentences(text, from, to).map((s) => text.slice(s.start, s.end));
const wordTexts = (text: string) => words(text).map((s) => text.slice(s.start, s.end));
const raw = (text: string) => [...new Intl.Segmenter('sv', { granularity: 'sentence' }).segment(text)].map((s) => s.segment.trim());

const s = suite('sentences');

s('Intl.Segmenter alone breaks after abbreviations before a capital or a digit (why the module joins)', () => {
  assert.equal(raw('Mötet hölls kl. 14.30 på kontoret.'), ['Mötet hölls kl.', '14.30 på kontoret.']);
  assert.equal(raw('Se t.ex. BVC:s anteckning.'), ['Se t.ex.', 'BVC:s anteckning.']);
  // …but not before a lower-case word.
  assert.equal(raw('Mamma ringer bl.a. om sömnen.'), ['Mamma ringer bl.a. om sömnen.']);
});

s('splits plain sentences and trims the whitespace between them', () => {
  assert.equal(sentenceTexts('Hon har en dotter, Elsa, som är fyra månader. Hon säger att Elsa skriker. Hon låter gråtfärdig.'),
    ['Hon har en dotter, Elsa, som är fyra månader.', 'Hon säger att Elsa skriker.', 'Hon låter gråtfärdig.']);
  assert.equal(sentenceTexts('Vad gör vi? Vi väntar! Ok.'), ['Vad gör vi?', 'Vi väntar!', 'Ok.']);
});

s('keeps "bl.a.", "t.ex.", "t.o.m.", "fr.o.m.", "enl." and "s.k." inside the sentence', () => {
  assert.equal(sentenceTexts('Mamma ringer bl.a. om sömnen. Hon låter trött.'), ['Mamma ringer bl.a. om sömnen.', 'Hon låter trött.']);
  assert.equal(sentenceTexts('Se t.ex. BVC:s anteckning. Nästa mening.'), ['Se t.ex. BVC:s anteckning.', 'Nästa mening.']);
  assert.equal(sentenceTexts('Insatsen gäller fr.o.m. 1 mars t.o.m. Påsk. Ok.'), ['Insatsen gäller fr.o.m. 1 mars t.o.m. Påsk.', 'Ok.']);
  assert.equal(sentenceTexts('Stöd enl. SoL ges. En s.k. Kontaktperson utses.'), ['Stöd enl. SoL ges.', 'En s.k. Kontaktperson utses.']);
});

s('keeps a time after "kl." and a date in the sentence', () => {
  assert.equal(sentenceTexts('Kallad till möte den 3 mars kl. 14.30. Mamma kom inte.'), ['Kallad till möte den 3 mars kl. 14.30.', 'Mamma kom inte.']);
  assert.equal(sentenceTexts('Hon kom kl. 9. Sedan gick hon.'), ['Hon kom kl. 9.', 'Sedan gick hon.']);
  assert.equal(sentenceTexts('Beslut 2014-03-02 om insats. Mamma informeras.'), ['Beslut 2014-03-02 om insats.', 'Mamma informeras.']);
});

s('joins initials and "4 kap. 1 §", but not a sentence ending in "st." or "m.m."', () => {
  assert.equal(sentenceTexts('Handläggare K. Larsson ringde. Ok.'), ['Handläggare K. Larsson ringde.', 'Ok.']);
  assert.equal(sentenceTexts('Insatser enl. 4 kap. 1 § SoL beviljas. Ok.'), ['Insatser enl. 4 kap. 1 § SoL beviljas.', 'Ok.']);
  assert.equal(sentenceTexts('Det är 15 st. Barnen är tre.'), ['Det är 15 st.', 'Barnen är tre.']);
  assert.equal(sentenceTexts('Kläder, mat m.m. Hon ska ringa.'), ['Kläder, mat m.m.', 'Hon ska ringa.']);
});

s('a line break ends a sentence (headings, lists, signatures); blank lines are skipped', () => {
  assert.equal(sentenceTexts('090302 Journalanteckning: mamma ringer\nSara ringer. Hon låter trött.\n\nRådgivning lämnas.\nSign. KL\n'),
    ['090302 Journalanteckning: mamma ringer', 'Sara ringer.', 'Hon låter trött.', 'Rådgivning lämnas.', 'Sign. KL']);
  assert.equal(sentenceTexts('Sign.\nKL'), ['Sign.', 'KL'], 'a line break wins over the abbreviation');
});

s('quotes stay with their sentence', () => {
  assert.equal(sentenceTexts('Hon säger: ”Jag orkar inte riktigt längre.” Sedan går hon.'),
    ['Hon säger: ”Jag orkar inte riktigt längre.”', 'Sedan går hon.']);
});

s('gives offsets in the whole text for a part of it', () => {
  const text = 'Förra. Hon ringer. Hon låter trött. Nästa.';
  const from = text.indexOf('Hon');
  const to = text.indexOf('Nästa');
  const got = sentences(text, from, to);
  assert.equal(got.map((x) => text.slice(x.start, x.end)), ['Hon ringer.', 'Hon låter trött.']);
  assert.is(got[0]!.start, from);
  assert.equal(sentences('   \n\n  '), []);
});

s.run();

const w = suite('words');

w('drops outer punctuation, keeps inner punctuation and the dot of an abbreviation', () => {
  assert.equal(wordTexts('Mötet kl. 14.30, den 2014-03-02: BVC:s t.ex. ”Jag” – Elsa, bl.a. här.'),
    ['Mötet', 'kl.', '14.30', 'den', '2014-03-02', 'BVC:s', 't.ex.', 'Jag', 'Elsa', 'bl.a.', 'här']);
});

w('gives offsets in the whole text', () => {
  const text = 'Hon säger att Elsa skriker.';
  const got = words(text, 4, text.length);
  assert.equal(got.map((x) => text.slice(x.start, x.end)), ['säger', 'att', 'Elsa', 'skriker']);
  assert.is(got[0]!.start, 4);
});

w.run();
