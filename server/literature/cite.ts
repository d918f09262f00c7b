// Citations and bibliographies through citeproc-js (via @citation-js/plugin-csl), in APA 7 with
// Swedish or English terms. Three things are handled here rather than left to citeproc:
// - Disambiguation must agree between the text and the reference list (Lindqvist 2019a/2019b), so
//   citations are formatted with every item of the bibliography registered, cited or not.
// - A key that is not in the library is never dropped: it is printed in the citation as "key?"
//   (as Pandoc does) and reported in `unknownKeys`.
// - BibTeX's "and others" arrives as a last name `{ literal: 'others' }`. CSL has no such marker,
//   so it goes to citeproc as a placeholder and comes back as the locale's et-al term:
//   "(Madelung m.fl., 1998)" and "Madelung, O. m.fl. (1998)".
//
// The first call for a style and language builds a citeproc engine (0.6–0.8 s and about 95 MB of
// heap for APA); plugin-csl keeps it for later calls. The server runs this module in a worker thread
// of its own and calls it through citations.ts; `warmUpCitations` builds an engine ahead of need.
import { ValidationError } from '../domain/errors.ts';
import { escapeHtml } from '../domain/markdown.ts';
import { type CiteprocEngine, cslPlugin } from './citation-js.ts';
import { type CslItem, NAME_VARIABLES, normaliseItem } from './csl-item.ts';
import { CITATION_LANGS, type CitationLang, localeTerm, localeXml } from './csl-locale.ts';
import type { CitationCluster, CitationRef } from './find-citations.ts';

export type { CitationLang } from './csl-locale.ts';

