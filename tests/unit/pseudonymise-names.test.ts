import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ValidationError } from '../../server/domain/errors.ts';
import { pseudonymise } from '../../server/domain/pseudonymise.ts';
import { findNames, nameFinder, nameRule, normaliseName, type NameRule } from '../../server/domain/pseudonymise-names.ts';

const today = new Date('2026-06-01T12:00:00Z');
const key = new Uint8Array(32).fill(1);
const otherKey = new Uint8Array(32).fill(2);

const family = (k: Uint8Array = key): NameRule[] => [
  nameRule(k, 'Elsa', 'Barn 1'),
  nameRule(k, 'Lars', 'Pappa'),
  nameRule(k, 'Anna-Karin', 'Mamma'),
  nameRule(k, 'Berg', 'Efternamn'),
  nameRule(k, "O'Brien", 'Morfar'),
];
const run = (text: string, names: NameRule[] = family(), k: Uint8Array = key) => pseudonymise(text, k, { today, names });

const rules = suite('nameRule keeps listed names as keyed hashes');

rules('never holding the name in clear', () => {
  const listed = family();
  const stored = JSON.stringify(listed);
  for (const name of ['Elsa', 'elsa', 'Lars', 'lars', 'Anna-Karin', 'anna-karin', 'Berg', 'berg', 'Brien']) {
    assert.not.ok(stored.includes(name), name);
  }
  assert.match(listed[0]!.hash, /^[0-9a-f]{64}$/);
  assert.is(listed[0]!.label, 'Barn 1');
});

rules('with the same hash for every spelling of the same name, and a different one under another key', () => {
  assert.is(nameRule(key, ' ELSA ', 'Barn 1').hash, nameRule(key, 'Elsa', 'Barn 1').hash);
  assert.is(nameRule(key, 'Anna‐Karin', 'Mamma').hash, nameRule(key, 'anna-karin', 'Mamma').hash);
  assert.is(nameRule(key, 'O’Brien', 'Morfar').hash, nameRule(key, "O'Brien", 'Morfar').hash);
  assert.is.not(nameRule(otherKey, 'Elsa', 'Barn 1').hash, nameRule(key, 'Elsa', 'Barn 1').hash);
  assert.is(normaliseName(' ÅSA-Öberg\u0301 '), 'åsa-öberǵ'.normalize('NFC'));
});

rules('refusing names of several words, names with digits and unusable labels', () => {
  const bad: [string, string][] = [['Ali Hassan', 'Pappa'], ['Elsa2', 'Barn'], ['', 'Barn'], ['Elsa', ''], ['Elsa', '[Barn]'], ['Elsa', 'x'.repeat(41)]];
  for (const [name, label] of bad) {
    assert.throws(() => nameRule(key, name, label), (e: unknown) => e instanceof ValidationError, `${name} / ${label}`);
  }
  try {
    nameRule(key, 'Ali Hassan', 'Pappa');
  } catch (e) {
    assert.not.match((e as Error).message, /Ali|Hassan/);
  }
});

rules.run();

const names = suite('pseudonymise replaces the names listed for the family');

names('with their labels, the genitive kept as an s after the bracket', () => {
  const text = "Elsa ringde. Elsas lärare, Elsa:s mentor och Elsa's och Elsa’s kompisar. Lars' bil och Lars bror.";
  const { text: out, replacements } = run(text);
  assert.is(out, '[Barn 1] ringde. [Barn 1]s lärare, [Barn 1]s mentor och [Barn 1]s och [Barn 1]s kompisar. [Pappa]s bil och [Pappa] bror.');
  assert.equal(replacements.map((r) => text.slice(r.start, r.end)), ['Elsa', 'Elsas', 'Elsa:s', "Elsa's", 'Elsa’s', "Lars'", 'Lars']);
  assert.ok(replacements.every((r) => r.kind === 'namn'));
});

names('in capitals and at the start of a sentence, but not in lower case', () => {
  const { text } = run('ELSA och ELSAS bror. Elsa är här; elsa skrev sitt namn med liten bokstav.');
  assert.is(text, '[Barn 1] och [Barn 1]s bror. [Barn 1] är här; elsa skrev sitt namn med liten bokstav.');
});

names('hyphenated and with apostrophes, and a listed part of a double name', () => {
  const { text } = run("Anna-Karin och Anna-Karins syster. O'Brien kom. Familjen Berg-Svensson, Lill-Elsa och Bergs granne.");
  assert.is(text, '[Mamma] och [Mamma]s syster. [Morfar] kom. Familjen [Efternamn]-Svensson, Lill-[Barn 1] och [Efternamn]s granne.');
});

names('only as whole words', () => {
  const text = 'Elsabet, Bergström, Larsson och Bergen nämns. Isberg och Ellsa också.';
  assert.equal(run(text).replacements, []);
});

