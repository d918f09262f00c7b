// What a parsed REFI-QDA project becomes in a new Backspegel study: everything is built here, in
// memory, before anything is written (project-import.ts writes it). Sources → documents (through the
// import pipeline), cases → families, the codebook → codes (ATLAS.ti's "A::B" → B under A), selections
// → codings, our own export's question codes → annotations, notes → memos and reflections.
// Warnings are Swedish and name no content from the file (counts, and source files by their path).
import { makeTarget } from '../domain/anchoring.ts';
import { nextColor } from '../domain/codebook.ts';
import { ValidationError } from '../domain/errors.ts';
import { addFamily, checkPseudonym, MAX_PSEUDONYM, normalisePseudonym } from '../domain/families.ts';
import { describeDocument, prepareTitle } from '../domain/prepare-document.ts';
import { guidKey } from '../domain/refi-codebook-import.ts';
import { newStudy, reviseQuestions, studyIdFrom } from '../domain/study-setup.ts';
import type { Annotation, Code, Coding, DocumentMeta, Entry, FamilyAttributes, Memo, ReflectionQuestion, Study, TextTarget } from '../domain/types.ts';
import { MAX_TEXT_CHARS } from '../import/upload-limits.ts';
import { decodeTextFile } from '../domain/decode-upload.ts';
import type { StoredReflection } from '../store/family-collections.ts';
import { newId } from '../store/ids.ts';
import type { ProjectPackage } from './project-package.ts';
import {
  ACTIVE_FROM_VARIABLE, ACTIVE_TO_VARIABLE, KNOWN_NO_GUID, KNOWN_YES_GUID, QUESTION_ROOT_GUID, UNCASED_FAMILY, readNoteMarker, readQuestionDescription,
} from './project-guids.ts';
import type { ParsedProject, ParsedTextSource } from './project-parse.ts';
import { prepareSource } from './source-text.ts';
import { pseudonymiseFreeText, pseudonymiseName, pseudonymiseNote } from './import-text.ts';

export interface ImportContext {
  importerId: string;
  key: Uint8Array;
  now: Date;
  takenStudyIds: ReadonlySet<string>;
  /** The template's questions and settings, for a project that brings no questions of its own. */
  template: { id: string; questions: ReflectionQuestion[]; description: string; selectionCriteria: string; legalBasis: Study['legalBasis'] };
  /** A title typed in the form; else the project's name. */
  title?: string;
}

export interface ImportCounts {
  documents: number;
  codes: number;
  codings: number;
  annotations: number;
  memos: number;
  families: number;
}

export interface StudyPlan {
  study: Study;
  documents: { meta: DocumentMeta; text: string; entries: Entry[] }[];
  codes: Code[];
  codings: Coding[];
  /** Per family id. */
  annotations: Map<string, Annotation[]>;
  reflections: Map<string, StoredReflection[]>;
  memos: Memo[];
  counts: ImportCounts;
  warnings: string[];
}

const collator = new Intl.Collator('sv', { sensitivity: 'base' });
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;
const ATTRIBUTE_NAME = /^[\p{L}\p{N} _-]{1,40}$/u;