/** Styles bundled with plugin-csl that Backspegel offers (it also bundles vancouver and harvard1). */
export const CITATION_STYLES = ['apa'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export interface CiteOptions {
  style: CitationStyle;
  lang: CitationLang;
}

export interface FormattedCitation {
  text: string;
  /** citeproc's HTML: text escaped, only <i>, <b>, <sup>, <sub> and <span> markup. */
  html: string;
  /** Keys of the cluster that are not in the library, in order, each once. */
  unknownKeys: string[];
}

export interface BibliographyEntry {
  id: string;
  text: string;
  html: string;
}

// Plain letters: citeproc strips private-use characters, which would otherwise be the safer choice.
const OTHERS_PLACEHOLDER = 'BackspegelOthersPlaceholder';

/** Refuses a style or language that is not offered (400 invalid_citation_style). */
export function checkOptions(options: CiteOptions): void {
  if (!(CITATION_STYLES as readonly string[]).includes(options.style)) {
    throw new ValidationError(`Referensstilen ”${options.style}” finns inte. Välj ${CITATION_STYLES.join(', ')}.`, 'invalid_citation_style');
  }
  if (!(CITATION_LANGS as readonly string[]).includes(options.lang)) {
    throw new ValidationError(`Språket ”${options.lang}” stöds inte för referenser. Välj ${CITATION_LANGS.join(' eller ')}.`, 'invalid_citation_style');
  }
}

function isOthers(name: unknown): boolean {
  if (!name || typeof name !== 'object') return false;
  const n = name as Record<string, unknown>;
  const single = n.literal ?? (n.given === undefined ? n.family : undefined);
  return typeof single === 'string' && single.trim().toLowerCase() === 'others';
}

/** The library as citeproc gets it: cleaned copies (citeproc annotates the objects it is given), first of each id. */
function prepareItems(items: readonly CslItem[]): Map<string, CslItem> {
  const library = new Map<string, CslItem>();
  for (const raw of items) {
    const id = String(raw.id);
    if (library.has(id)) continue;
    const item = normaliseItem(raw as Record<string, unknown>, id);
    for (const variable of NAME_VARIABLES) {
      const names = item[variable];
      if (Array.isArray(names) && names.length > 1 && isOthers(names.at(-1))) {
        item[variable] = [...names.slice(0, -1), { literal: OTHERS_PLACEHOLDER }];
      }
    }
    library.set(id, item);
  }
  return library;
}

/** Replaces the "others" placeholder, and the "&"/"and" citeproc put before it, with the et-al term. */
function replaceOthers(output: string, lang: CitationLang, html: boolean): string {
  if (!output.includes(OTHERS_PLACEHOLDER)) return output;
  const and = localeTerm(lang, 'and').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const etAl = localeTerm(lang, 'et-al');
  // The style's punctuation after the names follows the placeholder: "m.fl." + "." must not become "m.fl..".
  const placeholder = new RegExp(`(,?)\\s*(?:&#38;|&amp;|&|${and})?\\s*${OTHERS_PLACEHOLDER}(\\.?)`, 'g');
  return output.replace(placeholder, (_m, comma: string, stop: string) =>
    `${comma} ${html ? escapeHtml(etAl) : etAl}${stop && !etAl.endsWith('.') ? stop : ''}`);
}

function engineFor(library: Map<string, CslItem>, options: CiteOptions, format: 'text' | 'html'): CiteprocEngine {
  localeXml(options.lang);
  return cslPlugin().engine([...library.values()], options.style, options.lang, format);
}

/** plugin-csl caches one engine per style and language: leave it with nothing registered. */
function resetEngine(engine: CiteprocEngine): void {
  engine.updateUncitedItems([]);
  engine.updateItems([]);
}

/** The citation layout's affixes and delimiter ("(", ")", "; " in APA), for placing unknown keys. */
function citationLayout(style: CitationStyle): { prefix: string; suffix: string; delimiter: string } {
  const xml = cslPlugin().styles.get(style) ?? '';
  const layout = /<citation\b[\s\S]*?<layout\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const attr = (name: string, fallback: string) => {
    const value = new RegExp(`\\b${name}="([^"]*)"`).exec(layout)?.[1];
    return value === undefined ? fallback : value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
  };
  return { prefix: attr('prefix', ''), suffix: attr('suffix', ''), delimiter: attr('delimiter', '; ') };
}

function withUnknown(known: string | undefined, unknown: string[], layout: ReturnType<typeof citationLayout>, html: boolean): string {
  if (unknown.length === 0) return known ?? '';
  const marks = unknown.map((key) => (html ? `<span class="csl-unknown-key">${escapeHtml(key)}?</span>` : `${key}?`));
  const delimiter = html ? escapeHtml(layout.delimiter) : layout.delimiter;
  const suffix = html ? escapeHtml(layout.suffix) : layout.suffix;
  if (!known) return (html ? escapeHtml(layout.prefix) : layout.prefix) + marks.join(delimiter) + suffix;
  if (suffix && known.endsWith(suffix)) return known.slice(0, -suffix.length) + delimiter + marks.join(delimiter) + suffix;
  return known + delimiter + marks.join(delimiter);
}

function citeItem(ref: CitationRef): Record<string, unknown> {
  const item: Record<string, unknown> = { id: ref.key };
  if (ref.locator) {
    item.locator = ref.locator;
    item.label = ref.label ?? 'page';
  }
  if (ref.prefix) item.prefix = `${ref.prefix} `;
  if (ref.suffix) item.suffix = /^[,.;:]/.test(ref.suffix) ? ref.suffix : ` ${ref.suffix}`;
  if (ref.suppressAuthor) item['suppress-author'] = true;
  return item;
}

/** Keys cited in `clusters` that `items` lacks, in order of first appearance. */
export function unknownKeys(clusters: readonly Pick<CitationCluster, 'keys'>[], items: readonly CslItem[]): string[] {
  const known = new Set(items.map((item) => String(item.id)));
  const unknown = new Set<string>();
  for (const cluster of clusters) for (const ref of cluster.keys) if (!known.has(ref.key)) unknown.add(ref.key);
  return [...unknown];
}

/**
 * The clusters of one text, formatted together so that disambiguation is consistent across them and
 * with `formatBibliography(items)`: pass as `items` the works the reference list will hold.
 */
export function formatCitations(clusters: readonly Pick<CitationCluster, 'keys' | 'narrative'>[], items: readonly CslItem[], options: CiteOptions): FormattedCitation[] {
  checkOptions(options);
  const library = prepareItems(items);
  const unknownByCluster = clusters.map((cluster) => [...new Set(cluster.keys.filter((r) => !library.has(r.key)).map((r) => r.key))]);
  const citation = (citationID: string, refs: CitationRef[], extra: Record<string, unknown> = {}) => ({
    citationID,
    citationItems: refs.filter((r) => library.has(r.key)).map((r) => ({ ...citeItem(r), ...extra })),
    properties: { noteIndex: 0 },
  });
  // A narrative citation is two: the authors alone, and the year (with its locator) without them.
  const citations = clusters.flatMap((cluster, i) => cluster.narrative
    ? [citation(`a${i}`, cluster.keys.map((r) => ({ key: r.key })), { 'author-only': true }), citation(`c${i}`, cluster.keys, { 'suppress-author': true })]
    : [citation(`c${i}`, cluster.keys)]);
  const withItems = citations.filter((c) => c.citationItems.length > 0);
  const rendered = { text: new Map<string, string>(), html: new Map<string, string>() };
  if (withItems.length > 0) {
    const cited = new Set(withItems.flatMap((c) => c.citationItems.map((i) => i.id as string)));
    const uncited = [...library.keys()].filter((id) => !cited.has(id));
    const engine = engineFor(library, options, 'text');
    try {
      for (const mode of ['text', 'html'] as const) {
        // Registered before the cited ones: citeproc keeps uncited items when it registers the
        // cited, so every citation is disambiguated against the whole reference list.
        engine.updateUncitedItems(uncited);
        for (const [id, , output] of engine.rebuildProcessorState(withItems, mode, uncited)) {
          rendered[mode].set(id, replaceOthers(output, options.lang, mode === 'html'));
        }
        resetEngine(engine);
      }
    } finally {
      resetEngine(engine);
    }
  }
  const layout = citationLayout(options.style);
  return clusters.map((cluster, i) => {
    const unknown = unknownByCluster[i]!;
    const authors = cluster.narrative && rendered.text.has(`a${i}`);
    const part = (mode: 'text' | 'html') => {
      const year = rendered[mode].get(`c${i}`);
      return authors ? `${narrativeAuthors(rendered[mode].get(`a${i}`)!, options.lang)} ${year ?? ''}`.trim() : year;
    };
    return {
      text: withUnknown(part('text'), unknown, layout, false),
      html: withUnknown(part('html'), unknown, layout, true),
      unknownKeys: unknown,
    };
  });
}

/**
 * The authors of a narrative citation as running text: APA writes "&" only inside parentheses, so the
 * style's "&" before the last author becomes the locale's word ("Sundell och Östberg (2007)").
 */
function narrativeAuthors(authors: string, lang: CitationLang): string {
  return authors.replace(/\s(?:&#38;|&amp;|&)\s(?!.*\s(?:&#38;|&amp;|&)\s)/, ` ${localeTerm(lang, 'and')} `);
}

/** One cluster, e.g. from `findCitations('[@sundell2007, s. 12]')[0]`. */
export function formatCitation(cluster: Pick<CitationCluster, 'keys' | 'narrative'>, items: readonly CslItem[], options: CiteOptions): FormattedCitation {
  return formatCitations([cluster], items, options)[0]!;
}

/** The reference list for `items`, in the style's order (APA: by author, then year). */
export function formatBibliography(items: readonly CslItem[], options: CiteOptions): BibliographyEntry[] {
  checkOptions(options);
  const library = prepareItems(items);
  if (library.size === 0) return [];
  const engine = engineFor(library, options, 'html');
  try {
    engine.updateItems([...library.keys()]);
    const html = engine.makeBibliography();
    engine.setOutputFormat('text');
    const text = engine.makeBibliography();
    if (!html || !text) return [];
    return html[0].entry_ids.map(([id], i) => ({
      id: id!,
      text: replaceOthers(text[1][i]!.trim(), options.lang, false),
      html: replaceOthers(html[1][i]!.trim().replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, '$1'), options.lang, true),
    }));
  } finally {
    resetEngine(engine);
  }
}

/** Builds (and caches) the engine for a style and language, so the first real request is not the slow one. */
export function warmUpCitations(options: CiteOptions): void {
  checkOptions(options);
  resetEngine(engineFor(new Map(), options, 'text'));
}
