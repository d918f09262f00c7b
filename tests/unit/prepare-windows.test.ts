// A case file is prepared a window at a time (no string of the whole text is made for storing). These
// tests hold the windows to what preparing the whole text in one piece gives: the same stored text and
// bytes, entries, replacements and fingerprint, on generated case files whose paragraphs start and end
// with personal details, so that the blank lines windows end in sit right beside them.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { detectEntries } from '../../server/domain/chronology.ts';
import { normaliseText } from '../../server/domain/normalise.ts';
import { prepareDocument, prepareStorable } from '../../server/domain/prepare-document.ts';
import { pseudonymise } from '../../server/domain/pseudonymise.ts';
import { nameRule } from '../../server/domain/pseudonymise-names.ts';
import { GrowingBytes } from '../../server/domain/growing-bytes.ts';
import { textWindows, WINDOW_SIZE } from '../../server/domain/text-windows.ts';

const key = new Uint8Array(32).fill(3);
const today = new Date('2026-06-01T12:00:00Z');
const names = [nameRule(key, 'Elsa', 'Barn 1'), nameRule(key, 'Lars', 'Pappa'), nameRule(key, 'Berg', 'Efternamn')];

/** The whole text in one piece, step by step, as the import prepared it before windows. */
function inOnePiece(raw: string) {
  const original = normaliseText(raw);
  const { text, replacements } = pseudonymise(original, key, { today, names });
  const counts: Record<string, number> = {};
  for (const r of replacements) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  const bytes = Buffer.from(text, 'utf8');
  return { original, replaced: replacements, text, length: text.length, entries: detectEntries(text, { today }),
    sha256: createHash('sha256').update(bytes).digest('hex'), replacements: counts, bytes };
}

// A small deterministic generator (mulberry32), so a failure can be run again.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fictitious details (Skatteverket's test personal numbers), in the forms the detectors know.
const DETAILS = [
  '19900101-2385', '900101-2385', '199001012385', '070-123 45 67', '08-12 34 56', '+46 70 123 45 67',
  'anna.berg@exempel.se', 'Storgatan 5', 'Storgatan 5\n123 45 Stad', 'Storgatan 5, 123 45 Stad',
  'Storgatan 5 lgh 1102', 'Elsa', 'Elsas', 'Elsa:s', "Lars'", 'ELSA', 'Anna-Elsa', 'Berg-Svensson',
  '[PNR-03390400]', '2021-03-04', '14 mars 2009',
];
const WORDS = ['mamma', 'ringde', 'skolan', 'och', 'berättade', 'att', 'barnet', 'inte', 'sover', 'Socialsekreterare', 'möte', '–', '”citat”', 'Ö', '𝔘'];
const HEADINGS = ['2021-03-04 Journalanteckning', '14 mars 2009 – Hembesök', '**2019-11-02** Beslut om placering', 'Datum: 2020-01-15 Orosanmälan', '090314 Utredning'];
const BLANK_LINES = ['\n\n', '\r\n\r\n', '\n\r\n', '\n\n\n', '\n \n', '\n\t\n', '\r\r', '\n\u2028', '\n\u000c\n', '\n\u0007\n'];

function caseFile(seed: number, size: number): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const lines: string[] = [];
    if (next() < 0.4) lines.push(pick(HEADINGS));
    for (let l = 1 + Math.floor(next() * 3); l > 0; l--) {
      const words = Array.from({ length: 3 + Math.floor(next() * 12) }, () => (next() < 0.2 ? pick(DETAILS) : pick(WORDS)));
      lines.push(words.join(next() < 0.9 ? ' ' : '\u00a0'));
    }
    // Every paragraph starts and ends with a detail: wherever a window ends, one is beside it.
    const paragraph = `${pick(DETAILS)} ${lines.join(next() < 0.8 ? '\n' : '\r\n')} ${pick(DETAILS)}`;
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  return paragraphs.reduce((text, p, i) => (i === 0 ? p : text + pick(BLANK_LINES) + p), next() < 0.3 ? '\uFEFF' : '');
}

const windows = suite('Windows of a text');

