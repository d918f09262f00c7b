// Building the search index lets the event loop through while it works, so that requests are
// answered meanwhile: a family's thousands of annotations, and the pass over a large index's posting
// lists after an import, are done a turn at a time. Turns are counted, never timed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeTarget } from '../../server/domain/anchoring.ts';
import type { Annotation } from '../../server/domain/types.ts';
import { RankedIndex } from '../../server/search/ranked-index.ts';
import { StudySearch } from '../../server/search/study-search.ts';
import { annotations } from '../../server/store/family-collections.ts';
import { makeTestApp } from '../setup/app.ts';
import { turnsDuring } from '../setup/event-loop-turns.ts';

const test = suite('search index in turns');

test("a family's 2,000 new annotations are indexed over many turns, and all of them are found", async () => {
  const t = await makeTestApp();
  try {
    const repo = t.store.study('mini')!;
    const search = new StudySearch(repo);
    await search.sync();
    const doc = repo.study.documents.find((d) => d.familyId === 'fam-1')!;
    const { text } = await repo.documents.read(doc.id);
    const author = repo.study.members.find((m) => m.role === 'caseworker')!.userId;
    const now = new Date().toISOString();
    const added = Array.from({ length: 2000 }, (_, i): Annotation => ({
      id: `a-turns${String(i).padStart(5, '0')}`,
      documentId: doc.id,
      familyId: 'fam-1',
      questionId: repo.study.questions[0]!.id,
      target: makeTarget(text, 0, 20),
      comment: `Vändpunkt nummer ${i}: **samverkan** med skolan.`,
      knownAtTheTime: true,
      authorId: author,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }));
    await repo.mutateFamily('fam-1', (tx) => added.forEach((a) => tx.put(annotations, a)));

    const { turns } = await turnsDuring(() => search.sync());
    assert.ok(turns >= 5, `${turns} turns`);
    const found = await search.search('vändpunkt', { families: new Set(['fam-1']), limit: 0 });
    assert.is(found.total, 2000);
  } finally {
    await t.cleanup();
  }
});

test('preparing an index of few words in many documents takes turns by postings, not by words', async () => {
  const index = new RankedIndex<{ id: string; title: string; text: string }>();
  // 50 words, each in all 20,000 documents: a million postings.
  const words = Array.from({ length: 50 }, (_, i) => `ord${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
  index.add(Array.from({ length: 20_000 }, (_, i) => ({ id: `d${i}`, title: '', text: words.join(' ') })));
  const { turns } = await turnsDuring(() => index.prepare());
  assert.ok(turns >= 3, `${turns} turns`);
  assert.is(index.search(words[7]!, { limit: 0 }).total, 20_000, 'the postings are whole after the pass');
});

test.run();
