// The study's reference library as stored (one record per work, id = its citation key) and as the API
// shows it, with the rules for keys and for CSL items that clients write by hand.
//
// Two names differ between storage and the API. CSL has a variable `version` (a software or data
// set version), and the API uses `version` for the record's version, which clients echo back in
// If-Match. The stored CSL item therefore lives in its own field, and the CSL variable travels as
// `csl-version` in the API: a client that sends back an item it was given cannot turn the record
// version into a software version by accident.
import { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';
import { type CslItem, DATE_VARIABLES, ITEM_TYPES, issuedYear, NAME_VARIABLES, normaliseItem } from './csl-item.ts';

export interface StoredReference {
  /** The citation key, as cited in Markdown: `[@sundell2007]`. */
  id: string;
  /** The CSL-JSON item, cleaned by normaliseItem; its id and citation-key are the key. */
  csl: CslItem;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** A reference as the API shows it: the CSL variables at the top level, with the record's own fields. */
export type ReferenceView = Omit<CslItem, 'version'> & {
  id: string;
  version: number;
  'csl-version'?: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** With `?style=…&lang=…`: the reference as the reference list prints it. */
  formatted?: { text: string; html: string };
};

export function referenceView(ref: StoredReference): ReferenceView {
  const { version: cslVersion, ...csl } = ref.csl;
  return {
    ...csl,
    ...(cslVersion !== undefined ? { 'csl-version': String(cslVersion) } : {}),
    id: ref.id,
    version: ref.version,
    createdBy: ref.createdBy,
    createdAt: ref.createdAt,
    updatedBy: ref.updatedBy,
    updatedAt: ref.updatedAt,
  };
}

/**
 * A key that works both in a URL path and as a plain Pandoc citation `[@key]`: ASCII letters, digits
 * and `_`, with single `:`, `.` or `-` between them (Pandoc ends a key at punctuation that is not
 * followed by a letter or digit, so `smith.` would be cited as `smith`), at most 100 characters.
 */
const CITABLE_KEY = /^[A-Za-z0-9_](?:[:.-]?[A-Za-z0-9_])*$/;
export const MAX_KEY_LENGTH = 100;

export function isCitableKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && CITABLE_KEY.test(key);
}

/** The most references one study's library holds: formatting a reference list costs a few ms per work. */
export const MAX_LIBRARY = 10_000;

// ——— CSL items written by clients (POST of one item, PATCH) ———

// CSL 1.0.2's standard (string and number) variables, plus the CSL-JSON schema's own extras.
const STANDARD_VARIABLES = [
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority',
  'call-number', 'chapter-number', 'citation-label', 'citation-number', 'collection-number', 'collection-title',
  'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'edition', 'event', 'event-place',
  'event-title', 'first-reference-note-number', 'genre', 'ISBN', 'ISSN', 'issue', 'jurisdiction', 'keyword',
  'language', 'license', 'locator', 'medium', 'note', 'number', 'number-of-pages', 'number-of-volumes',
  'original-publisher', 'original-publisher-place', 'original-title', 'page', 'page-first', 'part', 'part-number',
  'part-title', 'PMCID', 'PMID', 'printing', 'printing-number', 'publisher', 'publisher-place', 'references',
  'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status', 'supplement', 'supplement-number',
  'title', 'title-short', 'URL', 'volume', 'volume-title', 'volume-title-short', 'year-suffix',
  'journalAbbreviation', 'shortTitle',
];
// Fields of the record, not of the work: accepted (a client may send back what it was given) and ignored.
const RECORD_FIELDS = ['version', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'];

const MAX_TEXT = 20_000;
const scalar = z.union([z.string().max(MAX_TEXT), z.number().finite()]).transform(String);
const namePart = z.union([z.string().max(500), z.number().finite()]);
const name = z.union([
  z.string().max(500),
  z.object({
    family: namePart, given: namePart, literal: namePart, suffix: namePart,
    'non-dropping-particle': namePart, 'dropping-particle': namePart,
    'comma-suffix': z.unknown(), 'static-ordering': z.unknown(), 'parse-names': z.unknown(),
  }).partial().strict(),
]);
const datePart = z.union([z.number().int(), z.string().regex(/^-?\d{1,5}$/)]);
const date = z.union([
  z.string().max(200),
  z.number().int(),
  z.object({
    'date-parts': z.array(z.array(datePart).max(3)).max(2),
    raw: z.string().max(200), literal: z.string().max(200), season: z.union([z.string().max(50), z.number()]),
    circa: z.union([z.string().max(50), z.number(), z.boolean()]),
  }).partial().strict(),
]);
const keyInput = z.union([z.string().max(1000), z.number().finite()]).transform((v) => String(v).trim());

function itemShape(nullable: boolean) {
  const field = <T extends z.ZodType>(schema: T) => (nullable ? schema.nullable().optional() : schema.optional());
  const shape: Record<string, z.ZodType> = {
    id: keyInput.optional(),
    'citation-key': keyInput.optional(),
    type: z.enum([...ITEM_TYPES] as [string, ...string[]]).optional(),
    'csl-version': field(scalar),
    // Zotero's CSL-JSON may carry these; they are not printed and are dropped.
    categories: z.array(z.string().max(500)).max(500).optional(),
    custom: z.record(z.string().max(100), z.unknown()).optional(),
  };
  for (const v of STANDARD_VARIABLES) shape[v] = field(scalar);
  for (const v of NAME_VARIABLES) shape[v] = field(z.array(name).max(2000));
  for (const v of DATE_VARIABLES) shape[v] = field(date);
  for (const f of RECORD_FIELDS) shape[f] = z.unknown().optional();
  return z.object(shape).strict();
}

/** POST of one CSL-JSON item. Unknown fields are refused (422), numbers become strings. */
export const cslItemSchema = itemShape(false);
/** PATCH: the same fields; `null` removes one. */
export const cslPatchSchema = itemShape(true);

/** The CSL variables of a validated body, with `csl-version` back under CSL's own name. */
function cslFields(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || k === 'id' || k === 'citation-key' || RECORD_FIELDS.includes(k)) continue;
    out[k === 'csl-version' ? 'version' : k] = v;
  }
  return out;
}