windows('join to the text and end inside blank lines, as strings and as bytes', () => {
  const text = caseFile(1, 20_000);
  for (const raw of [text, new Uint8Array(Buffer.from(text, 'utf8'))]) {
    const parts = [...textWindows(raw, 500)];
    assert.ok(parts.length > 10, `${parts.length} windows`);
    assert.is(parts.join(''), text);
    parts.slice(0, -1).forEach((part, i) => {
      assert.ok(part.endsWith('\n'), `window ${i} ends with a line feed`);
      assert.ok(/^\r?\n/.test(parts[i + 1]!), `window ${i + 1} starts the blank line`);
      assert.ok(part.length >= 500 || typeof raw !== 'string', `window ${i} holds at least the size`);
    });
  }
});

windows('a text without a blank line after the size is one window; an empty text none', () => {
  assert.equal([...textWindows('a\nb\nc\n\nd', 5)], ['a\nb\nc\n', '\nd']);
  assert.equal([...textWindows('a\nb\nc\nd', 2)], ['a\nb\nc\nd']);
  assert.equal([...textWindows('a\r\n\r\nb', 1)], ['a\r\n', '\r\nb']);
  assert.equal([...textWindows('a\r\rb\n\n', 1)], ['a\r\rb\n', '\n']);
  assert.equal([...textWindows('', 1)], []);
  assert.equal([...textWindows(new Uint8Array(0), 1)], []);
});

windows('bytes that are not UTF-8 decode as the whole file would', () => {
  const bytes = new Uint8Array([0x61, 0xe2, 0x82, 0x0a, 0x0a, 0xc3, 0x0a, 0x0d, 0x0a, 0xff, 0x62, 0xf0, 0x9f]);
  const whole = Buffer.from(bytes).toString('utf8');
  assert.is([...textWindows(bytes, 1)].join(''), whole);
  assert.is([...textWindows(bytes, 1)].length, 3);
});

const same = suite('Preparing a window at a time');

same('gives what preparing the whole text gives, on generated case files', () => {
  let windowsSeen = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const raw = caseFile(seed, WINDOW_SIZE * 2.5);
    windowsSeen += [...textWindows(raw)].length;
    const { bytes, ...expected } = inOnePiece(raw);
    const prepared = prepareDocument(raw, key, today, names);
    assert.equal(prepared, expected, `seed ${seed}`);
    const { textBytes, ...stored } = prepareStorable(new Uint8Array(Buffer.from(raw, 'utf8')), key, today, names);
    const { original: _o, replaced: _r, text: _t, ...storedExpected } = expected;
    assert.equal(stored, storedExpected, `seed ${seed}, as bytes`);
    assert.ok(Buffer.from(textBytes).equals(bytes), `seed ${seed}: the stored bytes`);
  }
  assert.ok(windowsSeen >= 150, `${windowsSeen} windows`);
});

same('an entry runs over windows to the next heading', () => {
  const body = 'Text om dagen.\n\n'.repeat(WINDOW_SIZE / 8);
  const raw = `2021-03-04 Journalanteckning\n${body}2021-05-20 Hembesök\nElsa visade sitt rum.`;
  const prepared = prepareDocument(raw, key, today, names);
  assert.ok([...textWindows(raw)].length > 2);
  assert.equal(prepared.entries.map((e) => [e.start, e.end, e.date]), [
    [0, 29 + body.length, '2021-03-04'],
    [29 + body.length, prepared.length, '2021-05-20'],
  ]);
});

same('a blank text is refused whatever its size', () => {
  for (const raw of ['', ' \n\n\t', '\uFEFF\r\n\r\n', ' \n\n'.repeat(WINDOW_SIZE)]) {
    assert.throws(() => prepareStorable(raw, key, today, names), (e: Error & { code?: string }) => e.code === 'empty_document');
  }
});

windows('bytes grow past their first guess without cutting a character', () => {
  const strings = ['ab', 'åäö', '𝔘𝔘', 'x'.repeat(40), '–”', '\ud800 lone'];
  const bytes = new GrowingBytes(3);
  for (const s of strings) bytes.append(s);
  assert.ok(Buffer.from(bytes.view()).equals(Buffer.from(strings.join(''), 'utf8')));
});

windows.run();
same.run();
