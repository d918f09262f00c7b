// The bulk import's view never prepares a document on the main thread: a file whose summary is not
// prepared for its family's current name rules (read meanwhile, or a name confirmed since) is shown
// as still being read, and the job as running, until viewJob has prepared it in the worker pool; a
// commit waits for every summary (settledView). Before, the view prepared such files on the spot,
// which stalled the server for 50–80 ms on each poll of a large import.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Study } from '../../server/domain/types.ts';
import { nameRule } from '../../server/domain/pseudonymise-names.ts';
import { describeJob, settledView, viewJob } from '../../server/import/bulk-import-view.ts';
import { BulkImports, type BulkJob } from '../../server/import/bulk-imports.ts';

const test = suite('bulk import view');
const KEY = new Uint8Array(32).fill(7);
const NOW = new Date('2026-11-30T10:00:00Z');

const TEXT = (n: number) =>
  `2019-03-14 Journalanteckning ${n}\nMormor Zarina ringde. Mamma (19900101-2385) nåddes inte.\n\n2020-01-02 Uppföljning ${n}\nHembesök.`;

/** A study with the one family the job's files belong to, as the view reads it. */
function study(): Study {
  return { families: [{ id: 'fam-1', pseudonym: 'Familj 1', nameRules: [] }], documents: [] } as unknown as Study;
}

