// The search's Swedish terms: words as the tokeniser splits them, and their stems. Every expected
// value here is written out by hand from how Swedish inflects, not taken from the code's output.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { collapseSpaces, HEAD_BYTES, isSpace, snippet, snippetOfEntry } from '../../server/search/search-snippet.ts';
import { ningRoot, stemTerm, TermMatcher, tokenise } from '../../server/search/swedish-terms.ts';

const terms = suite('Search terms in Swedish');

terms('words are letters and digits in lower case, split at everything else', () => {
  assert.equal(tokenise('Anmälningen kom från skolan.'), ['anmälningen', 'kom', 'från', 'skolan']);
  assert.equal(tokenise('En 12-åring, tel 070-123 45 67!'), ['en', '12', 'åring', 'tel', '070', '123', '45', '67']);
  assert.equal(tokenise('ÅSA Öberg ÄR här'), ['åsa', 'öberg', 'är', 'här']);
  assert.equal(tokenise('café–idé: naïve'), ['café', 'idé', 'naïve'], 'an en dash splits; accents stay');
  assert.equal(tokenise('  \n\t '), []);
  assert.equal(tokenise('Ελένη och Мария'), ['ελένη', 'och', 'мария'], 'letters beyond Latin-1');
});

terms('stems join the inflections people search with', () => {
  const cases: [string, string][] = [
    // Plural and definite forms that Snowball strips.
    ['anmälningar', 'anmälning'],
    ['anmälningen', 'anmälning'],
    ['föräldrarna', 'föräldr'],
    ['föräldrar', 'föräldr'],
    ['barnen', 'barn'],
    ['åringen', 'åring'],
    ['åringar', 'åring'],
    ['mamma', 'mamm'],
    ['skola', 'skol'],
    ['skolor', 'skol'],
    // Definite forms Snowball leaves, joined here: -an, -et and the -n after a vowel.
    ['skolan', 'skol'],
    ['skolans', 'skol'],
    ['mamman', 'mamm'],
    ['anmälan', 'anmäl'],
    ['barnet', 'barn'],
    ['samtalet', 'samtal'],
    ['hembesöket', 'hembesök'],
    ['frånvaron', 'frånvaro'],
    // Kept whole: digits and words under three letters.
    ['12', '12'],
    ['2014', '2014'],
    ['bo', 'bo'],
    ['oro', 'oro'],
  ];
  for (const [word, stem] of cases) assert.is(stemTerm(word), stem, word);
});

terms('a noun in -an is found from its -ning forms; short roots are not', () => {
  assert.is(ningRoot('anmälning'), 'anmäl');
  assert.is(ningRoot('ansökning'), 'ansök');
  assert.is(ningRoot('tidning'), null, 'tid is another word');
  assert.is(ningRoot('placer'), null);
});

terms('the matcher finds whole words whose stem is a term, the first one first', () => {
  const m = new TermMatcher(new Set(['skol', 'anmäl', '12']));
  const text = 'Orosanmälan om skogen. 123 barn, en 12-åring. Skolans anmälan.';
  assert.is(m.first(text), text.indexOf('12-'), 'not inside "Orosanmälan", not "skogen", not "123"');
  assert.equal(m.all(text).map(([a, b]) => text.slice(a, b)), ['12', 'Skolans', 'anmälan']);
  assert.is(m.first('Inget här.'), -1);
  assert.is(new TermMatcher(new Set(['i'])).first('Hon bor i Umeå.'), 8, 'a one-letter term is a whole word');
  const upper = 'ÅTERBESÖKET. Två ÅRINGAR och en 12-ÅRING.';
  assert.equal(new TermMatcher(new Set(['återbesök', 'åring'])).all(upper).map(([a, b]) => upper.slice(a, b)), ['ÅTERBESÖKET', 'ÅRINGAR', 'ÅRING'], 'in any case');
});

