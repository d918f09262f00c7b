// What the study search indexes, one builder per source: the sections of a document (its dated
// entries and the text before them), annotations, reflections, appraisal comments, memos and a
// målgruppsinventering's rating reasons, all as records of one shape.
import { markdownText } from '../domain/markdown.ts';
import { lastStartingAtOrBefore } from '../domain/sorted-spans.ts';
import type { InvestigationAppraisal } from '../domain/checklist/checklist-types.ts';
import type { InventoryChild, InventoryRating } from '../domain/inventory/inventory-types.ts';
import type { Annotation, DocumentMeta, Entry, HitType, Memo } from '../domain/types.ts';
import type { StoredReflection } from '../store/family-collections.ts';
import type { RankedDocument } from './ranked-index.ts';
import { HEAD_BYTES } from './search-snippet.ts';

export interface IndexedRecord extends RankedDocument {
  type: HitType;
  familyId: string | null;
  documentId: string | null;
  start: number | null;
  /** Where an entry ends in its document (to match coded passages); null for the others. */
  end: number | null;
  questionId: string | null;
  authorId: string | null;
  year: number | null;
  /** What a coding or a code memo names: the annotation id, "<familyId>:<key>" of a reflection, a memo's code id; an appraisal's id; a rating's child id. */
  ref: string | null;
  /**
   * An entry's place in its document's UTF-8 bytes; null for the others. Once an entry is indexed its
   * `text` is dropped and its snippet read from there: the study search keeps each document as UTF-8
   * (a case file's JS string is mostly two bytes a character: one dash makes all of it so).
   */
  byteStart: number | null;
  byteEnd: number | null;
  /** Where an entry's head (see entryHeads) starts in its document's heads; null for the others. */
  headAt: number | null;
}

/**
 * Every indexed record is made here, in one shape. Its nullable number fields are widened first (a
 * record with nulls, one with numbers): otherwise the first annotation (end: null) after thousands of
 * entries (end: a number) changes the shape, and each older record is converted when a search first
 * touches it, which made the first searches after a start several times slower.
 */
function record(r: IndexedRecord): IndexedRecord {
  return {
    id: r.id, title: r.title, text: r.text, type: r.type, familyId: r.familyId, documentId: r.documentId, start: r.start, end: r.end,
    questionId: r.questionId, authorId: r.authorId, year: r.year, ref: r.ref, byteStart: r.byteStart, byteEnd: r.byteEnd, headAt: r.headAt,
  };
}
for (const [n, s] of [[null, null], [0, '']] as const) {
  record({ id: '', title: '', text: '', type: 'entry', familyId: s, documentId: s, start: n, end: n, questionId: s, authorId: s, year: n, ref: s, byteStart: n, byteEnd: n, headAt: n });
}

/** Each of `offsets` (ascending, into `text`) as an offset into its UTF-8 bytes. Entries start and end at line breaks, never inside a surrogate pair. */
function utf8Offsets(text: string, offsets: readonly number[]): number[] {
  let char = 0;
  let byte = 0;
  return offsets.map((offset) => {
    byte += Buffer.byteLength(text.slice(char, offset));
    char = offset;
    return byte;
  });
}

const yearOf = (isoDate: string): number | null => (/^\d{4}/.test(isoDate) ? Number(isoDate.slice(0, 4)) : null);

/** The year of the dated entry that contains `offset` (entries are in text order). */
function yearAt(entries: readonly Entry[], offset: number): number | null {
  const entry = entries[lastStartingAtOrBefore(entries, offset)];
  return entry ? yearOf(entry.date) : null;
}

/** A document's dated entries, and the text before the first of them (a file's header, or an undated document), as records. */
export function entryRecords(meta: DocumentMeta, text: string, entries: readonly Entry[]): IndexedRecord[] {
  const sections = [
    { start: 0, end: entries[0]?.start ?? text.length, title: meta.title, year: null },
    ...entries.map((e) => ({ ...e, title: `${e.date} ${e.title}`.trim(), year: yearOf(e.date) })),
  ];
  const kept = sections.filter((e) => e.end > e.start && text.slice(e.start, e.end).trim());
  const ends = [...new Set(kept.flatMap((e) => [e.start, e.end]))].sort((a, b) => a - b);
  const bytes = new Map(utf8Offsets(text, ends).map((byte, i) => [ends[i]!, byte]));
  let headAt = 0;
  return kept.map((e) => {
    const byteStart = bytes.get(e.start)!;
    const byteEnd = bytes.get(e.end)!;
    const r = record({
      id: `e:${meta.id}:${e.start}`, type: 'entry' as const, title: e.title, text: text.slice(e.start, e.end),
      familyId: meta.familyId, documentId: meta.id, start: e.start, end: e.end, questionId: null, authorId: null, year: e.year, ref: null,
      byteStart, byteEnd, headAt,
    });
    headAt += Math.min(byteEnd - byteStart, HEAD_BYTES);
    return r;
  });
}

