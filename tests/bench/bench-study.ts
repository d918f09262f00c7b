// The bench study, generated with a seed: 8 families × 3,000 entries (≈ 5 MB of text
// each) written as a study template, plus 20,000 annotations added after import. At scale N
// (`npm run bench -- --scale N`) 8 × N families and 20,000 × N annotations: copy k ≥ 2 of a family
// is `<id>-<k>` (e.g. familj-a-2), the same storyline with another seed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENTRY_START, generateCaseFile } from '../../studies/demo-komplexa-familjer/generator/case-file.ts';
import { familyIds, loadStoryline } from '../../studies/demo-komplexa-familjer/generator/storyline.ts';
import { DEMO_STUDY_DIR } from '../../server/seed/demo.ts';
import { makeTarget } from '../../server/domain/anchoring.ts';
import type { Annotation } from '../../server/domain/types.ts';
import type { Store } from '../../server/store/store.ts';
import { annotations as annotationRecords } from '../../server/store/family-collections.ts';

export const BENCH_STUDY = 'bench';
export const ENTRIES_PER_FAMILY = 3000;
export const ANNOTATIONS = 20_000;
/** Annotations per family at every scale, so a family's record file has the same size at ×1 and ×N. */
export const ANNOTATIONS_PER_FAMILY = 2_500;
/** Family A keeps its case file whole (the 5 MB reader row); the others come as 30 documents each. */
export const WHOLE_FAMILY = 'familj-a';
export const ENTRIES_PER_DOCUMENT = 100;

/** Splits a case file into documents of `n` entries each, at entry lines. */
export function splitByEntries(text: string, n: number): string[] {
  const lines = text.split('\n');
  const docs: string[] = [];
  let current: string[] = [];
  let entries = 0;
  for (const line of lines) {
    if (ENTRY_START.exec(line) && entries++ % n === 0 && current.length) {
      docs.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  docs.push(current.join('\n'));
  return docs;
}

export interface BenchFamily {
  id: string;
  /** The demo family whose storyline and template it copies. */
  base: string;
  /** Copy number: 1 is the demo family's own id. */
  copy: number;
  seed: number;
}

/** The bench study's families at `scale`: the 8 demo families, `scale` times (×1: the seeds it always had). */
export function benchFamilies(scale = 1): BenchFamily[] {
  const bases = familyIds();
  return Array.from({ length: scale }, (_, k) =>
    bases.map((base, i) => ({ id: k === 0 ? base : `${base}-${k + 1}`, base, copy: k + 1, seed: 1000 + k * bases.length + i })),
  ).flat();
}

/**
 * Writes the bench template (study.json + case files) into `dir`, one family at a time so that only
 * one case file is in memory; returns the total text size in bytes.
 */
export async function writeBenchTemplate(dir: string, scale = 1): Promise<number> {
  const demo = JSON.parse(await readFile(join(DEMO_STUDY_DIR, 'study.json'), 'utf8'));
  let bytes = 0;
  const families = [];
  for (const { id, base, copy, seed } of benchFamilies(scale)) {
    const text = generateCaseFile(loadStoryline(base), { seed, entryCount: ENTRIES_PER_FAMILY, detail: 80 });
    await mkdir(join(dir, 'families'), { recursive: true });
    const parts = id === WHOLE_FAMILY ? [text] : splitByEntries(text, ENTRIES_PER_DOCUMENT);
    const documents = [];
    for (const [n, part] of parts.entries()) {
      await writeFile(join(dir, 'families', `${id}-${n}.txt`), part);
      documents.push({ file: `families/${id}-${n}.txt`, title: `Akt ${id} del ${n + 1}` });
    }
    bytes += Buffer.byteLength(text);
    const template = demo.families.find((f: { id: string }) => f.id === base);
    const pseudonym = copy === 1 ? template.pseudonym : `${template.pseudonym} (${copy})`;
    families.push({ ...template, id, pseudonym, examples: undefined, documents });
  }
  // No research: its codings quote the demo's examples and case files, which the bench has neither of;
  // nor the references, which only the research cites.
  await writeFile(join(dir, 'study.json'), JSON.stringify({ ...demo, id: BENCH_STUDY, title: 'Benchstudie', research: undefined, references: undefined, families }));
  return bytes;
}

/** Adds 2,500 annotations per family, spread evenly over each family's documents. */
export async function addBenchAnnotations(store: Store): Promise<void> {
  const repo = store.study(BENCH_STUDY)!;
  const author = repo.study.members.find((m) => m.role === 'caseworker')!.userId;
  const perFamily = ANNOTATIONS_PER_FAMILY;
  const now = new Date().toISOString();
  for (const family of repo.study.families) {
    const docs = repo.study.documents.filter((d) => d.familyId === family.id);
    const texts = await Promise.all(docs.map(async (d) => (await repo.documents.read(d.id)).text));
    const perDoc = Math.ceil(perFamily / docs.length);
    const annotations = Array.from({ length: perFamily }, (_, i): Annotation => {
      const d = Math.floor(i / perDoc);
      const text = texts[d]!;
      const at = 10 + (i % perDoc) * Math.floor((text.length - 100) / perDoc);
      return {
        // familj-a → a-bencha000000 (as always), familj-a-2 → a-bencha-2000000
        id: `a-bench${family.id.replace(/^familj-/, '')}${String(i).padStart(6, '0')}`,
        documentId: docs[d]!.id,
        familyId: family.id,
        questionId: repo.study.questions[i % 3]!.id,
        target: makeTarget(text, at, at + 60),
        comment: 'Ett tecken som borde ha uppmärksammats *tidigare*.',
        knownAtTheTime: i % 2 === 0,
        authorId: author,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
    });
    await repo.mutateFamily(family.id, (tx) => annotations.forEach((a) => tx.put(annotationRecords, a)));
  }
}
