// Planning an imported project, step 4: text sources → documents (through the import pipeline), their
// selections → annotations (our own export's question codes) and codings.
import { makeTarget } from '../domain/anchoring.ts';
import { ValidationError } from '../domain/errors.ts';
import { decodeTextFile } from '../domain/decode-upload.ts';
import { describeDocument, prepareTitle } from '../domain/prepare-document.ts';
import type { Annotation, DocumentMeta, Entry, Study, TextTarget } from '../domain/types.ts';
import { MAX_TEXT_CHARS } from '../import/upload-limits.ts';
import { newId } from '../store/ids.ts';
import { pseudonymiseFreeText } from './import-text.ts';
import type { CodingCollector } from './plan-codes.ts';
import { plural, type PlanContext } from './plan-context.ts';
import { addUncasedFamily, type PlannedFamilies } from './plan-families.ts';
import type { PlannedQuestions } from './plan-questions.ts';
import type { ProjectPackage } from './project-package.ts';
import type { ParsedProject, ParsedTextSource } from './project-parse.ts';
import { prepareSource } from './source-text.ts';

export type PlannedDocument = { meta: DocumentMeta; text: string; entries: Entry[] };

export interface DocumentsInput {
  parsed: ParsedProject;
  pkg: ProjectPackage;
  study: Study;
  families: PlannedFamilies;
  questions: Pick<PlannedQuestions, 'questionOfGuid' | 'knownYes' | 'knownNo'>;
  codeOfGuid: ReadonlyMap<string, string>;
  codings: CodingCollector;
}

/** The documents, and the annotations per family id; codings go to `codings`, a family for uncased sources to `study`. */
export function planDocuments(input: DocumentsInput, ctx: PlanContext): { documents: PlannedDocument[]; annotations: Map<string, Annotation[]> } {
  const { parsed, pkg, study, codeOfGuid } = input;
  const { familyOfSource, familyYears } = input.families;
  const { questionOfGuid, knownYes, knownNo } = input.questions;
  const { by, at, key, now, warnings } = ctx;
  const documents: PlannedDocument[] = [];
  const annotations = new Map<string, Annotation[]>();
  let uncased: string | null = null;
  const missing: string[] = [];
  let droppedSelections = 0;
  let unknownCodes = 0;
  let emptySources = 0;
  let unmappable = 0;
  for (const source of parsed.textSources) {
    const raw = sourceText(source, pkg);
    if (raw === null) {
      missing.push(source.plainTextPath ? source.plainTextPath.replace(/^internal:\/\//i, 'sources/') : `källan ${source.guid}`);
      droppedSelections += source.selections.length;
      continue;
    }
    if (raw.length > MAX_TEXT_CHARS) throw new ValidationError('En källa i projektet är för stor för att importeras.', 'invalid_project');
    let prepared;
    try {
      prepared = prepareSource(raw, source.selections, key, now);
    } catch (error) {
      if ((error as { code?: string }).code !== 'empty_document') throw error;
      emptySources++;
      droppedSelections += source.selections.length;
      continue;
    }
    let familyId = familyOfSource.get(source.guid);
    if (!familyId) {
      uncased ??= addUncasedFamily(study, familyYears, at);
      familyId = uncased;
    }
    const titleSource = source.name || (source.plainTextPath ?? 'Dokument');
    const docTitle = prepareTitle(titleSource.replace(/\.(txt|docx?|rtf)$/i, ''), key, now) || 'Dokument';
    const meta = describeDocument(prepared.prepared, { id: newId('d'), familyId, title: docTitle, importedBy: by, now });
    documents.push({ meta, text: prepared.prepared.text, entries: prepared.prepared.entries });
    const text = prepared.prepared.text;
    source.selections.forEach((sel, i) => {
      const span = prepared.spans[i];
      if (!span) {
        unmappable++;
        return;
      }
      const target: TextTarget = makeTarget(text, span.start, span.end);
      const questionGuids = sel.codes.filter((c) => questionOfGuid.has(c));
      const others = sel.codes.filter((c) => !questionOfGuid.has(c) && c !== knownYes && c !== knownNo);
      let annotationId: string | null = null;
      const comment = pseudonymiseFreeText(sel.description, key, now);
      for (const q of questionGuids) {
        const annotation: Annotation = {
          id: newId('a'), documentId: meta.id, familyId: familyId!, questionId: questionOfGuid.get(q)!, target,
          comment, knownAtTheTime: sel.codes.includes(knownYes) ? true : sel.codes.includes(knownNo) ? false : null,
          authorId: by, createdAt: sel.created ?? at, updatedAt: sel.created ?? at, version: 1,
        };
        annotations.set(familyId!, [...(annotations.get(familyId!) ?? []), annotation]);
        annotationId ??= annotation.id;
      }
      for (const c of others) {
        const codeId = codeOfGuid.get(c);
        if (!codeId) {
          unknownCodes++;
          continue;
        }
        input.codings.add(codeId, annotationId ? { type: 'annotation', id: annotationId } : { type: 'passage', documentId: meta.id, ...target }, familyId!, sel.created);
      }
    });
  }
  if (missing.length) {
    warnings.push(`${plural(missing.length, 'källa', 'källor')} saknade sin textfil och importerades inte: ${missing.join(', ')}.`);
  }
  if (droppedSelections) warnings.push(`${plural(droppedSelections, 'markerat textavsnitt', 'markerade textavsnitt')} i källor som inte kunde importeras togs inte med.`);
  if (emptySources) warnings.push(`${plural(emptySources, 'källa', 'källor')} var tomma och importerades inte.`);
  if (unmappable) warnings.push(`${plural(unmappable, 'markerat textavsnitt', 'markerade textavsnitt')} hade ogiltiga positioner och togs inte med.`);
  if (unknownCodes) warnings.push(`${plural(unknownCodes, 'kodning', 'kodningar')} pekade på koder som inte finns i kodboken och togs inte med.`);
  const other = [...parsed.otherSources.values()].reduce((a, b) => a + b, 0);
  if (other) warnings.push(`${plural(other, 'källa', 'källor')} som inte är text (PDF, bild, ljud eller video) importerades inte.`);
  return { documents, annotations };
}

/** The text of a source: inline, or its file in the zip (`internal://x.txt` → sources/x.txt, any case). */
function sourceText(source: ParsedTextSource, pkg: ProjectPackage): string | null {
  if (source.inlineText !== null && source.inlineText !== '') return source.inlineText;
  const path = source.plainTextPath;
  const match = path ? /^internal:\/\/(?:sources\/)?([^/\\]+)$/i.exec(path) : null;
  const candidates = [match?.[1], `${source.guid}.txt`].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  for (const name of candidates) {
    const bytes = pkg.sources.get(name);
    if (bytes) return decodeTextFile(bytes);
  }
  return null;
}
