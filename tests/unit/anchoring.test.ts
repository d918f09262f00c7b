import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findQuote, isAnchored, makeTarget, reanchor } from '../../server/domain/anchoring.ts';

const caseFile = [
  '2009-03-14 – Orosanmälan från skolan',
  'Skolan är orolig för Elsa som ofta kommer hungrig och trött. Hon har varit frånvarande i tre veckor.',
  '2009-04-02 – Hembesök',
  'Mamma berättar att hon inte orkar längre och att pappa har flyttat. Lägenheten är stökig.',
  '2009-05-20 – Uppföljning',
  'Mamma berättar att hon inte orkar längre, men att mormor hjälper till på helgerna.',
].join('\n');

const targetOf = (text: string, quote: string, from = 0): ReturnType<typeof makeTarget> => {
  const start = text.indexOf(quote, from);
  return makeTarget(text, start, start + quote.length);
};

const targets = suite('makeTarget and isAnchored');

targets('quotes the selection with up to 32 characters of context either side', () => {
  const t = targetOf(caseFile, 'kommer hungrig och trött');
  assert.is(t.exact, 'kommer hungrig och trött');
  assert.is(caseFile.slice(t.start, t.end), t.exact);
  assert.is(t.prefix.length, 32);
  assert.ok(caseFile.slice(0, t.start).endsWith(t.prefix));
  assert.is(t.suffix, caseFile.slice(t.end, t.end + 32));
});

targets('uses shorter context at the edges of the text', () => {
  const t = makeTarget('Hej hopp', 0, 3);
  assert.equal(t, { start: 0, end: 3, exact: 'Hej', prefix: '', suffix: ' hopp' });
});

targets('throws a RangeError for an empty, reversed or out-of-range selection', () => {
  assert.throws(() => makeTarget('abc', 1, 1), RangeError);
  assert.throws(() => makeTarget('abc', 2, 1), RangeError);
  assert.throws(() => makeTarget('abc', -1, 2), RangeError);
  assert.throws(() => makeTarget('abc', 0, 4), RangeError);
  assert.throws(() => makeTarget('abc', 0.5, 2), RangeError);
});

targets('isAnchored checks that the offsets still select the quote', () => {
  const t = targetOf(caseFile, 'Lägenheten är stökig');
  assert.ok(isAnchored(caseFile, t));
  assert.not.ok(isAnchored('X' + caseFile, t));
});

targets.run();

const reanchoring = suite('reanchor');

reanchoring('keeps a target whose offsets still match, as the same object', () => {
  const t = targetOf(caseFile, 'Lägenheten är stökig');
  const result = reanchor(caseFile, t);
  assert.is(result.status, 'anchored');
  assert.is(result.target, t);
});

reanchoring('follows the quote when text is inserted before it', () => {
  const t = targetOf(caseFile, 'Lägenheten är stökig');
  const edited = 'Tillägg från arkivet.\n' + caseFile;
  const result = reanchor(edited, t);
  assert.is(result.status, 'reanchored');
  assert.is(result.target.start, t.start + 22);
  assert.is(edited.slice(result.target.start, result.target.end), 'Lägenheten är stökig');
  assert.is(result.target.prefix, t.prefix);
});

reanchoring('tells duplicate quotes apart by their prefix and suffix', () => {
  const quote = 'Mamma berättar att hon inte orkar längre';
  const second = targetOf(caseFile, quote, caseFile.indexOf('Uppföljning'));
  const edited = caseFile.replace('Hembesök', 'Hembesök hos familjen i lägenheten');
  const result = reanchor(edited, second);
  assert.is(result.status, 'reanchored');
  assert.is(result.target.start, edited.indexOf(quote, edited.indexOf('Uppföljning')));
  assert.is(result.target.suffix.slice(0, 10), ', men att ');
});

