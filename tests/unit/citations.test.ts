// Citations in Markdown and their rendering in APA 7 with Swedish terms. The expected strings are
// written by hand from the APA rules as the bundled APA CSL style implements them and Swedish APA
// guides write them: "&" between two authors inside the parentheses and in the reference list (the
// style sets and="symbol"), "och" when the authors are part of the sentence (`@key`, a narrative
// citation), "m.fl." for three or more authors, "u.å." without a year, "s." before a page.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ValidationError } from '../../server/domain/errors.ts';
import { formatBibliography, formatCitation, formatCitations, unknownKeys, warmUpCitations } from '../../server/literature/cite.ts';
import type { CslItem } from '../../server/literature/csl-item.ts';
import { localeTerm } from '../../server/literature/csl-locale.ts';
import { findCitations } from '../../server/literature/find-citations.ts';
import { parseReferences } from '../../server/literature/parse-references.ts';

const SV = { style: 'apa', lang: 'sv-SE' } as const;
const EN = { style: 'apa', lang: 'en-US' } as const;

const { items: library } = parseReferences(String.raw`
@article{sundell2007, author = {Sundell, Knut and {\"O}stberg, Fredrik}, title = {Familjer i socialtj{\"a}nsten},
  journal = {Socialvetenskaplig tidskrift}, year = {2007}, volume = 14, number = 2, pages = {101--120}}
@book{sundell2012, author = {Sundell, Knut}, title = {Att g{\"o}ra effektutv{\"a}rderingar}, publisher = {Gothia}, year = 2012}
@article{lindqvist2019, author = {Lindqvist, Anna and Berg, Eva and Holm, Per}, title = {Barn i familjehem},
  journal = {Nordisk sosialt arbeid}, year = 2019}
@report{socialstyrelsen, author = {{Socialstyrelsen}}, title = {Barns behov i centrum: Grundbok BBIC}, publisher = {Socialstyrelsen}}
`, 'biblatex');

/** The text of the one cluster in `markdown`, formatted with `items`. */
const cite = (markdown: string, items: CslItem[] = library, options: typeof SV | typeof EN = SV) => {
  const clusters = findCitations(markdown);
  assert.is(clusters.length, 1, markdown);
  return formatCitation(clusters[0]!, items, options);
};

// ---------------------------------------------------------------------------------------------
const startUp = suite('citeproc start-up');

startUp('an engine warmed up ahead of need formats as one built on first use', () => {
  assert.is(cite('[@sundell2012]').text, '(Sundell, 2012)');
  assert.is(cite('[@sundell2007]').text, '(Sundell & Östberg, 2007)', 'the same engine, used again');
  warmUpCitations(EN);
  assert.is(cite('[@sundell2007]', library, EN).text, '(Sundell & Östberg, 2007)');
});

startUp.run();

// ---------------------------------------------------------------------------------------------
const apa = suite('APA 7 in Swedish');

apa('one, two and three authors; no date; a page; two works in one cluster', () => {
  assert.is(cite('[@sundell2012]').text, '(Sundell, 2012)');
  assert.is(cite('[@sundell2007]').text, '(Sundell & Östberg, 2007)');
  assert.is(cite('[@lindqvist2019]').text, '(Lindqvist m.fl., 2019)');
  assert.is(cite('[@socialstyrelsen]').text, '(Socialstyrelsen, u.å.)');
  assert.is(cite('[@sundell2007, s. 12]').text, '(Sundell & Östberg, 2007, s. 12)');
  assert.is(cite('[@sundell2007, s. 12-14]').text, '(Sundell & Östberg, 2007, s. 12–14)');
  // APA orders the works of a cluster alphabetically, whatever order they were written in.
  assert.is(cite('[@sundell2007; @lindqvist2019]').text, '(Lindqvist m.fl., 2019; Sundell & Östberg, 2007)');
  // As in the reference list, a one-author work comes before the multi-author works that start
  // with the same name.
  assert.is(cite('[@sundell2007; @sundell2012]').text, '(Sundell, 2012; Sundell & Östberg, 2007)');
});

apa('the Swedish locale is really in use: its terms, and English ones for en-US', () => {
  assert.is(localeTerm('sv-SE', 'and'), 'och');
  assert.is(localeTerm('sv-SE', 'et-al'), 'm.fl.');
  assert.is(cite('[@lindqvist2019, s. 3]', library, EN).text, '(Lindqvist et al., 2019, p. 3)');
  assert.is(cite('[@socialstyrelsen]', library, EN).text, '(Socialstyrelsen, n.d.)');
  assert.is(cite('[@sundell2007]', library, EN).text, '(Sundell & Östberg, 2007)');
});