names('a name of several words by listing each part', () => {
  const listed = [nameRule(key, 'Ali', 'Pappa'), nameRule(key, 'Hassan', 'Efternamn')];
  assert.is(run('Ali Hassan och Ali Hassans bror.', listed).text, '[Pappa] [Efternamn] och [Pappa] [Efternamn]s bror.');
});

names('a name that is also a common word only where it is capitalised (known limitation)', () => {
  // The family is called Hem. "hem" in prose survives; at the start of a sentence it is replaced too.
  const listed = [nameRule(key, 'Hem', 'Efternamn')];
  const { text } = run('Familjen Hem var inte hemma. Hon gick hem. Hem och skola samverkar.', listed);
  assert.is(text, 'Familjen [Efternamn] var inte hemma. Hon gick hem. [Efternamn] och skola samverkar.');
});

names('with the same label in every document, and not at all under another key', () => {
  const listed = family();
  const a = run('Elsa bor hos Lars.', listed).text;
  const b = run('Lars hämtade Elsa.', listed).text;
  assert.is(a, '[Barn 1] bor hos [Pappa].');
  assert.is(b, '[Pappa] hämtade [Barn 1].');
  assert.equal(run('Elsa bor hos Lars.', listed, otherKey).replacements, []);
  assert.is(run('Elsa bor hos Lars.', family(otherKey), otherKey).text, '[Barn 1] bor hos [Pappa].');
});

names('after numbers, phones, e-mail and addresses, which win where they overlap', () => {
  const listed = [...family(), nameRule(key, 'Johan', 'Bror')];
  const text = 'Elsa 000229-2399 mejlade Elsa.Berg@exempel.se från Karl Johans väg 5; Johan svarade.';
  const { text: out, replacements } = run(text, listed);
  assert.equal(replacements.map((r) => r.kind), ['namn', 'personnummer', 'epost', 'adress', 'namn']);
  assert.match(out, /^\[Barn 1\] \[PNR-[0-9a-f]{8}\] mejlade \[E-POST-[0-9a-f]{8}\] från \[ADRESS-[0-9a-f]{8}\]; \[Bror\] svarade\.$/);
});

names('with offsets that rebuild the output', () => {
  const text = 'Elsas mamma Anna-Karin, Berg-Svensson och Lars’ syster ringde 070-123 45 67 om ELSA:S skola.';
  const { text: out, replacements } = run(text);
  let rebuilt = '';
  let at = 0;
  for (const r of replacements) {
    rebuilt += text.slice(at, r.start) + r.pseudonym;
    at = r.end;
  }
  assert.is(rebuilt + text.slice(at), out);
  assert.is(out.includes('Elsa') || out.includes('ELSA') || out.includes('Lars') || out.includes('Berg'), false);
});

names('leaves the text alone when no names are listed', () => {
  const text = 'Elsa ringde.';
  assert.is(pseudonymise(text, key, { today, names: [] }).text, text);
  assert.is(pseudonymise(text, key, { today }).text, text);
});

names.run();

const work = suite('findNames does little work per word');

work('hashing each distinct capitalised word once, however long the text', () => {
  const paragraph = [
    'Anmälan inkom från skolan 2019-03-14 angående Elsa. Mentor uppger att Elsa har hög frånvaro.',
    'Socialsekreteraren träffade mamma Anna-Karin och Elsas lillebror i hemmet. Lars ringde senare.',
    'Beslut: Utredning inleds enligt 11 kap. 1 § SoL. Ansvarig handläggare Per Ström.',
  ].join('\n');
  const once = findNames(paragraph, key, family());
  const many = findNames(paragraph.repeat(2000), key, family());
  assert.is(once.detections.length, 5);
  assert.is(many.detections.length, 5 * 2000);
  assert.is(many.hashes, once.hashes);
  // Lower-case words are never hashed; a capitalised word at most twice (as written and without its s).
  const capitalised = new Set(paragraph.match(/\p{Lu}[\p{L}-]*/gu));
  assert.ok(once.hashes <= 2 * capitalised.size, `${once.hashes} hashes for ${capitalised.size} words`);
});

work('hashing each word once over the parts of one text (a case file prepared a window at a time)', () => {
  const find = nameFinder(key, family());
  const first = find('Elsa ringde. Mentor Per Ström.');
  const again = find('Per Ström ringde Elsa.');
  assert.ok(first.hashes > 0);
  assert.is(again.hashes, 0, 'every word was hashed in the first part');
  assert.equal(again.detections.map((d) => [d.start, d.end, d.pseudonym]), [[17, 21, '[Barn 1]']]);
});

work('hashing nothing when no rules are given', () => {
  assert.equal(findNames('Elsa ringde.', key, []), { detections: [], hashes: 0 });
});

work.run();
