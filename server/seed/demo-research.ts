// A researcher's example work in the demo study (studies/<id>/research.json): codings of the
// caseworkers' annotations, reflections and unmarked passages, and memos. Written by hand against the
// pseudonymised text, so every segment is named by its quote; a quote that is not found exactly stops
// the seed, since a silently dropped coding would leave the demo quietly wrong. The researcher also
// adds the study's reference library, links codes to works in it and cites them in memos (`[@key]`);
// a key that is not in the library stops the seed too, rather than showing as unknown in the demo.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { findQuote, makeTarget } from '../domain/anchoring.ts';
import { segmentKey } from '../domain/codebook.ts';
import type { Code, Coding, CodingTarget, Memo, MemoAbout } from '../domain/types.ts';
import type { CslItem } from '../literature/csl-item.ts';
import { findCitations } from '../literature/find-citations.ts';
import { newId } from '../store/ids.ts';
import {
  codes as codeRecords, codings as codingRecords, memos as memoRecords, references as referenceRecords,
} from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { codesByPath } from './codebook-seed.ts';
import { referenceRecord } from './demo-references.ts';

/** A code by its names from the top of the codebook: ["Tidiga tecken", "Skolfrånvaro"]. */
const codePath = z.array(z.string().min(1)).min(1);
const family = z.string().min(1);
const quote = z.string().min(1);
/** Citation keys of the study's reference library. */
const referenceKeys = z.array(z.string().min(1)).min(1);

/** One segment and the codes it gets. */
const codingSchema = z.union([
  /** A caseworker's annotation, named by the quote it marks. */
  z.strictObject({ family, codes: z.array(codePath).min(1), annotation: quote }),
  /** A caseworker's reflection ('summary' or a question id), whole or, with `quote`, a passage of it. */
  z.strictObject({ family, codes: z.array(codePath).min(1), reflection: z.string().min(1), quote: quote.optional() }),
  /** A passage of the family's case file that no caseworker marked. */
  z.strictObject({ family, codes: z.array(codePath).min(1), passage: quote, prefix: z.string().optional() }),
]);

const memoSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** Markdown, one string per paragraph (joined with a blank line). */
  body: z.array(z.string()).min(1),
  about: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('study') }),
    z.strictObject({ type: z.literal('family'), family }),
    z.strictObject({ type: z.literal('code'), code: codePath }),
    z.strictObject({ type: z.literal('reflection'), family, key: z.string().min(1) }),
  ]),
});

export const researchSchema = z.strictObject({
  /** The researcher (a username) who coded and wrote the memos. */
  author: z.string().min(1),
  /** Codes of the codebook the researcher links to works of the library (Code.references). */
  codeReferences: z.array(z.strictObject({ code: codePath, references: referenceKeys })).optional(),
  codings: z.array(codingSchema),
  memos: z.array(memoSchema),
});

export type Research = z.infer<typeof researchSchema>;

/** Where a quote is in `text`, exactly (findQuote would also accept a near match). */
function exactly(text: string, q: string, prefix: string | undefined, where: string): { start: number; end: number } {
  const at = findQuote(text, q, prefix);
  if (!at || text.slice(at.start, at.end) !== q) throw new Error(`Research quote not found in ${where}: "${q.slice(0, 50)}…"`);
  return at;
}

/**
 * Adds the reference library `library`, and the code links, codings and memos in `path`, to the study,
 * by the research author, in one transaction.
 */