reanchoring('prefers the occurrence nearest the old position when contexts are equal', () => {
  const text = 'x och y\n'.repeat(50);
  const t = makeTarget(text, 8 * 30 + 2, 8 * 30 + 5);
  const shifted = 'ab' + text;
  const result = reanchor(shifted, { ...t, prefix: '', suffix: '' });
  assert.is(result.status, 'reanchored');
  assert.is(result.target.start, 8 * 30 + 4);
});

reanchoring('finds a quote again when a word inside it has changed', () => {
  const quote = 'Skolan är orolig för Elsa som ofta kommer hungrig och trött';
  const t = targetOf(caseFile, quote);
  const edited = caseFile.replace('ofta kommer', 'ibland kommer');
  const result = reanchor(edited, t);
  assert.is(result.status, 'reanchored');
  assert.is(result.target.exact, 'Skolan är orolig för Elsa som ibland kommer hungrig och trött');
  assert.is(result.target.start, edited.indexOf('Skolan'));
});

reanchoring('finds a short changed quote far from its old place', () => {
  const filler = 'Ingenting särskilt att rapportera denna vecka.\n'.repeat(1000);
  const text = filler + 'Pappa har flyttat till Malmö.\n';
  const t = targetOf(text, 'Pappa har flyttat till Malmö');
  const edited = 'Ny text. '.repeat(3000) + text.replace('Malmö', 'Malmo');
  const result = reanchor(edited, t);
  assert.is(result.status, 'reanchored');
  assert.is(result.target.exact, 'Pappa har flyttat till Malmo');
});

reanchoring('finds a long quote with a change by its beginning and end', () => {
  const long = 'Utredningen visar att barnen under lång tid har levt med en förälder som inte orkar. '.repeat(40);
  const text = 'Inledning.\n' + long + '\nSlut.';
  const t = targetOf(text, long);
  const edited = 'Ny rad.\n' + text.replace('lång tid', 'mycket lång tid');
  const result = reanchor(edited, t);
  assert.is(result.status, 'reanchored');
  assert.is(result.target.start, edited.indexOf('Utredningen'));
  assert.is(result.target.end, edited.indexOf('\nSlut.'));
});

reanchoring('reports an orphan, with the original target unchanged, when the quote is gone', () => {
  const t = targetOf(caseFile, 'Lägenheten är stökig');
  const edited = caseFile.replace('Lägenheten är stökig.', 'Barnen sover hos grannen.');
  const result = reanchor(edited, t);
  assert.is(result.status, 'orphan');
  assert.is(result.target, t);
});

reanchoring('reports an orphan for an empty quote', () => {
  const t = { start: 0, end: 0, exact: '', prefix: '', suffix: '' };
  assert.is(reanchor(caseFile, t).status, 'orphan');
});

reanchoring.run();

const quotes = suite('findQuote');

quotes('finds the first exact occurrence of a quote', () => {
  const start = caseFile.indexOf('Mamma berättar');
  assert.equal(findQuote(caseFile, 'Mamma berättar'), { start, end: start + 14 });
});

quotes('uses the prefix, then the hint, to choose among duplicates', () => {
  const second = caseFile.indexOf('Mamma berättar', caseFile.indexOf('Uppföljning'));
  assert.is(findQuote(caseFile, 'Mamma berättar', 'Uppföljning\n')?.start, second);
  assert.is(findQuote(caseFile, 'Mamma berättar', '', caseFile.length)?.start, second);
});

quotes('falls back to an approximate match', () => {
  const found = findQuote(caseFile, 'Hon har varit franvarande i tre veckor');
  assert.ok(found);
  assert.is(caseFile.slice(found.start, found.end), 'Hon har varit frånvarande i tre veckor');
});

quotes('returns null for a quote that is not there, or an empty one', () => {
  assert.is(findQuote(caseFile, 'Familjen har flyttat utomlands'), null);
  assert.is(findQuote(caseFile, ''), null);
});

quotes.run();