apa('prefix, suffix, other locators and the year alone', () => {
  assert.is(cite('[se @sundell2007, s. 12 och framåt]').text, '(se Sundell & Östberg, 2007, s. 12 och framåt)');
  assert.is(cite('[@sundell2012, kap. 3]').text, '(Sundell, 2012, Kapitel 3)');
  assert.is(cite('Sundell och Östberg [-@sundell2007] visar').text, '(2007)');
});

apa('narrative citations: "och" between the authors in running text, the year in parentheses', () => {
  const keys = new Set(library.map((item) => String(item.id)));
  const markdown = 'Som @sundell2007 [s. 12] visar, och @lindqvist2019; @socialstyrelsen. Se [@sundell2007] och @sundell2012.';
  const clusters = findCitations(markdown, keys);
  assert.equal(clusters.map((c) => markdown.slice(c.start, c.end)), ['@sundell2007 [s. 12]', '@lindqvist2019', '@socialstyrelsen', '[@sundell2007]', '@sundell2012']);
  assert.equal(clusters.map((c) => c.narrative ?? false), [true, true, true, false, true]);
  assert.equal(formatCitations(clusters, library, SV).map((c) => c.text), [
    'Sundell och Östberg (2007, s. 12)',
    'Lindqvist m.fl. (2019)',
    'Socialstyrelsen (u.å.)',
    '(Sundell & Östberg, 2007)',
    'Sundell (2012)',
  ]);
  assert.is(formatCitations(findCitations('@sundell2007', keys), library, EN)[0]!.text, 'Sundell and Östberg (2007)');
});

apa('a bare @name is a citation only when its key is in the library: mentions and e-mail stay text', () => {
  const keys = new Set(library.map((item) => String(item.id)));
  assert.equal(findCitations('Fråga @forskare1 eller skriv till kontakt@sundell2007.se, inte `@sundell2007`.', keys), []);
  assert.equal(findCitations('Som @sundell2007 visar.'), [], 'without a library no bare @key is read');
});

apa('HTML output: escaped, with italics where APA has them', () => {
  assert.is(cite('[@sundell2007]').html, '(Sundell &#38; Östberg, 2007)');
  const { items } = parseReferences('@book{x, title = {Utan f{\\"o}rfattare <script>}, year = 2020}', 'bibtex');
  const result = cite('[@x]', items);
  assert.is(result.text, '(Utan författare <script>, 2020)');
  assert.is(result.html, '(<i>Utan författare &#60;script&#62;</i>, 2020)');
});

apa('a key not in the library is shown and reported, never dropped', () => {
  const one = cite('[@sundell2007; @saknas2020, s. 4]');
  assert.is(one.text, '(Sundell & Östberg, 2007; saknas2020?)');
  assert.is(one.html, '(Sundell &#38; Östberg, 2007; <span class="csl-unknown-key">saknas2020?</span>)');
  assert.equal(one.unknownKeys, ['saknas2020']);
  const only = cite('[@a<b]');
  assert.equal([only.text, only.html, only.unknownKeys], ['(a<b?)', '(<span class="csl-unknown-key">a&lt;b?</span>)', ['a<b']]);
  const markdown = 'Enligt [@sundell2007; @okänd] och [@okänd, s. 3; @annan] samt [@lindqvist2019].';
  assert.equal(unknownKeys(findCitations(markdown), library), ['okänd', 'annan']);
});

apa('"and others" from BibTeX is the et-al term, in the citation and in the reference list', () => {
  const { items } = parseReferences(readFileSync(new URL('../fixtures/biblio/bbt-92-and-others.bib', import.meta.url), 'utf8'), 'bibtex');
  assert.is(cite('[@Madelung_1998_LB_10681727_56]', items).text, '(Madelung m.fl., 1998)');
  assert.is(cite('[@Madelung_1998_LB_10681727_56]', items, EN).text, '(Madelung et al., 1998)');
  const [entry] = formatBibliography(items, SV);
  assert.ok(entry!.text.startsWith('Madelung, O. m.fl. (1998). Cuprous oxide (Cu₂O) crystal structure, lattice parameters.'), entry!.text);
});

apa('numbers where CSL wants strings (items stored by an older version) do not crash citeproc', () => {
  const stored = { ...library[0]!, volume: 14, issue: 2 } as unknown as CslItem;
  assert.is(cite('[@sundell2007]', [stored]).text, '(Sundell & Östberg, 2007)');
  assert.ok(formatBibliography([stored], SV)[0]!.text.includes('Socialvetenskaplig tidskrift, 14(2), 101–120.'));
});

