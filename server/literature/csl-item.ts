// CSL-JSON items as Backspegel keeps them, and the one cleaning pass every item goes through, whether
// it came from BibTeX, RIS or CSL-JSON, or back from storage before rendering. citeproc-js is strict
// about shapes that importers are loose about: a number where it expects a string (`volume: 3`)
// makes it throw, so scalars become strings here rather than at every call site.

/** A CSL name: a person split into parts, or a single `literal` (an organisation, "Marcus Aurelius"). */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: (string | number)[][];
  raw?: string;
  literal?: string;
  season?: string;
  circa?: string;
}

/** A CSL-JSON item with a string `id` (its citation key). Other CSL variables are strings, names or dates. */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  title?: string;
  'container-title'?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  [variable: string]: unknown;
}

// From the CSL 1.0.2 specification, appendix IV (variables by kind).
export const NAME_VARIABLES = new Set([
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'editor-translator', 'executive-producer', 'guest', 'host',
  'illustrator', 'interviewer', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient',
  'reviewed-author', 'script-writer', 'series-creator', 'translator',
]);
export const DATE_VARIABLES = new Set([
  'accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted',
]);
export const ITEM_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map',
  'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical',
  'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software',
  'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);

// BibLaTeX writes the kind of a thesis or report as a localisation key (`type = {mathesis}`, or
// implied by @mastersthesis); citation-js keeps the key as `genre` in BibLaTeX mode, which APA would
// print verbatim as "[mathesis]". These are the labels citation-js itself uses in BibTeX mode.
const BIBLATEX_TYPE_KEYS: Record<string, string> = {
  bathesis: "Bachelor's thesis",
  mathesis: "Master's thesis",
  phdthesis: 'PhD thesis',
  candthesis: 'Candidate thesis',
  techreport: 'technical report',
  resreport: 'research report',
};

const NAME_PARTS = ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix', 'literal'] as const;

/** Collapses runs of whitespace; LaTeX leftovers such as `{\null} Sadat` leave stray spaces in names. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * One name cleaned: parts trimmed, empty parts dropped, a bare string turned into a literal. A name
 * with nothing but a family part is a single unit in BibTeX (`{{Socialstyrelsen}}`, `{Marcus Aurelius}`,
 * `others`): it becomes `literal`, which is also how Zotero and Better BibTeX read it.
 */
export function normaliseName(raw: unknown): CslName | undefined {
  if (typeof raw === 'string') {
    const literal = tidy(raw);
    return literal ? { literal } : undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const source = raw as Record<string, unknown>;
  const name: CslName = {};
  for (const part of NAME_PARTS) {
    const value = source[part];
    if (typeof value === 'string' || typeof value === 'number') {
      const text = tidy(String(value));
      if (text) name[part] = text;
    }
  }
  if (name.literal) return { literal: name.literal };
  if (name.family && !name.given && !name['non-dropping-particle'] && !name['dropping-particle'] && !name.suffix) {
    return { literal: name.family };
  }
  if (!name.family && !name.given) return undefined;
  return name;
}

function normaliseDate(raw: unknown): CslDate | undefined {
  if (typeof raw === 'number') return { 'date-parts': [[raw]] };
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (!text) return undefined;
    const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (iso) return { 'date-parts': [iso.slice(1).filter((p): p is string => p !== undefined).map(Number)] };
    return { raw: text };
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const source = raw as Record<string, unknown>;
  const date: CslDate = {};
  const parts = source['date-parts'];
  if (Array.isArray(parts)) {
    const clean = parts
      .filter((range): range is unknown[] => Array.isArray(range))
      .map((range) => range.filter((p): p is string | number => (typeof p === 'number' && Number.isFinite(p)) || (typeof p === 'string' && /^-?\d+$/.test(p.trim())))
        .map((p) => (typeof p === 'string' ? p.trim() : p)))
      .filter((range) => range.length > 0);
    if (clean.length) date['date-parts'] = clean.slice(0, 2);
  }
  for (const key of ['raw', 'literal', 'season', 'circa'] as const) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') date[key] = String(value);
  }
  return Object.keys(date).length ? date : undefined;
}

/**
 * A cleaned copy of `raw` with the given id: names and dates in CSL shape, every other variable a
 * string (numbers and booleans converted, arrays and objects dropped), a known CSL type.
 */
export function normaliseItem(raw: Record<string, unknown>, id: string): CslItem {
  const item: CslItem = { id, type: 'document' };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'id' || key === 'type' || key.startsWith('_')) continue;
    if (NAME_VARIABLES.has(key)) {
      const names = (Array.isArray(value) ? value : [value]).map(normaliseName).filter((n): n is CslName => !!n);
      if (names.length) item[key] = names;
    } else if (DATE_VARIABLES.has(key)) {
      const date = normaliseDate(value);
      if (date) item[key] = date;
    } else if (typeof value === 'string') {
      if (value.trim()) item[key] = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      item[key] = String(value);
    }
  }
  if (typeof raw.type === 'string' && ITEM_TYPES.has(raw.type)) item.type = raw.type;
  if (typeof item.genre === 'string' && BIBLATEX_TYPE_KEYS[item.genre]) item.genre = BIBLATEX_TYPE_KEYS[item.genre];
  item['citation-key'] = id;
  return item;
}

/** The first year of `issued`, if it has one. */
export function issuedYear(item: CslItem): string | undefined {
  const first = item.issued?.['date-parts']?.[0]?.[0];
  if (first !== undefined && /^-?\d+$/.test(String(first))) return String(first);
  const text = item.issued?.raw ?? item.issued?.literal;
  return text ? /\b(\d{4})\b/.exec(text)?.[1] : undefined;
}
