// Reference files → CSL-JSON items with stable ids. BibTeX/BibLaTeX and RIS go through citation-js;
// CSL-JSON is read directly. Every item then passes the same cleaning (csl-item.ts) and gets its
// citation key: the BibTeX key, the CSL `citation-key` or `id`, or one made from author and year.
import { ValidationError } from '../domain/errors.ts';
import { inputPlugins } from './citation-js.ts';
import { type CslItem, normaliseItem } from './csl-item.ts';
import { uniqueCitationKey } from './citation-keys.ts';

export type ReferenceFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json' | 'auto';
export type { CslItem } from './csl-item.ts';

export interface ParsedReferences {
  items: CslItem[];
  /** Swedish, one sentence each: duplicate keys, items without a title. */
  warnings: string[];
}

/** The most items one import may hold. */
export const MAX_REFERENCES = 5000;

const CODE = 'invalid_references';

function invalid(message: string): never {
  throw new ValidationError(message, CODE);
}

const FORMAT_NAMES: Record<Exclude<ReferenceFormat, 'auto'>, string> = {
  bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON',
};

// BibTeX entries, not counting @string, @preamble and @comment (which hold no reference).
const BIBTEX_ENTRY = /@\s*(?!(?:string|preamble|comment)\b)[a-z]+\s*[{(]/gi;
const RIS_RECORD = /^\s*TY {2}-/gm;

/** The format of `text`, judged from its first characters and tell-tale lines. */
export function detectReferenceFormat(text: string): Exclude<ReferenceFormat, 'auto'> | undefined {
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^\s*TY {2}-/m.test(text)) return 'ris';
  // BibLaTeX is read as a superset of BibTeX: BibTeX-only mode ignores `date`, `journaltitle`, `urldate`.
  if (/@\s*[a-z]+\s*[{(]/i.test(text)) return 'biblatex';
  return undefined;
}

function tooMany(count: number): void {
  if (count > MAX_REFERENCES) {
    invalid(`Filen har ${count.toLocaleString('sv-SE')} referenser. Högst ${MAX_REFERENCES.toLocaleString('sv-SE')} kan läsas in åt gången.`);
  }
}

/** citation-js's grammar errors say "… at line 6 col 1"; the position is all the user can act on. */
function syntaxError(format: string, error: unknown): never {
  const message = error instanceof Error ? error.message : '';
  const at = /line (\d+) col (\d+)/.exec(message);
  invalid(at
    ? `Filen kunde inte läsas som ${format}: fel på rad ${at[1]}, tecken ${at[2]}.`
    : `Filen kunde inte läsas som ${format}.`);
}

function parseWithCitationJs(text: string, format: 'bibtex' | 'biblatex' | 'ris'): Record<string, unknown>[] {
  tooMany((text.match(format === 'ris' ? RIS_RECORD : BIBTEX_ENTRY) ?? []).length);
  const forceType = format === 'ris' ? '@ris/file' : format === 'bibtex' ? '@bibtex/text' : '@biblatex/text';
  let parsed: unknown;
  try {
    parsed = inputPlugins().input.chain(text, { generateGraph: false, forceType });
  } catch (error) {
    syntaxError(FORMAT_NAMES[format], error);
  }
  if (!Array.isArray(parsed)) syntaxError(FORMAT_NAMES[format], undefined);
  return parsed.filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object');
}

function parseCslJson(text: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    invalid('Filen kunde inte läsas som CSL-JSON: den är inte giltig JSON.');
  }
  const list = Array.isArray(data) ? data : [data];
  tooMany(list.length);
  list.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      invalid(`Filen kunde inte läsas som CSL-JSON: post ${i + 1} är inte ett objekt.`);
    }
  });
  return list as Record<string, unknown>[];
}

/** The key a parsed entry brings with it: the BibTeX key, CSL `citation-key`, or CSL `id`. */
function ownKey(entry: Record<string, unknown>): string | undefined {
  for (const field of ['citation-key', 'id']) {
    const value = entry[field];
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
  }
  return undefined;
}

/**
 * Reads a reference file. `auto` looks at the text (CSL-JSON starts with [ or {, RIS has "TY  -"
 * lines, BibTeX has @type{ entries; these are read as BibLaTeX, a superset). Throws a
 * ValidationError (code invalid_references) with a Swedish message for unreadable or empty input
 * and for more than 5 000 items. A key used twice keeps its first entry, as BibTeX itself does,
 * and the later ones are skipped with a warning.
 */
export function parseReferences(text: string, format: ReferenceFormat, options: { takenKeys?: Iterable<string> } = {}): ParsedReferences {
  if (typeof text !== 'string' || !text.trim()) invalid('Filen är tom: det finns inga referenser att läsa in.');
  const resolved = format === 'auto' ? detectReferenceFormat(text) : format;
  if (!resolved) invalid('Formatet känns inte igen. Referenser kan läsas in som BibTeX, BibLaTeX, RIS eller CSL-JSON.');

  const entries = resolved === 'csl-json' ? parseCslJson(text) : parseWithCitationJs(text, resolved);
  if (entries.length === 0) invalid(`Inga referenser hittades i filen (läst som ${FORMAT_NAMES[resolved]}).`);
  tooMany(entries.length);

  const warnings: string[] = [];
  const kept: { entry: Record<string, unknown>; key: string | undefined }[] = [];
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const key = ownKey(entry);
    if (key !== undefined) {
      const count = seen.get(key) ?? 0;
      seen.set(key, count + 1);
      if (count > 0) continue;
    }
    kept.push({ entry, key });
  }
  for (const [key, count] of seen) {
    if (count > 1) warnings.push(`Nyckeln ”${key}” finns ${count} gånger i filen. Den första posten används, de övriga hoppas över.`);
  }

  // Keys from the file come first, so that made-up keys step around them (and around keys the
  // caller already has, e.g. in the study's library).
  const taken = new Set<string>([...(options.takenKeys ?? []), ...seen.keys()]);
  const items = kept.map(({ entry, key }) => {
    if (key !== undefined) return normaliseItem(entry, key);
    const draft = normaliseItem(entry, '');
    const id = uniqueCitationKey(draft, taken);
    return { ...draft, id, 'citation-key': id };
  });
  for (const item of items) {
    if (!item.title) warnings.push(`Referensen ”${item.id}” saknar titel.`);
  }
  return { items, warnings };
}