export function planStudy(parsed: ParsedProject, pkg: ProjectPackage, ctx: ImportContext): StudyPlan {
  const { importerId: by, key, now } = ctx;
  const at = now.toISOString();
  const warnings: string[] = [...parsed.codeWarnings];

  // ——— questions: our own export's root code, else the template's ———
  const rootKey = guidKey(QUESTION_ROOT_GUID);
  const knownYes = guidKey(KNOWN_YES_GUID);
  const knownNo = guidKey(KNOWN_NO_GUID);
  const questionCodes = parsed.codes.filter((c) => c.parentGuid !== null && guidKey(c.parentGuid) === rootKey && ![knownYes, knownNo].includes(guidKey(c.guid)));
  const ownQuestions = questionCodes.slice(0, 9).map((c) => {
    const { text, id } = readQuestionDescription(c.description);
    return { guid: guidKey(c.guid), id, label: pseudonymiseName(c.name, key, now, 60), text: pseudonymiseFreeText(text || c.name, key, now).slice(0, 500) };
  });
  if (questionCodes.length > 9) warnings.push(`Projektet har ${questionCodes.length} reflektionsfrågor; en studie har högst nio, så de första nio importerades.`);
  let questions: ReflectionQuestion[];
  const questionOfGuid = new Map<string, string>();
  if (ownQuestions.length) {
    const taken = new Set<string>();
    const ids = ownQuestions.map((q) => (q.id && !taken.has(q.id) ? (taken.add(q.id), q.id) : undefined));
    const revised = reviseQuestions([], ownQuestions.map(({ label, text }) => ({ label, text })), false);
    questions = revised.map((q, i) => ({ ...q, id: ids[i] ?? (taken.has(q.id) ? `${q.id}-${i + 1}` : q.id) }));
    ownQuestions.forEach((q, i) => questionOfGuid.set(q.guid, questions[i]!.id));
  } else {
    questions = ctx.template.questions;
    if (!questions.length) throw new ValidationError('Projektet har inga reflektionsfrågor och mallen inga egna. Välj en mall med frågor.', 'questions_count');
  }
  const oldQuestionId = new Map(ownQuestions.map((q, i) => [q.id ?? questions[i]!.id, questions[i]!.id]));
  const questionKey = (key: string | null): string | null => (key === 'summary' ? 'summary' : key ? oldQuestionId.get(key) ?? null : null);

  const title = prepareTitle(ctx.title || parsed.name || 'Importerat REFI-QDA-projekt', key, now).slice(0, 200) || 'Importerat REFI-QDA-projekt';
  const study = newStudy({
    id: studyIdFrom(title, ctx.takenStudyIds),
    title,
    description: (parsed.description ? pseudonymiseFreeText(parsed.description, key, now) : ctx.template.description).slice(0, 5000),
    selectionCriteria: ctx.template.selectionCriteria,
    template: ctx.template.id,
    legalBasis: ctx.template.legalBasis,
    ethicsApproval: null,
    endDate: null,
    questions,
    leadId: by,
  });

  // ——— codes ———
  const codes: Code[] = [];
  const codeOfGuid = new Map<string, string>();
  const skipCodes = new Set([rootKey, knownYes, knownNo, ...questionCodes.map((c) => guidKey(c.guid))]);
  const findOrAdd = (name: string, parentId: string | null, rawDescription = '', color: string | null = null): Code => {
    const trimmed = pseudonymiseName(name, key, now) || 'Namnlös kod';
    const description = pseudonymiseFreeText(rawDescription, key, now);
    const twin = codes.find((c) => c.parentId === parentId && collator.compare(c.name, trimmed) === 0);
    if (twin) {
      if (!twin.description && description) twin.description = description;
      return twin;
    }
    const code: Code = { id: newId('c'), name: trimmed, description, color: color ?? nextColor(codes), parentId, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at, version: 1 };
    codes.push(code);
    return code;
  };
  for (const c of parsed.codes) {
    const key = guidKey(c.guid);
    if (skipCodes.has(key)) continue;
    let parentId = c.parentGuid ? codeOfGuid.get(guidKey(c.parentGuid)) ?? null : null;
    const parts = c.name.split('::').map((p) => p.trim()).filter(Boolean);
    const leaf = parts.pop() ?? c.name;
    for (const part of parts) parentId = findOrAdd(part, parentId).id;
    codeOfGuid.set(key, findOrAdd(leaf, parentId, c.description, c.color).id);
  }

  // ——— families ———
  const familyOfSource = new Map<string, string>();
  const caseFamily = new Map<string, string>();
  const familyYears = new Map<string, { from: string | null; to: string | null }>();
  let renamedCases = 0;
  for (const [i, c] of parsed.cases.entries()) {
    const values = new Map<string, { type: string; value: string }>();
    for (const v of c.values) {
      const variable = parsed.variables.get(v.variable);
      if (variable && v.value) values.set(variable.name, { type: v.type, value: v.value });
    }
    const attributes: FamilyAttributes = {};
    for (const [name, { type, value }] of values) {
      if (name === ACTIVE_FROM_VARIABLE || name === ACTIVE_TO_VARIABLE || !ATTRIBUTE_NAME.test(name) || Object.keys(attributes).length >= 20) continue;
      if (prepareTitle(name, key, now) !== name) continue; // a name that holds an identifying detail is left out
      const parsedValue = type === 'IntegerValue' || type === 'FloatValue' ? Number(value) : type === 'BooleanValue' ? value === 'true' || value === '1' : prepareTitle(value, key, now).slice(0, 200);
      if (typeof parsedValue === 'number' && !Number.isFinite(parsedValue)) continue;
      if (name === 'costBand' && !['låg', 'medel', 'hög'].includes(String(parsedValue))) continue;
      attributes[name] = parsedValue;
    }
    const from = isoDate(values.get(ACTIVE_FROM_VARIABLE)?.value);
    const to = isoDate(values.get(ACTIVE_TO_VARIABLE)?.value);
    const id = newId('f');
    let pseudonym = normalisePseudonym(prepareTitle(c.name, key, now)).slice(0, MAX_PSEUDONYM).trim();
    if (normalisePseudonym(c.name) !== pseudonym && c.name) renamedCases++;
    pseudonym = uniquePseudonym(study, pseudonym || `Fall ${i + 1}`, i + 1);
    addFamily(study, id, { pseudonym, activeFrom: from ?? at.slice(0, 10), attributes });
    familyYears.set(id, { from, to });
    caseFamily.set(c.guid, id);
    for (const s of c.sources) if (!familyOfSource.has(s)) familyOfSource.set(s, id);
  }
  if (renamedCases) warnings.push(`${plural(renamedCases, 'fallnamn', 'fallnamn')} innehöll uppgifter som byttes mot pseudonymer.`);

  // ——— documents ———
  const documents: StudyPlan['documents'] = [];
  const codings: Coding[] = [];
  const annotations = new Map<string, Annotation[]>();
  const codingKeys = new Set<string>();
  const addCoding = (codeId: string, target: Coding['target'], familyId: string, created: string | null) => {
    const k = `${codeId}|${JSON.stringify(target.type === 'passage' ? [target.documentId, target.start, target.end] : target)}`;
    if (codingKeys.has(k)) return;
    codingKeys.add(k);
    codings.push({ id: newId('k'), codeId, target, familyId, createdBy: by, createdAt: created ?? at, version: 1 });
  };
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
      if (!uncased) {
        uncased = newId('f');
        addFamily(study, uncased, { pseudonym: uniquePseudonym(study, UNCASED_FAMILY, 0), activeFrom: at.slice(0, 10) });
        familyYears.set(uncased, { from: null, to: null });
      }
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
        addCoding(codeId, annotationId ? { type: 'annotation', id: annotationId } : { type: 'passage', documentId: meta.id, ...target }, familyId!, sel.created);
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

  // Families without a known start: the earliest date of their documents.
  for (const family of study.families) {
    const years = familyYears.get(family.id);
    const dates = documents.filter((d) => d.meta.familyId === family.id).map((d) => d.meta.date).sort();
    family.activeFrom = years?.from ?? dates[0] ?? family.activeFrom;
    if (years?.to && years.to >= family.activeFrom) family.activeTo = years.to;
  }

  // ——— notes: reflections, memos ———
  const memos: Memo[] = [];
  const reflections = new Map<string, StoredReflection[]>();
  const caseOfNote = new Map<string, string>();
  for (const l of parsed.links) {
    if (caseFamily.has(l.origin)) caseOfNote.set(l.target, caseFamily.get(l.origin)!);
    else if (caseFamily.has(l.target)) caseOfNote.set(l.origin, caseFamily.get(l.target)!);
  }
  const codeOfNote = new Map<string, string>();
  for (const [codeGuid, notes] of parsed.codeNotes) {
    const codeId = codeOfGuid.get(codeGuid);
    if (codeId) for (const n of notes) codeOfNote.set(n, codeId);
  }
  let referenceNotes = 0;
  let noteSelections = 0;
  for (const note of parsed.notes) {
    const marker = readNoteMarker(note.description);
    const familyId = caseOfNote.get(note.guid) ?? null;
    if (marker?.kind === 'reference') {
      referenceNotes++;
      continue;
    }
    const reflectionKey = questionKey(marker?.key ?? null);
    if (marker?.kind === 'reflection' && familyId && reflectionKey) {
      const { text, spans } = pseudonymiseNote(note.text, note.selections, key, now);
      const reflection: StoredReflection = { id: reflectionKey, text, version: 1, updatedAt: note.modified ?? at, updatedBy: by };
      reflections.set(familyId, [...(reflections.get(familyId) ?? []).filter((r) => r.id !== reflectionKey), reflection]);
      for (const [i, sel] of note.selections.entries()) {
        const span = spans[i];
        const passage = span && !(span.start === 0 && span.end === text.length) ? makeTarget(text, span.start, span.end) : null;
        if (!span) {
          unmappable++;
          continue;
        }
        for (const c of sel.codes) {
          const codeId = codeOfGuid.get(c);
          if (codeId) addCoding(codeId, { type: 'reflection', familyId, key: reflectionKey, passage }, familyId, sel.created);
          else unknownCodes++;
        }
      }
      continue;
    }
    noteSelections += note.selections.length;
    if (!note.text.trim() && !note.name) continue;
    const codeId = codeOfNote.get(note.guid);
    const about: Memo['about'] =
      marker?.kind === 'meta-reflection' && familyId && reflectionKey ? { type: 'reflection', id: `${familyId}:${reflectionKey}` }
      : codeId ? { type: 'code', id: codeId }
      : familyId ? { type: 'family', id: familyId }
      : { type: 'study', id: study.id };
    memos.push({
      id: newId('m'), title: pseudonymiseName(note.name, key, now) || 'Anteckning', body: pseudonymiseFreeText(note.text, key, now).slice(0, 100_000), about,
      familyId: about.type === 'family' || about.type === 'reflection' ? familyId : null,
      authorId: by, createdAt: note.created ?? at, updatedAt: note.modified ?? note.created ?? at, version: 1,
    });
  }
  if (referenceNotes) warnings.push(`${plural(referenceNotes, 'litteraturreferens', 'litteraturreferenser')} importerades inte; lägg in dem i referensbiblioteket på nytt.`);
  if (noteSelections) warnings.push(`${plural(noteSelections, 'markering', 'markeringar')} i anteckningar importerades inte.`);

  const annotationCount = [...annotations.values()].reduce((n, l) => n + l.length, 0);
  return {
    study,
    documents,
    codes,
    codings,
    annotations,
    reflections,
    memos,
    counts: { documents: documents.length, codes: codes.length, codings: codings.length, annotations: annotationCount, memos: memos.length, families: study.families.length },
    warnings,
  };
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

function isoDate(value: string | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))) ? value.slice(0, 10) : null;
}

/** The pseudonym, or with " (2)", " (3)" … when another family has it; "Fall n" if it cannot be used. */
function uniquePseudonym(study: Study, wanted: string, n: number): string {
  for (let i = 1; i < 1000; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const candidate = wanted.slice(0, MAX_PSEUDONYM - suffix.length).trim() + suffix;
    try {
      checkPseudonym(study, candidate);
      return candidate;
    } catch (error) {
      if ((error as { code?: string }).code !== 'duplicate_pseudonym') return uniquePseudonym(study, `Fall ${n}`, n);
    }
  }
  throw new ValidationError('För många fall med samma namn.', 'invalid_project');
}