/**
 * The heads of a document's entries (records from entryRecords) in one buffer: each entry's first
 * HEAD_BYTES bytes, or all of a shorter one, at its `headAt`. The study search keeps these, not the
 * texts: at ten times the bench study, 200 MB instead of 440.
 */
export function entryHeads(text: string, records: readonly IndexedRecord[]): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const last = records.at(-1);
  const heads = Buffer.allocUnsafeSlow(last ? last.headAt! + Math.min(last.byteEnd! - last.byteStart!, HEAD_BYTES) : 0);
  for (const r of records) bytes.copy(heads, r.headAt!, r.byteStart!, Math.min(r.byteEnd!, r.byteStart! + HEAD_BYTES));
  return heads;
}

/** An annotation's comment and quote, titled by its question and dated by the entry it marks. */
export function annotationRecord(familyId: string, a: Annotation, questions: ReadonlyMap<string, string>, entries: readonly Entry[]): IndexedRecord {
  return record({
    id: `a:${a.id}`, type: 'annotation' as const, title: questions.get(a.questionId) ?? a.questionId, text: `${markdownText(a.comment)}\n${a.target.exact}`.normalize('NFC'),
    familyId, documentId: a.documentId, start: a.target.start, end: null, questionId: a.questionId, authorId: a.authorId,
    year: yearAt(entries, a.target.start), ref: a.id, byteStart: null, byteEnd: null, headAt: null,
  });
}

/** A reflection (or the summary, key 'summary'), titled by its question. */
export function reflectionRecord(familyId: string, key: string, r: StoredReflection, questions: ReadonlyMap<string, string>): IndexedRecord {
  return record({
    id: `r:${familyId}:${key}`, type: 'reflection' as const, title: key === 'summary' ? 'Sammanfattning' : questions.get(key) ?? key, text: markdownText(r.text).normalize('NFC'),
    familyId, documentId: null, start: null, end: null, questionId: key === 'summary' ? null : key, authorId: r.updatedBy, year: null,
    ref: `${familyId}:${key}`, byteStart: null, byteEnd: null, headAt: null,
  });
}

/** Where an appraisal's investigation starts: its id is `<documentId>:<startEntryIndex>`. */
export function appraisalPlace(a: InvestigationAppraisal): { documentId: string; entryIndex: number } {
  const colon = a.id.lastIndexOf(':');
  return { documentId: a.id.slice(0, Math.max(0, colon)), entryIndex: Number(a.id.slice(colon + 1)) };
}

/**
 * An appraisal's comment as a hit: titled and dated by the start in effect (the appraisal's own
 * correction, else the start entry's date), placed at the start entry when its document is known.
 */
export function appraisalRecord(familyId: string, a: InvestigationAppraisal, entriesOf: ReadonlyMap<string, readonly Entry[]>): IndexedRecord {
  const { documentId, entryIndex } = appraisalPlace(a);
  const entry = entriesOf.get(documentId)?.[entryIndex];
  const start = a.start ?? entry?.date ?? null;
  return record({
    id: `b:${a.id}`, type: 'appraisal', title: start ? `Bedömning av utredning ${start}` : 'Bedömning av utredning', text: a.comment.normalize('NFC'),
    familyId, documentId: documentId || null, start: entry?.start ?? null, end: null, questionId: null, authorId: a.updatedBy,
    year: start ? yearOf(start) : null, ref: a.id, byteStart: null, byteEnd: null, headAt: null,
  });
}

/** A memo; a code memo names its code (for the code filter), a meta-reflection its question. */
export function memoRecord(m: Memo, questions: ReadonlyMap<string, string>): IndexedRecord {
  // A meta-reflection is about "<familyId>:<key>"; its key is a question id or 'summary'.
  let questionId: string | null = null;
  if (m.about.type === 'reflection') {
    const key = m.about.id.slice(m.about.id.indexOf(':') + 1);
    if (questions.has(key)) questionId = key;
  }
  return record({
    id: `m:${m.id}`, type: 'memo', title: m.title.normalize('NFC'), text: markdownText(m.body).normalize('NFC'),
    familyId: m.familyId, documentId: null, start: null, end: null, questionId, authorId: m.authorId, year: null,
    ref: m.about.type === 'code' ? m.about.id : null, byteStart: null, byteEnd: null, headAt: null,
  });
}

/** A rating's reason as a hit, titled by the child's pseudonym; a second rater's says so. */
export function ratingRecord(r: InventoryRating, child: InventoryChild): IndexedRecord {
  const second = r.raterId !== child.caseworkerId;
  return record({
    id: `g:${r.id}`, type: 'rating', title: `${child.pseudonym}${second ? ' – andra bedömningen' : ''}`.normalize('NFC'), text: r.reason.normalize('NFC'),
    familyId: null, documentId: null, start: null, end: null, questionId: null, authorId: r.raterId, year: null, ref: child.id,
    byteStart: null, byteEnd: null, headAt: null,
  });
}