export async function addResearch(
  repo: StudyRepo, path: string, userId: (username: string) => string, now: string, library: readonly CslItem[] = [],
): Promise<void> {
  const research = researchSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const authorId = userId(research.author);
  const role = repo.study.members.find((m) => m.userId === authorId)?.role;
  if (role !== 'researcher' && role !== 'lead') throw new Error(`Research author ${research.author} is not a researcher in ${repo.id}`);

  const byPath = codesByPath(repo.records.list(codeRecords));
  const code = (names: string[]): Code => {
    const found = byPath.get(names.join('\u0000'));
    if (!found) throw new Error(`Research names a code that is not in the codebook: ${names.join(' › ')}`);
    return found;
  };
  const familyOf = (id: string) => {
    if (!repo.study.families.some((f) => f.id === id)) throw new Error(`Research names an unknown family: ${id}`);
    return id;
  };
  const reflectionText = (familyId: string, key: string): string => {
    const text = repo.familyData(familyId).reflections[key]?.text ?? '';
    if (!text.trim()) throw new Error(`Research codes the reflection ${familyId}:${key}, which is empty`);
    return text;
  };

  const known = new Set(library.map((item) => item.id));
  const checkKeys = (keys: readonly string[], where: string) => {
    const unknown = keys.filter((key) => !known.has(key));
    if (unknown.length) throw new Error(`Research cites references that are not in the study's library (${where}): ${unknown.join(', ')}`);
  };

  const linked: Code[] = [];
  for (const link of research.codeReferences ?? []) {
    const current = code(link.code);
    if (linked.some((c) => c.id === current.id)) throw new Error(`Research links the code ${link.code.join(' › ')} twice`);
    checkKeys(link.references, `the code ${link.code.join(' › ')}`);
    const keys = [...new Set([...(current.references ?? []), ...link.references])];
    linked.push({ ...current, references: keys, updatedBy: authorId, updatedAt: now, version: current.version + 1 });
  }

  const codings: Coding[] = [];
  const taken = new Set<string>();
  for (const entry of research.codings) {
    const familyId = familyOf(entry.family);
    let target: CodingTarget;
    if ('annotation' in entry) {
      const annotation = repo.familyData(familyId).annotations.find((a) => a.target.exact === entry.annotation);
      if (!annotation) throw new Error(`Research codes an annotation that does not exist in ${familyId}: "${entry.annotation.slice(0, 50)}…"`);
      target = { type: 'annotation', id: annotation.id };
    } else if ('reflection' in entry) {
      if (entry.reflection !== 'summary' && !repo.study.questions.some((q) => q.id === entry.reflection)) {
        throw new Error(`Research codes an unknown reflection: ${familyId}:${entry.reflection}`);
      }
      const text = reflectionText(familyId, entry.reflection);
      const at = entry.quote === undefined ? null : exactly(text, entry.quote, undefined, `the reflection ${familyId}:${entry.reflection}`);
      target = { type: 'reflection', familyId, key: entry.reflection, passage: at && makeTarget(text, at.start, at.end) };
    } else {
      let found: CodingTarget | null = null;
      for (const doc of repo.study.documents.filter((d) => d.familyId === familyId)) {
        const { text } = await repo.documents.read(doc.id);
        const at = findQuote(text, entry.passage, entry.prefix);
        if (at && text.slice(at.start, at.end) === entry.passage) {
          found = { type: 'passage', documentId: doc.id, ...makeTarget(text, at.start, at.end) };
          break;
        }
      }
      if (!found) throw new Error(`Research quote not found in the case file of ${familyId}: "${entry.passage.slice(0, 50)}…"`);
      target = found;
    }
    for (const names of entry.codes) {
      const codeId = code(names).id;
      // The app never codes a segment twice with the same code; neither may the demo.
      const key = `${codeId} ${segmentKey(target)}`;
      if (taken.has(key)) throw new Error(`Research codes the same segment twice with ${names.join(' › ')} in ${familyId}`);
      taken.add(key);
      codings.push({ id: newId('k'), codeId, target, familyId, createdBy: authorId, createdAt: now, version: 1 });
    }
  }

  const memos: Memo[] = research.memos.map((m) => {
    let about: MemoAbout;
    let familyId: string | null = null;
    switch (m.about.type) {
      case 'study':
        about = { type: 'study', id: repo.id };
        break;
      case 'family':
        familyId = familyOf(m.about.family);
        about = { type: 'family', id: familyId };
        break;
      case 'code':
        about = { type: 'code', id: code(m.about.code).id };
        break;
      case 'reflection':
        familyId = familyOf(m.about.family);
        reflectionText(familyId, m.about.key);
        about = { type: 'reflection', id: `${familyId}:${m.about.key}` };
        break;
    }
    const body = m.body.join('\n\n');
    checkKeys(findCitations(body).flatMap((cluster) => cluster.keys.map((ref) => ref.key)), `the memo "${m.title}"`);
    return { id: newId('m'), title: m.title, body, about, familyId, authorId, createdAt: now, updatedAt: now, version: 1 };
  });

  await repo.records.transact((tx) => {
    for (const item of library) tx.put(referenceRecords, referenceRecord(item, authorId, now));
    for (const c of linked) tx.put(codeRecords, c);
    for (const c of codings) tx.put(codingRecords, c);
    for (const m of memos) tx.put(memoRecords, m);
  });
}