/** The key a posted item names (its `citation-key`, else its `id`), or undefined when it names none. */
export function ownKey(input: Record<string, unknown>): string | undefined {
  for (const field of ['citation-key', 'id']) {
    const value = input[field];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

function requireTitle(item: CslItem): void {
  if (typeof item.title !== 'string' || !item.title.trim()) throw new ValidationError('Referensen behöver en titel.', 'validation');
}

/** A posted item, cleaned, under `key`. */
export function newItem(input: Record<string, unknown>, key: string): CslItem {
  const item = normaliseItem(cslFields(input), key);
  requireTitle(item);
  return item;
}

/** `current` with the patch applied: fields replaced, `null` removing one; the key cannot change. */
export function patchItem(current: CslItem, patch: Record<string, unknown>, key: string): CslItem {
  const asked = ownKey(patch);
  if (asked !== undefined && asked !== key) {
    throw new ValidationError('Nyckeln kan inte ändras: lägg in referensen under den nya nyckeln och ta bort den gamla.', 'key_change');
  }
  if ('title' in patch && (patch.title === null || (typeof patch.title === 'string' && !patch.title.trim()))) {
    throw new ValidationError('Referensen behöver en titel.', 'validation');
  }
  const next: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(cslFields(patch))) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return normaliseItem(next, key);
}

// ——— order ———

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** The first creator's sort name: the family name (a particle such as "van" is a separate CSL part) or the literal. */
function sortName(item: CslItem): string {
  for (const variable of ['author', 'editor', ...NAME_VARIABLES]) {
    const names = item[variable];
    if (Array.isArray(names) && names.length) {
      const n = names[0] as Record<string, string | undefined>;
      return n.family ?? n.literal ?? n.given ?? '';
    }
  }
  return typeof item.title === 'string' ? item.title : '';
}

/** By first author, then year (works without a year last), then title, then key. */
export function sortReferences<T extends { csl: CslItem; id: string }>(refs: readonly T[]): T[] {
  const keyed = refs.map((ref) => ({ ref, name: sortName(ref.csl), year: issuedYear(ref.csl), title: String(ref.csl.title ?? '') }));
  keyed.sort((a, b) =>
    collator.compare(a.name, b.name) ||
    (a.year === b.year ? 0 : a.year === undefined ? 1 : b.year === undefined ? -1 : Number(a.year) - Number(b.year)) ||
    collator.compare(a.title, b.title) ||
    (a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0));
  return keyed.map((k) => k.ref);
}
