// A study's references in use: which keys its Markdown cites (memos, code descriptions, caseworkers'
// reflections and annotation comments) or its codes and memos link to, and the formatted reference
// list for a set of works. Both are cached per study and revision: formatting costs a few
// milliseconds per work (citeproc-js is synchronous), and the citations route needs the study's
// cited set on every render, so that "Lindqvist, 2019a" in a memo agrees with the reference list.
import { createHash } from 'node:crypto';
import { DomainError, ValidationError } from '../domain/errors.ts';
import { annotations, reflections } from '../store/family-collections.ts';
import { Lru } from '../store/lru.ts';
import { codes, memos, references } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { type BibliographyEntry, CITATION_STYLES, type CiteOptions } from './cite.ts';
import { formatBibliography } from './citations.ts';
import type { CslItem } from './csl-item.ts';
import { findCitations } from './find-citations.ts';

// ——— options ———

const LANGS: Record<string, CiteOptions['lang']> = { sv: 'sv-SE', 'sv-se': 'sv-SE', en: 'en-US', 'en-us': 'en-US' };

/** `?style=apa&lang=sv` (the defaults) → options; an unknown style or language is 422. */
export function citeOptions(query: { style?: string | undefined; lang?: string | undefined }): CiteOptions {
  const style = query.style ?? 'apa';
  const asked = (query.lang ?? 'sv').toLowerCase();
  const lang = Object.hasOwn(LANGS, asked) ? LANGS[asked] : undefined;
  if (!(CITATION_STYLES as readonly string[]).includes(style)) {
    throw new ValidationError(`Referensstilen finns inte. Välj ${CITATION_STYLES.join(', ')}.`, 'invalid_citation_style');
  }
  if (!lang) throw new ValidationError('Språket stöds inte för referenser. Välj sv eller en.', 'invalid_citation_style');
  return { style: style as CiteOptions['style'], lang };
}

// ——— the library ———

/** 422 naming the keys concerned (`keys` in the error body): citation keys, not case data. */
export class ReferenceKeyError extends DomainError {
  readonly status = 422;
  constructor(code: 'unknown_reference' | 'duplicate_key', message: string, keys: string[]) {
    super(code, message, { keys });
  }
}

/** The study's references as CSL items, in storage order. */
export function libraryItems(repo: StudyRepo): CslItem[] {
  return repo.records.list(references).map((r) => r.csl);
}

/**
 * The keys of `keys` without repeats, after checking that each exists (`exists`), except those in
 * `kept`: a link made before its reference was deleted may stay, as a citation in a text does.
 * Unknown keys are 422 `unknown_reference`, with the keys in `keys` of the error body.
 */
export function checkReferenceLinks(keys: readonly string[], exists: (key: string) => boolean, kept: readonly string[] = []): string[] {
  const unique = [...new Set(keys)];
  const missing = unique.filter((key) => !kept.includes(key) && !exists(key));
  if (missing.length) {
    throw new ReferenceKeyError(
      'unknown_reference',
      missing.length === 1 ? 'En av referenserna finns inte i studiens referensbibliotek.' : `${missing.length} av referenserna finns inte i studiens referensbibliotek.`,
      missing,
    );
  }
  return unique;
}

// ——— what the study cites ———

interface CitedCache {
  revision: string;
  keys: string[];
}
const citedCache = new WeakMap<StudyRepo, CitedCache>();

function citedRevision(repo: StudyRepo): string {
  const families = repo.study.families.map((f) => repo.familyRevision(f.id, [annotations, reflections]));
  return `${repo.records.seqOf(memos)}:${repo.records.seqOf(codes)}:${repo.records.seqOf(references)}:${families.join(',')}`;
}

/** Every key the study cites in its Markdown or links from a code or memo, in order of first appearance. */
export function studyCitedKeys(repo: StudyRepo): string[] {
  const revision = citedRevision(repo);
  const cached = citedCache.get(repo);
  if (cached?.revision === revision) return cached.keys;
  const keys = new Set<string>();
  const known = new Set(libraryItems(repo).map((item) => String(item.id)));
  const cite = (markdown: string | undefined) => {
    if (!markdown || !markdown.includes('@')) return;
    for (const cluster of findCitations(markdown, known)) for (const ref of cluster.keys) keys.add(ref.key);
  };
  const link = (list: readonly string[] | undefined) => {
    for (const key of list ?? []) keys.add(key);
  };
  for (const memo of repo.records.list(memos)) {
    cite(memo.body);
    link(memo.references);
  }
  for (const code of repo.records.list(codes)) {
    cite(code.description);
    link(code.references);
  }
  for (const family of repo.study.families) {
    const data = repo.familyData(family.id);
    for (const reflection of Object.values(data.reflections)) cite(reflection.text);
    for (const annotation of data.annotations) cite(annotation.comment);
  }
  const list = [...keys];
  citedCache.set(repo, { revision, keys: list });
  return list;
}

// ——— formatted reference lists ———

const bibliographyCache = new WeakMap<StudyRepo, Lru<string, Promise<BibliographyEntry[]>>>();

/**
 * formatBibliography for works of the study's library, remembered until the library changes. A list
 * being formatted is shared by the requests that ask for it meanwhile; a failed one is not kept.
 */
export function studyBibliography(repo: StudyRepo, items: readonly CslItem[], options: CiteOptions): Promise<BibliographyEntry[]> {
  if (items.length === 0) return Promise.resolve([]);
  const ids = createHash('sha256').update(items.map((i) => i.id).sort().join('\n')).digest('base64url');
  const key = `${options.style}|${options.lang}|${repo.records.seqOf(references)}|${ids}`;
  const cache = bibliographyCache.get(repo) ?? new Lru<string, Promise<BibliographyEntry[]>>(8);
  bibliographyCache.set(repo, cache);
  const hit = cache.get(key);
  if (hit) return hit;
  const entries = formatBibliography(items, options);
  cache.set(key, entries);
  entries.catch(() => cache.delete(key));
  return entries;
}
