// Name suggestions on a fictitious Swedish case file: names in running text are found, with their
// genitives; sentence-initial words, headings after dates, compound nouns, agencies, months,
// weekdays, place names and the study's question labels are not.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mergeSuggestions, suggestNames, withCompounds, type Lexicon } from '../../server/domain/name-suggestions.ts';
import { loadSwedishLexicon } from '../../server/import/swedish-lexicon.ts';

const CASE_FILE = `AKT – påhittad testfamilj

2019-03-14 Orosanmälan från skolan
Mentor ringde och berättade att Elsa har kommit till skolan utan lunch flera dagar i rad. Elsas bror Noah har
inte varit i skolan sedan februari. Mamma Karin uppger att pappa Hassan Yilmaz har flyttat till Göteborg.
Familjehemsplaceringen diskuterades med Socialtjänsten och BBIC-handläggaren i mars.

2019-04-02 Journalanteckning
Hembesök. Elsa och Noah var hemma. Mormor Birgitta Berg var där och sa att Försäkringskassan och BUP borde hjälpa
till. Enligt bl.a. Karin mår Elsa bättre på Måndagar. Skolsköterskan Zaid ringde i Oktober om Tidiga tecken.
Barnavårdscentralen och Öppenvården i Umeå har kontakt med Elsa:s mamma.
Beslut: Utredning inleds enligt 11 kap. 1 § SoL.`;

let swedish: Lexicon;
const names = (text: string, exclude: string[] = ['Tidiga tecken']) => suggestNames(text, swedish, { exclude }).map((s) => s.name);

const suggestions = suite('Name suggestions');

suggestions.before(async () => {
  swedish = await loadSwedishLexicon();
});

suggestions('the Swedish lexicon knows words, not names, in lower case', () => {
  assert.ok(swedish.isWord('mamma'));
  assert.ok(swedish.isWord('socialtjänsten'));
  assert.not.ok(swedish.isWord('elsa'));
  assert.ok(swedish.isWord('familjehemsplaceringen'), 'a compound of dictionary words');
  assert.ok(swedish.isKnownName('Elsa'));
  assert.ok(swedish.isKnownName('Berg'));
});

suggestions('common given names that are also ordinary words are still suggested', () => {
  assert.ok(swedish.isWord('tindra'), '"tindra" is a verb');
  assert.equal(names('Skolan ringde om Tindra som inte kommit. Mamma hämtade Saga och Hugo vid tre.'), ['Hugo', 'Saga', 'Tindra']);
});

suggestions('finds the names in running text, with counts, genitives and short contexts', () => {
  const found = suggestNames(CASE_FILE, swedish, { exclude: ['Tidiga tecken'] });
  const byName = new Map(found.map((s) => [s.name, s]));
  for (const name of ['Elsa', 'Noah', 'Karin', 'Hassan', 'Yilmaz', 'Birgitta', 'Berg', 'Zaid']) assert.ok(byName.has(name), name);
  const elsa = byName.get('Elsa')!;
  assert.is(elsa.count, 5, 'Elsa, Elsas, Elsa and Elsa:s, plus Elsa at a line start');
  assert.is(found[0]!.name, 'Elsa', 'most frequent first');
  assert.is(elsa.contexts.length, 3);
  assert.ok(elsa.contexts.every((c) => c.includes('Elsa') && c.length <= 70 && !c.includes('\n')));
  assert.not.ok(byName.has('Elsas'), 'the genitive joins its base form');
});

suggestions('leaves out sentence-initial words, headings, compounds, agencies, months, weekdays, places and question labels', () => {
  const found = names(CASE_FILE);
  for (const word of [
    'Mentor', 'Hembesök', 'Mamma', 'Mormor', 'Enligt', 'Beslut', 'Utredning', 'Orosanmälan', 'Journalanteckning',
    'Familjehemsplaceringen', 'Socialtjänsten', 'BBIC', 'Försäkringskassan', 'BUP', 'SoL', 'Barnavårdscentralen',
    'Öppenvården', 'Skolsköterskan', 'Måndagar', 'Oktober', 'Göteborg', 'Umeå', 'Tidiga', 'AKT',
  ]) {
    assert.not.ok(found.includes(word), word);
  }
  assert.ok(names('Vi använde Signs of Safety med Elsa.', []).includes('Signs'), 'a word no dictionary knows …');
  assert.not.ok(names('Vi använde Signs of Safety med Elsa.', ['Signs of Safety']).includes('Signs'), '… unless a question label has it');
});

suggestions('needs a name to appear inside a sentence at least once', () => {
  assert.equal(names('Elsa kom inte.\nElsa ringde.'), []);
  assert.equal(names('Elsa kom inte. Sedan ringde Elsa.'), ['Elsa']);
  assert.equal(suggestNames('Elsa kom inte. Sedan ringde Elsa.', swedish)[0]!.count, 2);
  assert.equal(names('t.ex. Elsa och Noah'), ['Elsa', 'Noah'].sort());
});

suggestions('works with any lexicon, and compounds are built from its words', () => {
  const words = new Set(['hem', 'besök', 'familj', 'placering']);
  const isWord = withCompounds((w) => words.has(w));
  assert.ok(isWord('hembesök'));
  assert.ok(isWord('familjsplacering'));
  assert.not.ok(isWord('hemelsa'));
  const lexicon: Lexicon = { isWord, isKnownName: (w) => w === 'Hem' };
  assert.equal(suggestNames('Vi gjorde Hembesök hos Hem och Qwerty.', lexicon).map((s) => s.name), ['Hem', 'Qwerty']);
});

suggestions('merges the suggestions of several files', () => {
  const merged = mergeSuggestions([
    [{ name: 'Elsa', count: 2, contexts: ['a', 'b'] }],
    [{ name: 'Elsa', count: 3, contexts: ['c', 'd'] }, { name: 'Noah', count: 9, contexts: ['e'] }],
  ]);
  assert.equal(merged, [
    { name: 'Noah', count: 9, contexts: ['e'] },
    { name: 'Elsa', count: 5, contexts: ['a', 'b', 'c'] },
  ]);
});

suggestions.run();
