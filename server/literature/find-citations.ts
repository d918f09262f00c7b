// Pandoc-style citations in Markdown: `[@sundell2007]`, `[@sundell2007, s. 12]`,
// `[se @a, kap. 3; @b]`, `[-@a]` (year only), and in running text `@sundell2007` or
// `@sundell2007 [s. 12]` ("Sundell och Östberg (2007, s. 12)"). A bare @name is a citation only when
// its key is in the library the caller passes, so e-mail addresses and @-mentions are left alone. The rules follow
// Pandoc's manual: every `;`-separated part of the brackets must hold a key, `@` must start the part
// or follow a space (so `[skriv till a@b.se]` is no citation), a backslash escapes the bracket, and
// nothing inside code spans or fenced code blocks counts.

/** Locator labels in CSL's vocabulary. */
export type LocatorLabel =
  | 'page' | 'chapter' | 'section' | 'paragraph' | 'figure' | 'table' | 'line' | 'note' | 'volume'
  | 'part' | 'appendix' | 'column' | 'verse' | 'book' | 'folio' | 'number' | 'issue';

export interface CitationRef {
  key: string;
  /** "12", "12–14", "iv": the place in the work, with its label (page when none is written). */
  locator?: string;
  label?: LocatorLabel;
  /** Text before the key ("se") and after the locator. */
  prefix?: string;
  suffix?: string;
  /** `-@key`: only the year is printed, for "Sundell och Östberg (2007) visar …". */
  suppressAuthor?: boolean;
}

export interface CitationCluster {
  /** Offsets in the Markdown: `markdown.slice(start, end)` is the whole `[…]`. */
  start: number;
  end: number;
  keys: CitationRef[];
  /** `@key` in running text: the authors as part of the sentence, the year (and locator) in parentheses. */
  narrative?: true;
}

// Swedish and English abbreviations (Pandoc accepts the English ones); matched without case.
const LABELS: [LocatorLabel, string[]][] = [
  ['page', ['s.', 's', 'sid.', 'sid', 'sida', 'sidan', 'sidor', 'p.', 'p', 'pp.', 'pp', 'page', 'pages']],
  ['chapter', ['kap.', 'kap', 'kapitel', 'ch.', 'chap.', 'chapter', 'chapters']],
  ['section', ['avsn.', 'avsnitt', '§', '§§', 'sec.', 'section', 'sections']],
  ['paragraph', ['st.', 'stycke', 'para.', 'paragraph', '¶']],
  ['figure', ['fig.', 'figur', 'figure']],
  ['table', ['tab.', 'tabell', 'table']],
  ['line', ['rad', 'rader', 'l.', 'line', 'lines']],
  ['note', ['not', 'n.', 'note', 'notes']],
  ['volume', ['vol.', 'volym', 'band', 'volume']],
  ['part', ['del', 'pt.', 'part']],
  ['appendix', ['bil.', 'bilaga', 'app.', 'appendix']],
  ['column', ['sp.', 'spalt', 'col.', 'column']],
  ['verse', ['v.', 'vers', 'verse']],
  ['book', ['bok', 'bk.', 'book']],
  ['folio', ['fol.', 'folio']],
  ['number', ['nr', 'nr.', 'no.', 'number']],
  ['issue', ['h.', 'häfte', 'issue']],
];
const LABEL_BY_TERM = new Map<string, LocatorLabel>();
for (const [label, terms] of LABELS) for (const term of terms) LABEL_BY_TERM.set(term, label);
// Longest first, so "sidan" wins over "s".
const LABEL_PATTERN = [...LABEL_BY_TERM.keys()]
  .sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
// A locator: numbers, with ranges and lists ("12", "12-14", "12, 15", "12 och 14"). Roman numerals
// ("iv") only after a label: unlabelled, "mild" in `[@a, mild kritik]` would read as one.
const PART = (roman: boolean) => (roman ? String.raw`(?:\d+[a-z]?|[ivxlcdm]+)` : String.raw`\d+[a-z]?`);
const VALUE = (roman: boolean) => String.raw`${PART(roman)}(?:\s*(?:[-–—]|,|&|och|and)\s*${PART(roman)})*`;
const END = String.raw`(?![\p{L}\p{N}])`;
const LABELLED_LOCATOR = new RegExp(`^(${LABEL_PATTERN})\\s*(${VALUE(true)})${END}`, 'iu');
const BARE_LOCATOR = new RegExp(`^(${VALUE(false)})${END}`, 'iu');

// Pandoc's key: starts with a letter, digit or _, and may hold :.#$%&-+?<>~/ between such
// characters (so a trailing full stop or comma is not part of the key); or anything but } in @{…}.
const KEY = /^(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))/u;

/** `text` with code spans and fenced code blocks blanked out (same length, so offsets still match). */
function maskCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  // Fenced blocks: ``` or ~~~ (three or more) at the start of a line, up to the same fence or the end.
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*$/gm;
  for (let open = fence.exec(text); open; open = fence.exec(text)) {
    const marker = open[1]!;
    const close = new RegExp(`^ {0,3}\\${marker[0]}{${marker.length},}[ \\t]*$`, 'gm');
    close.lastIndex = open.index + open[0].length;
    const end = close.exec(text);
    const to = end ? end.index + end[0].length : text.length;
    blank(open.index, to);
    fence.lastIndex = to;
  }
  const fenced = out.join('');
  // Code spans: a run of n backticks up to the next run of exactly n.
  const run = /`+/g;
  for (let open = run.exec(fenced); open; open = run.exec(fenced)) {
    if (open.index > 0 && fenced[open.index - 1] === '\\') continue;
    const closer = new RegExp(`(?<!\`)\`{${open[0].length}}(?!\`)`, 'g');
    closer.lastIndex = open.index + open[0].length;
    const end = closer.exec(fenced);
    if (!end) continue;
    blank(open.index, end.index + end[0].length);
    run.lastIndex = end.index + end[0].length;
  }
  return out.join('');
}