async function readyJob(): Promise<{ jobs: BulkImports; job: BulkJob }> {
  const jobs = new BulkImports(() => NOW, { suggest: async () => [] });
  const files = [0, 1].map((n) => ({ name: `fam-1/akt-${n}.txt`, familyId: 'fam-1', bytes: new TextEncoder().encode(TEXT(n)) }));
  const job = jobs.start({ ownerId: 'u-lead', studyId: 's', exclude: [], files });
  for (let i = 0; i < 500 && job.state === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.is(job.state, 'ready');
  return { jobs, job };
}

test('a file without a current summary shows as being read until viewJob has prepared it', async () => {
  const { job } = await readyJob();
  const s = study();

  const before = describeJob(job, s, KEY, NOW);
  assert.equal(before.files.map((f) => f.state), ['reading', 'reading'], 'read, but nothing prepared yet');
  assert.is(before.state, 'running');
  assert.is(before.done, 0);
  assert.is(before.documents, 0);

  const prepared = await viewJob(job, s, KEY, NOW);
  assert.equal(prepared.files.map((f) => f.state), ['ready', 'ready']);
  assert.is(prepared.state, 'ready');
  assert.is(prepared.families[0]!.preview.counts.personnummer, 2);
  assert.is(prepared.families[0]!.preview.counts.namn, 0);

  // A name confirmed since: the summaries are stale, and describing alone does not prepare them.
  s.families[0]!.nameRules = [nameRule(KEY, 'Zarina', 'mormor')];
  const stale = describeJob(job, s, KEY, NOW);
  assert.equal(stale.files.map((f) => f.state), ['reading', 'reading']);
  assert.is(stale.state, 'running');
  assert.equal(stale.families[0]!.preview.counts.namn, 0);

  const again = await viewJob(job, s, KEY, NOW);
  assert.is(again.state, 'ready');
  assert.is(again.families[0]!.preview.counts.namn, 2, 'the name is counted once the files are prepared with the rule');
});

test('settledView answers only with every summary prepared for the current rules', async () => {
  const { job } = await readyJob();
  const s = study();
  s.families[0]!.nameRules = [nameRule(KEY, 'Zarina', 'mormor')];
  const view = await settledView(job, s, KEY, NOW);
  assert.is(view.state, 'ready');
  assert.equal(view.files.map((f) => f.state), ['ready', 'ready']);
  assert.is(view.families[0]!.preview.counts.namn, 2);
});

test('duplicates: of an earlier file (by bytes or by prepared text) and of a stored document, but never of the job\'s own documents', async () => {
  const jobs = new BulkImports(() => NOW, { suggest: async () => [] });
  const bytes = (text: string) => new TextEncoder().encode(text);
  const files = [
    { name: 'fam-1/a.txt', familyId: 'fam-1', bytes: bytes(TEXT(1)) },
    { name: 'fam-1/b.txt', familyId: 'fam-1', bytes: bytes(TEXT(2)) },
    { name: 'fam-1/a-kopia.txt', familyId: 'fam-1', bytes: bytes(TEXT(1)) }, // the same bytes as a.txt
    { name: 'fam-1/a-crlf.txt', familyId: 'fam-1', bytes: bytes(TEXT(1).replaceAll('\n', '\r\n')) }, // the same text once prepared
  ];
  const job = jobs.start({ ownerId: 'u-lead', studyId: 's', exclude: [], files });
  for (let i = 0; i < 500 && job.state === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const s = study();
  const view = await viewJob(job, s, KEY, NOW);
  const duplicates = view.files.map((f) => f.warnings.find((w) => w.code === 'duplicate'));
  assert.equal(duplicates.map((w) => w?.duplicateOf), [undefined, undefined, 0, 0]);
  assert.is(view.documents, 2);

  // b.txt's text is stored already (under another id); once the job is committed its own documents are not duplicates.
  (s as { documents: unknown[] }).documents = [{ id: 'd-lagrad', sha256: job.files[1]!.summary!.sha256 }];
  const stored = describeJob(job, s, KEY, NOW).files[1]!.warnings.find((w) => w.code === 'duplicate');
  assert.is(stored?.document, 'd-lagrad');
  job.committed = { documents: ['d-lagrad'], skipped: 0 };
  assert.is(describeJob(job, s, KEY, NOW).files[1]!.warnings.find((w) => w.code === 'duplicate'), undefined);
});

test("a family's suggested names: its ready files' merged, less the names a rule catches, as files and rules change", async () => {
  // Suggestions by file: the first names Zarina, the second Zarina and Noah.
  const suggest = async (raw: string | Uint8Array) => {
    const text = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
    return [
      { name: 'Zarina', count: 1, contexts: ['Mormor Zarina ringde.'] },
      ...(text.includes('Uppföljning 1') ? [{ name: 'Noah', count: 2, contexts: ['Noah'] }] : []),
    ];
  };
  const jobs = new BulkImports(() => NOW, { suggest });
  const files = [0, 1].map((n) => ({ name: `fam-1/akt-${n}.txt`, familyId: 'fam-1', bytes: new TextEncoder().encode(TEXT(n)) }));
  const job = jobs.start({ ownerId: 'u-lead', studyId: 's', exclude: [], files });
  for (let i = 0; i < 500 && job.state === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const s = study();
  const suggested = (view: Awaited<ReturnType<typeof viewJob>>) => view.families[0]!.suggestedNames.map((n) => [n.name, n.count]);

  const both = await viewJob(job, s, KEY, NOW);
  assert.equal(suggested(both), [['Noah', 2], ['Zarina', 2]]);
  // The second file turns out a duplicate of a stored document: it is not stored, so neither are its names.
  (s as { documents: unknown[] }).documents = [{ id: 'd-lagrad', sha256: job.files[1]!.summary!.sha256 }];
  assert.equal(suggested(describeJob(job, s, KEY, NOW)), [['Zarina', 1]]);
  (s as { documents: unknown[] }).documents = [];
  assert.equal(suggested(describeJob(job, s, KEY, NOW)), [['Noah', 2], ['Zarina', 2]]);
  // A rule for Noah: no longer suggested (the view hashes each name once and remembers it).
  s.families[0]!.nameRules = [nameRule(KEY, 'Noah', 'Barn 1')];
  assert.equal(suggested(await viewJob(job, s, KEY, NOW)), [['Zarina', 2]]);
});

test.run();