apa('unsupported languages and styles are refused instead of quietly turning English', () => {
  const clusters = findCitations('[@sundell2007]');
  assert.throws(() => formatCitations(clusters, library, { style: 'apa', lang: 'fi-FI' as 'sv-SE' }), (e: unknown) => e instanceof ValidationError && e.code === 'invalid_citation_style' && /fi-FI/.test(e.message));
  assert.throws(() => formatBibliography(library, { style: 'mla' as 'apa', lang: 'sv-SE' }), (e: unknown) => e instanceof ValidationError && /mla/.test(e.message));
});

apa.run();

// ---------------------------------------------------------------------------------------------
const bibliography = suite('Reference list');

bibliography('APA order and entries, as text and HTML', () => {
  const entries = formatBibliography(library, SV);
  assert.equal(entries.map((e) => e.id), ['lindqvist2019', 'socialstyrelsen', 'sundell2012', 'sundell2007']);
  assert.equal(entries.map((e) => e.text), [
    'Lindqvist, A., Berg, E., & Holm, P. (2019). Barn i familjehem. Nordisk sosialt arbeid.',
    'Socialstyrelsen. (u.å.). Barns behov i centrum: Grundbok BBIC. Socialstyrelsen.',
    'Sundell, K. (2012). Att göra effektutvärderingar. Gothia.',
    'Sundell, K., & Östberg, F. (2007). Familjer i socialtjänsten. Socialvetenskaplig tidskrift, 14(2), 101–120.',
  ]);
  assert.is(entries[3]!.html, 'Sundell, K., &#38; Östberg, F. (2007). Familjer i socialtjänsten. <i>Socialvetenskaplig tidskrift</i>, <i>14</i>(2), 101–120.');
  assert.equal(formatBibliography([], SV), []);
});

bibliography('same author and year: citations and the list agree on a and b, cited or not', () => {
  const { items } = parseReferences(String.raw`
@article{lindqvist2019, author = {Lindqvist, Anna and Berg, Eva and Holm, Per}, title = {Barn i familjehem}, journal = {J}, year = 2019}
@article{lindqvist2019a, author = {Lindqvist, Anna and Berg, Eva and Holm, Per}, title = {Att flytta hemifrån}, journal = {J}, year = 2019}`, 'bibtex');
  const entries = formatBibliography(items, SV);
  assert.equal(entries.map((e) => e.text.slice(0, 48)), [
    'Lindqvist, A., Berg, E., & Holm, P. (2019a). Att',
    'Lindqvist, A., Berg, E., & Holm, P. (2019b). Bar',
  ]);
  // Only one of them cited in the text: it still carries the letter it has in the list.
  assert.equal(formatCitations(findCitations('[@lindqvist2019]'), items, SV).map((c) => c.text), ['(Lindqvist m.fl., 2019b)']);
  assert.equal(formatCitations(findCitations('[@lindqvist2019a] och [@lindqvist2019, s. 2]'), items, SV).map((c) => c.text), ['(Lindqvist m.fl., 2019a)', '(Lindqvist m.fl., 2019b, s. 2)']);
});

bibliography('the Better BibTeX library (26 items, organisations as authors) renders whole', () => {
  const { items } = parseReferences(readFileSync(new URL('../fixtures/biblio/bbt-1178-multi-type-corporate.csl.json', import.meta.url), 'utf8'), 'auto');
  const entries = formatBibliography(items, SV);
  assert.is(entries.length, 26);
  assert.equal(formatCitations(findCitations('[@timeusa2019] [@timeusa2019a] [@iaaf2019]'), items, SV).map((c) => c.text), [
    '(TIME USA, 2019b)', '(TIME USA, 2019a)', '(IAAF, 2019)',
  ]);
  const time = entries.filter((e) => e.id.startsWith('timeusa'));
  assert.ok(time.every((e) => /^TIME USA\. \(2019[ab]\)/.test(e.text)), time.map((e) => e.text).join('\n'));
  assert.ok(entries.find((e) => e.id === 'duncan2002')!.text.includes('I L. Wenner (Red.), MediaSport (s. 170–185). Routledge.'));
});

bibliography.run();

// ---------------------------------------------------------------------------------------------
const find = suite('Finding [@key] citations in Markdown');

find('clusters with offsets, keys, locators and labels', () => {
  const markdown = 'Som [@sundell2007] visar, och [@sundell2007, s. 12; @lindqvist2019, kap. 3].';
  const clusters = findCitations(markdown);
  assert.equal(clusters.map((c) => markdown.slice(c.start, c.end)), ['[@sundell2007]', '[@sundell2007, s. 12; @lindqvist2019, kap. 3]']);
  assert.equal(clusters.map((c) => c.keys), [
    [{ key: 'sundell2007' }],
    [{ key: 'sundell2007', locator: '12', label: 'page' }, { key: 'lindqvist2019', locator: '3', label: 'chapter' }],
  ]);
});