terms('a snippet is centred on the first matched word, cut at word boundaries, with the matches marked', () => {
  const text = `${'Inledande text om annat. '.repeat(6)}Skolan ringde om frånvaron igen. ${'Mer text efteråt här. '.repeat(8)}`;
  const { snippet: s, highlights } = snippet(text, new TermMatcher(new Set(['skol', 'frånvaro'])));
  assert.ok(s.startsWith('…') && s.endsWith('…'));
  assert.equal(highlights.map(([a, b]) => s.slice(a, b)), ['Skolan', 'frånvaron']);
  const all = new Set(tokenise(text));
  for (const word of tokenise(s)) assert.ok(all.has(word), `no half words: ${word}`);
  assert.ok(s.indexOf('Skolan') > 30 && s.indexOf('Skolan') < 70, 'about 60 characters before the match');
  const short = snippet('Frånvaron ökade.', new TermMatcher(new Set(['frånvaro'])));
  assert.equal(short, { snippet: 'Frånvaron ökade.', highlights: [[0, 9]] });
});

terms('the matcher finds exactly the words whose stem is a term: every word of the text stemmed, as a check', () => {
  const words = [
    'Skolan', 'skolans', 'SKOLKURATORN', 'förskolan', 'Mamma', 'mammas', 'mammografi', 'hemskola', 'skol-', 'skola.',
    'Anmälningen', 'anmälan', 'Ånger', 'åter', '12-åring', 'ÅRING', 'x', '', 'samtal', 'telefonsamtalet', 'İstanbul', 'ﬁnns',
  ];
  const seps = [' ', ', ', '\n', ' – ', '/', '(', ') ', '"'];
  const matcher = new TermMatcher(new Set(['skol', 'mamm', 'anmäl', 'åring', 'samtal', 'skolkurator']));
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 300; n++) {
    const text = Array.from({ length: 1 + Math.floor(next() * 25) }, () => words[Math.floor(next() * words.length)]! + seps[Math.floor(next() * seps.length)]!).join('');
    const expected: [number, number][] = [];
    for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      const lower = m[0].toLowerCase();
      if (lower.length === m[0].length && matcher.terms.has(stemTerm(lower))) expected.push([m.index!, m.index! + m[0].length]);
    }
    assert.equal(matcher.all(text), expected, text);
    assert.is(matcher.first(text), expected[0]?.[0] ?? -1, text);
  }
});

terms('a snippet cut from the UTF-8 head of an entry is the one cut from its whole text, wherever the match is; the rest is read only when needed', () => {
  const matcher = new TermMatcher(new Set(['skol']));
  // Multi-byte letters and dashes (38 bytes for 31 characters) around the ends of the 256-byte and the
  // 1 KB head; a match early, late, near a head's end, or none; text after the window, only spaces
  // after it, or nothing.
  const filler = 'Vårdnadshavaren – åter – hörd. ';
  for (const before of [0, 1, 2, 3, 4, 5, 6, 7, 8, 20, 22, 23, 24, 25, 26, 27, 30]) {
    for (const after of ['', '      ', ` ${filler.repeat(3)}`, ` ${filler.repeat(40)}`, `${' '.repeat(120)}slut`]) {
      for (const word of ['Skolan ringde.', 'Inget att hitta.']) {
        const text = `${filler.repeat(before)}${word}${after}`;
        const bytes = Buffer.from(text, 'utf8');
        let wholeRead = false;
        const whole = () => {
          wholeRead = true;
          return text;
        };
        const cut = snippetOfEntry(bytes.subarray(0, HEAD_BYTES), bytes.length, whole, matcher);
        const what = `${before} × filler, "${word}", ${after.length} after`;
        assert.equal(cut, snippet(text, matcher), what);
        // Read whole only when longer than the head and the match (with its window) not in it.
        const inHead = bytes.length <= HEAD_BYTES || Buffer.byteLength(text.slice(0, text.indexOf('Skolan') + 100)) < HEAD_BYTES - 20;
        if (word.startsWith('Skolan') && inHead) assert.is(wholeRead, false, what);
        if (bytes.length > HEAD_BYTES && (word.startsWith('Inget') || Buffer.byteLength(text.slice(0, text.indexOf('Skolan'))) > HEAD_BYTES)) assert.is(wholeRead, true, what);
      }
    }
  }
});

terms('white space in snippets is what \\s means, and each run of it becomes one space', () => {
  for (let c = 0; c < 0x10000; c++) assert.is(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  const cases = ['', ' ', 'a', 'a b', 'a  b', ' a ', '\na\n', 'a\r\n\tb', 'a\u00a0b', 'a \u2028 b', '\ufeffa', 'två  ord\n\noch\tmer ', '   '];
  for (const text of cases) assert.is(collapseSpaces(text), text.replace(/\s+/g, ' '), JSON.stringify(text));
});

terms.run();
