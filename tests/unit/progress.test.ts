// studyProgress and entriesRead on a hand-made study: two families, three documents, three people.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { entriesRead, studyProgress, type FamilyRecords } from '../../server/domain/progress.ts';
import type { Annotation, DocumentMeta, Family, Study } from '../../server/domain/types.ts';

const doc = (id: string, familyId: string, entryCount: number) => ({ id, familyId, entryCount }) as DocumentMeta;
const family = (id: string, assignedTo: string[]) => ({ id, pseudonym: `Familj ${id}`, activeFrom: '2010-01-01', activeTo: null, assignedTo }) as Family;
const note = (id: string, authorId: string, questionId: string) => ({ id, authorId, questionId, familyId: 'x', documentId: 'x' }) as Annotation;
const read = (userId: string, documentId: string, reached: number) => ({ userId, documentId, reached });

const study: Pick<Study, 'families' | 'documents' | 'questions'> = {
  questions: [
    { id: 'q1', label: 'Tidiga tecken', text: '…' },
    { id: 'q2', label: 'Öppningar', text: '…' },
  ],
  families: [family('a', ['anna', 'bo']), family('b', ['bo'])],
  documents: [doc('d1', 'a', 10), doc('d2', 'a', 5), doc('d3', 'b', 0)],
};

const records: Record<string, FamilyRecords> = {
  a: {
    // anna: d1 up to entry 3 (4 entries), d2 up to 9 — past its end, so capped at 5 → 9 read.
    // bo: d1 entry 0 (1 entry). lead: d2 entry 1 (2 entries), not assigned but has read.
    // A reading of a document in another family does not count.
    reading: [read('anna', 'd1', 3), read('anna', 'd2', 9), read('bo', 'd1', 0), read('lead', 'd2', 1), read('anna', 'd3', 4)],
    annotations: [note('1', 'anna', 'q1'), note('2', 'anna', 'q1'), note('3', 'anna', 'q2'), note('4', 'bo', 'q2'), note('5', 'anna', 'gone')],
    reflections: { summary: { text: 'Klar.', updatedBy: 'bo' }, q1: { text: '  ', updatedBy: 'anna' }, q2: { text: 'Text', updatedBy: 'anna' } },
  },
  b: { reading: [], annotations: [], reflections: {} },
};

const names: Record<string, string> = { anna: 'Anna A', bo: 'Bo B', lead: 'Lena L' };

test('entriesRead sums the entries up to the highest reached per document, capped at the entry count', () => {
  assert.is(entriesRead(study.documents.filter((d) => d.familyId === 'a'), records.a!.reading, 'anna'), 9);
  assert.is(entriesRead(study.documents.filter((d) => d.familyId === 'a'), records.a!.reading, 'bo'), 1);
  assert.is(entriesRead(study.documents.filter((d) => d.familyId === 'a'), records.a!.reading, 'nobody'), 0);
  assert.is(entriesRead(study.documents.filter((d) => d.familyId === 'b'), records.a!.reading, 'anna'), 0, 'no entries to read');
});

test('studyProgress: assigned caseworkers first, then others who read or annotated; shared reflections', () => {
  const result = studyProgress(study, (id) => records[id]!, (id) => names[id] ?? 'Okänd användare');
  assert.equal(result, {
    questions: [{ id: 'q1', label: 'Tidiga tecken' }, { id: 'q2', label: 'Öppningar' }],
    families: [
      {
        id: 'a', pseudonym: 'Familj a', documentCount: 2, entryCount: 15,
        caseworkers: [
          { userId: 'anna', displayName: 'Anna A', entriesRead: 9, annotationsByQuestion: { q1: 2, q2: 1 }, reflectionsWritten: 1, summaryWritten: true },
          { userId: 'bo', displayName: 'Bo B', entriesRead: 1, annotationsByQuestion: { q1: 0, q2: 1 }, reflectionsWritten: 1, summaryWritten: true },
          { userId: 'lead', displayName: 'Lena L', entriesRead: 2, annotationsByQuestion: { q1: 0, q2: 0 }, reflectionsWritten: 1, summaryWritten: true },
        ],
      },
      {
        id: 'b', pseudonym: 'Familj b', documentCount: 1, entryCount: 0,
        caseworkers: [
          { userId: 'bo', displayName: 'Bo B', entriesRead: 0, annotationsByQuestion: { q1: 0, q2: 0 }, reflectionsWritten: 0, summaryWritten: false },
        ],
      },
    ],
  });
});

test.run();