find('locator forms: Swedish and English labels, bare numbers, ranges, lists, braces, roman numerals', () => {
  const refs = (s: string) => findCitations(s)[0]?.keys[0];
  assert.equal(refs('[@a, s. 12]'), { key: 'a', locator: '12', label: 'page' });
  assert.equal(refs('[@a, S. 12–14]'), { key: 'a', locator: '12–14', label: 'page' });
  assert.equal(refs('[@a, sidan 7]'), { key: 'a', locator: '7', label: 'page' });
  assert.equal(refs('[@a, pp. 33-35, 38]'), { key: 'a', locator: '33-35, 38', label: 'page' });
  assert.equal(refs('[@a, 12]'), { key: 'a', locator: '12', label: 'page' });
  assert.equal(refs('[@a s. 5]'), { key: 'a', locator: '5', label: 'page' });
  assert.equal(refs('[@a, s. iv]'), { key: 'a', locator: 'iv', label: 'page' });
  assert.equal(refs('[@a, kapitel 2]'), { key: 'a', locator: '2', label: 'chapter' });
  assert.equal(refs('[@a, § 4]'), { key: 'a', locator: '4', label: 'section' });
  assert.equal(refs('[@a, {s. iv, vi–xi}]'), { key: 'a', locator: 'iv, vi–xi', label: 'page' });
  // Words are a suffix, not a locator, even when they are made of roman-numeral letters.
  assert.equal(refs('[@a, mild kritik]'), { key: 'a', suffix: 'mild kritik' });
  assert.equal(refs('[@a, s. 3 och framåt]'), { key: 'a', locator: '3', label: 'page', suffix: 'och framåt' });
});

find('keys: internal punctuation, no trailing punctuation, braces; prefix and year-only', () => {
  assert.equal(findCitations('[@loir:B6]')[0]!.keys, [{ key: 'loir:B6' }]);
  assert.equal(findCitations('[@Madelung_1998_LB_10681727_56]')[0]!.keys, [{ key: 'Madelung_1998_LB_10681727_56' }]);
  assert.equal(findCitations('[@sundell2007.]')[0]!.keys, [{ key: 'sundell2007', suffix: '.' }]);
  assert.equal(findCitations('[@{Sundell & Östberg 2007}]')[0]!.keys, [{ key: 'Sundell & Östberg 2007' }]);
  assert.equal(findCitations('[@östberg2010]')[0]!.keys, [{ key: 'östberg2010' }]);
  assert.equal(findCitations('[jfr @a; även @b, s. 2]')[0]!.keys, [{ key: 'a', prefix: 'jfr' }, { key: 'b', prefix: 'även', locator: '2', label: 'page' }]);
  assert.equal(findCitations('[-@a]')[0]!.keys, [{ key: 'a', suppressAuthor: true }]);
});

find('not citations: e-mail addresses, escaped brackets, code, links, brackets with a keyless part', () => {
  const none = [
    'Skriv till a@b.se eller [kontakt: fou@kommun.se].',
    'Skriv \\[@sundell2007] för att citera.',
    'Syntaxen är `[@sundell2007]` eller ``[@a] och `[@b]` ``.',
    '```\n[@sundell2007]\n```',
    '~~~~markdown\n[@sundell2007]\n~~~~',
    '[@sundell2007](https://example.org) och [@a][ref] och\n[@b]: https://example.org',
    '[@sundell2007; se även akten]',
    '[ @ ]',
    '[@sundell2007\n\nny paragraf]',
  ];
  for (const markdown of none) assert.equal(findCitations(markdown), [], markdown);
  // A double backslash is an escaped backslash, so the bracket after it is a citation again.
  assert.is(findCitations('\\\\[@a]').length, 1);
  // Text after an unclosed fence is code to the end; before it, citations count.
  assert.is(findCitations('[@a]\n```\n[@b]').length, 1);
});

find('brackets inside a cluster, and a long unclosed bracket, are handled', () => {
  const markdown = '[se @a, s. 3 [min kursivering]] och [@b]';
  const clusters = findCitations(markdown);
  assert.equal(clusters.map((c) => markdown.slice(c.start, c.end)), ['[se @a, s. 3 [min kursivering]]', '[@b]']);
  const long = '[' + 'x '.repeat(50_000) + '[@a]';
  assert.equal(findCitations(long).map((c) => c.keys), [[{ key: 'a' }]]);
});

find.run();