function splitLocator(rest: string): Pick<CitationRef, 'locator' | 'label' | 'suffix'> {
  let text = rest.replace(/^\s*,?\s*/, '');
  if (!text) return {};
  // {…} marks a locator Pandoc should not parse further: [@a, {pp. iv, vi–xi}].
  const braced = /^\{([^{}]*)\}/.exec(text);
  if (braced) {
    const inner = braced[1]!.trim();
    const labelled = new RegExp(`^(${LABEL_PATTERN})\\s*(.+)$`, 'iu').exec(inner);
    const suffix = text.slice(braced[0].length).trim();
    return {
      locator: labelled ? labelled[2]! : inner,
      label: labelled ? LABEL_BY_TERM.get(labelled[1]!.toLowerCase())! : 'page',
      ...(suffix ? { suffix } : {}),
    };
  }
  const labelled = LABELLED_LOCATOR.exec(text);
  const bare = labelled ? null : BARE_LOCATOR.exec(text);
  const match = labelled ?? bare;
  if (match) {
    const label = labelled ? LABEL_BY_TERM.get(labelled[1]!.toLowerCase())! : 'page';
    const locator = (labelled ? labelled[2] : bare![1])!;
    text = text.slice(match[0].length).trim();
    return { locator, label, ...(text ? { suffix: text } : {}) };
  }
  return { suffix: text.trim() };
}

/** One `;`-separated part of a cluster, or undefined when it holds no key. */
function parseRef(part: string): CitationRef | undefined {
  const at = /(^|\s)(-?)@/.exec(part);
  if (!at) return undefined;
  const keyStart = at.index + at[0].length;
  const key = KEY.exec(part.slice(keyStart));
  if (!key) return undefined;
  const prefix = part.slice(0, at.index).trim();
  const ref: CitationRef = { key: (key[1] ?? key[2])!.trim() };
  if (prefix) ref.prefix = prefix;
  if (at[2]) ref.suppressAuthor = true;
  Object.assign(ref, splitLocator(part.slice(keyStart + key[0].length)));
  return ref;
}

// A cluster longer than this is not a citation (Pandoc has no limit; a citation this long is
// surely an unclosed bracket meeting a distant one).
const MAX_CLUSTER = 2000;

/**
 * For each unescaped "[", the offset of its matching "]" (brackets nest, as Pandoc allows inside a
 * citation), in one pass. A blank line ends a paragraph, and with it every open bracket.
 */
function matchBrackets(text: string): Map<number, number> {
  const matches = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') open.push(i);
    else if (c === ']') {
      const start = open.pop();
      if (start !== undefined) matches.set(start, i);
    } else if (c === '\n' && open.length && /^\n[ \t]*\n/.test(text.slice(i, i + 100))) open.length = 0;
  }
  return matches;
}

// `@key` after the start, a space or an opening parenthesis, then optionally ` [locator]`.
const NARRATIVE = new RegExp(String.raw`(?<=^|[\s(])@(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))(?: ?\[([^\[\]@]*)\](?![(\[:]))?`, 'gu');

/** `@key` citations in running text whose key is in `known`, outside the bracketed `clusters`. */
function narrativeCitations(text: string, clusters: readonly CitationCluster[], known: ReadonlySet<string>): CitationCluster[] {
  const found: CitationCluster[] = [];
  for (const match of text.matchAll(NARRATIVE)) {
    const start = match.index;
    const key = (match[1] ?? match[2])!.trim();
    if (!known.has(key) || clusters.some((c) => start >= c.start && start < c.end)) continue;
    const ref: CitationRef = { key };
    if (match[3] !== undefined) Object.assign(ref, splitLocator(match[3]));
    found.push({ start, end: start + match[0].length, keys: [ref], narrative: true });
  }
  return found;
}

/**
 * The citation clusters of `markdown`, in order of appearance: every bracketed one, and the `@key`
 * ones in running text whose key is in `narrativeKeys` (none when it is not given).
 */
export function findCitations(markdown: string, narrativeKeys?: ReadonlySet<string>): CitationCluster[] {
  const text = maskCode(markdown);
  const matches = [...matchBrackets(text)].sort((a, b) => a[0] - b[0]);
  const clusters: CitationCluster[] = [];
  let after = 0;
  for (const [start, end] of matches) {
    if (start < after || end - start > MAX_CLUSTER) continue;
    const inner = text.slice(start + 1, end);
    if (!inner.includes('@')) continue;
    // `[@a](url)`, `[@a][ref]` and `[@a]: url` are links, not citations.
    if (/^[([:]/.test(text[end + 1] ?? '')) continue;
    const refs = inner.split(';').map(parseRef);
    if (refs.some((r) => !r)) continue;
    clusters.push({ start, end: end + 1, keys: refs as CitationRef[] });
    after = end + 1;
  }
  if (!narrativeKeys?.size) return clusters;
  return [...clusters, ...narrativeCitations(text, clusters, narrativeKeys)].sort((a, b) => a.start - b.start);
}
