// A study as a REFI-QDA project (`project.qde`, QDA-XML 1.0, urn:QDA-XML:project:1.0) plus the texts
// its TextSources point to (`sources/<guid>.txt`). Pure: everything comes in a ProjectSnapshot.
// The mapping (both ways) is described in docs/refi-qda-projekt.md.
import { codeTreeLines, escapeAttribute, escapeText, guidForCodeId, xmlChars } from '../domain/refi-codebook.ts';
import type { Coding, FamilyAttributes } from '../domain/types.ts';
import { codePointOffsets } from './code-points.ts';
import {
  ACTIVE_FROM_VARIABLE, ACTIVE_TO_VARIABLE, KNOWN_NO_GUID, KNOWN_NO_NAME, KNOWN_YES_GUID, KNOWN_YES_NAME, PROJECT_NAMESPACE,
  QUESTION_ROOT_GUID, QUESTION_ROOT_NAME, guidFor, noteMarker, questionMarker, userGuid,
} from './project-guids.ts';
import type { ProjectAnnotation, ProjectSnapshot } from './project-snapshot.ts';

// ignoreBOM: a text starting with U+FEFF keeps it, as reading the file as a string does.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const NAME_MAX = 60;

/** A selection's name: its quote on one line, shortened. */
function shortQuote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= NAME_MAX ? line : `${chars.slice(0, NAME_MAX - 1).join('')}…`;
}

const attr = (name: string, value: string | null | undefined): string => (value ? ` ${name}="${escapeAttribute(value)}"` : '');
const text = (tag: string, value: string): string => `<${tag}>${escapeText(xmlChars(value))}</${tag}>`;

/** The project file whole (see projectXml). */
export function projectToXml(s: ProjectSnapshot): string {
  return [...projectXml(s)].join('');
}

/**
 * The package's `sources/<guid>.txt` files: each document's TextSource GUID and id, in the order
 * they are packed (by GUID, so the same study gives the same bytes).
 */
export function projectSources(s: ProjectSnapshot): [guid: string, documentId: string][] {
  return s.study.documents.map((d): [string, string] => [guidFor('document', s.study.id, d.id), d.id]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The project file in pieces as it is written (each a run of whole lines), so a large study's XML
 * (190 MB at ten times the bench study) is never held whole: a document's text is read when its
 * TextSource is written and let go after.
 */
export function* projectXml(s: ProjectSnapshot): Generator<string> {
  const studyId = s.study.id;
  const g = (kind: string, id: string) => guidFor(kind, studyId, id);
  const knownUsers = new Set(s.userNames.keys());
  const user = (id: string) => (knownUsers.has(id) ? ` creatingUser="${userGuid(id)}"` : '');
  const questionGuid = (id: string) => g('question', id);
  let lines: string[] = [];
  const out = (depth: number, line: string) => lines.push('  '.repeat(depth) + line);
  const written = () => {
    const piece = lines.join('\n') + '\n';
    lines = [];
    return piece;
  };

  // Notes first, since codes, cases and the project refer to them.
  type Note = { guid: string; name: string; marker: string; body: string; author: string; created: string; modified: string; selections: string[] };
  const notes: Note[] = [];
  const links: { guid: string; name: string; from: string; to: string }[] = [];
  const projectNoteRefs: string[] = [];
  const codeNoteRefs = new Map<string, string[]>();
  const reflectionNote = new Map<string, Note>();

  const sortedReflections = [...s.reflections].sort((a, b) => a.familyId.localeCompare(b.familyId) || a.key.localeCompare(b.key));
  for (const r of sortedReflections) {
    const label = r.key === 'summary' ? 'Sammanfattning' : s.study.questions.find((q) => q.id === r.key)?.label ?? r.key;
    const pseudonym = s.study.families.find((f) => f.id === r.familyId)?.pseudonym ?? r.familyId;
    const note: Note = {
      guid: g('reflection', `${r.familyId}:${r.key}`), name: `${label} (${pseudonym})`, marker: noteMarker('reflection', r.key),
      body: r.text, author: r.updatedBy, created: r.updatedAt, modified: r.updatedAt, selections: [],
    };
    notes.push(note);
    reflectionNote.set(`${r.familyId}:${r.key}`, note);
    links.push({ guid: g('link', note.guid), name: 'Reflektion', from: g('case', r.familyId), to: note.guid });
  }
  const sortedMemos = [...s.memos].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const m of sortedMemos) {
    const meta = m.about.type === 'reflection';
    const key = meta ? m.about.id.slice(m.about.id.indexOf(':') + 1) : undefined;
    const note: Note = {
      guid: g('memo', m.id), name: m.title, marker: noteMarker(meta ? 'meta-reflection' : 'memo', key),
      body: m.body, author: m.authorId, created: m.createdAt, modified: m.updatedAt, selections: [],
    };
    notes.push(note);
    if (m.about.type === 'study') projectNoteRefs.push(note.guid);
    else if (m.about.type === 'code') codeNoteRefs.set(m.about.id, [...(codeNoteRefs.get(m.about.id) ?? []), note.guid]);
    else if (m.familyId) links.push({ guid: g('link', note.guid), name: meta ? 'Metareflektion' : 'Memo', from: g('case', m.familyId), to: note.guid });
  }
  for (const r of s.references) {
    notes.push({ guid: g('reference', r.key), name: r.key, marker: noteMarker('reference', r.key), body: r.text, author: '', created: '', modified: '', selections: [] });
  }

  // Codings of reflections become selections in the reflection's note.
  const codeIds = new Set(s.codes.map((c) => c.id));
  const codingLine = (c: Coding, depth: number) => `${'  '.repeat(depth)}<Coding guid="${g('coding', c.id)}"${user(c.createdBy)}${attr('creationDateTime', c.createdAt)}><CodeRef targetGUID="${guidForCodeId(c.codeId)}"/></Coding>`;
  const reflectionGroups = new Map<string, Coding[]>();
  for (const c of s.codings) {
    if (c.target.type !== 'reflection' || !codeIds.has(c.codeId)) continue;
    const key = `${c.target.familyId}:${c.target.key}|${c.target.passage ? `${c.target.passage.start}-${c.target.passage.end}` : 'all'}`;
    reflectionGroups.set(key, [...(reflectionGroups.get(key) ?? []), c]);
  }
  for (const [key, group] of [...reflectionGroups].sort(([a], [b]) => a.localeCompare(b))) {
    const target = group[0]!.target as Extract<Coding['target'], { type: 'reflection' }>;
    const note = reflectionNote.get(`${target.familyId}:${target.key}`);
    if (!note) continue;
    const points = codePointOffsets(note.body);
    const start = target.passage ? Math.min(target.passage.start, note.body.length) : 0;
    const end = target.passage ? Math.min(target.passage.end, note.body.length) : note.body.length;
    if (end <= start) continue;
    note.selections.push(
      `      <PlainTextSelection guid="${g('selection', key)}"${attr('name', shortQuote(note.body.slice(start, end)))} startPosition="${points[start]}" endPosition="${points[end]}">`,
      ...group.map((c) => codingLine(c, 4)),
      '      </PlainTextSelection>',
    );
  }

  out(0, '<?xml version="1.0" encoding="UTF-8"?>');
  out(0, `<Project xmlns="${PROJECT_NAMESPACE}"${attr('name', s.study.title) || ' name="Backspegel"'} origin="Backspegel" creationDateTime="${s.now.toISOString()}">`);

  if (s.userNames.size > 0) {
    out(1, '<Users>');
    for (const [id, name] of s.userNames) out(2, `<User guid="${userGuid(id)}"${attr('name', name)}/>`);
    out(1, '</Users>');
  }

  out(1, '<CodeBook>');
  out(2, '<Codes>');
  if (s.codes.length) lines.push(...codeTreeLines(s.codes, { noteRefsOf: (id) => codeNoteRefs.get(id) ?? [] }, 3));
  out(3, `<Code guid="${QUESTION_ROOT_GUID}" name="${QUESTION_ROOT_NAME}" isCodable="false">`);
  out(4, text('Description', 'Backspegels reflektionsfrågor. En markering är en kodning med frågans kod; koderna "Känt vid tidpunkten" säger om tecknet var känt då.'));
  for (const q of s.study.questions) {
    out(4, `<Code guid="${questionGuid(q.id)}"${attr('name', q.label)} isCodable="true">`);
    out(5, text('Description', `${q.text}\n\n${questionMarker(q.id)}`));
    out(4, '</Code>');
  }
  out(4, `<Code guid="${KNOWN_YES_GUID}" name="${KNOWN_YES_NAME}" isCodable="true"/>`);
  out(4, `<Code guid="${KNOWN_NO_GUID}" name="${KNOWN_NO_NAME}" isCodable="true"/>`);
  out(3, '</Code>');
  out(2, '</Codes>');
  out(1, '</CodeBook>');

  // Variables: the families' years, then each attribute, typed by the values it has.
  const kinds = new Map<string, 'Text' | 'Integer' | 'Float' | 'Boolean'>();
  for (const f of s.study.families) {
    for (const [key, value] of Object.entries(f.attributes ?? {}) as [keyof FamilyAttributes & string, unknown][]) {
      if (value === undefined) continue;
      const kind = typeof value === 'boolean' ? 'Boolean' : typeof value === 'number' ? (Number.isInteger(value) ? 'Integer' : 'Float') : 'Text';
      const before = kinds.get(key);
      kinds.set(key, !before || before === kind ? kind : before === 'Integer' && kind === 'Float' ? 'Float' : kind === 'Integer' && before === 'Float' ? 'Float' : 'Text');
    }
  }
  const variables: [string, string][] = [[ACTIVE_FROM_VARIABLE, 'Date'], [ACTIVE_TO_VARIABLE, 'Date'], ...[...kinds].sort(([a], [b]) => a.localeCompare(b))];
  const variableGuid = (name: string) => g('variable', name);
  if (s.study.families.length) {
    out(1, '<Variables>');
    for (const [name, kind] of variables) out(2, `<Variable guid="${variableGuid(name)}"${attr('name', name)} typeOfVariable="${kind}"/>`);
    out(1, '</Variables>');
    out(1, '<Cases>');
    const value = (name: string, kind: string, v: string | number | boolean) => {
      const tag = kind === 'Date' ? 'DateValue' : kind === 'Boolean' ? 'BooleanValue' : kind === 'Integer' ? 'IntegerValue' : kind === 'Float' ? 'FloatValue' : 'TextValue';
      out(3, `<VariableValue><VariableRef targetGUID="${variableGuid(name)}"/>${text(tag, String(v))}</VariableValue>`);
    };
    for (const f of s.study.families) {
      out(2, `<Case guid="${g('case', f.id)}"${attr('name', f.pseudonym)}>`);
      value(ACTIVE_FROM_VARIABLE, 'Date', f.activeFrom);
      if (f.activeTo) value(ACTIVE_TO_VARIABLE, 'Date', f.activeTo);
      for (const [name, kind] of kinds) {
        const v = f.attributes?.[name];
        if (v !== undefined) value(name, kind, v);
      }
      for (const d of s.study.documents) if (d.familyId === f.id) out(3, `<SourceRef targetGUID="${g('document', d.id)}"/>`);
      out(2, '</Case>');
    }
    out(1, '</Cases>');
  }

  const selectionsOf = documentSelections(s, codeIds);
  if (s.study.documents.length) {
    out(1, '<Sources>');
    for (const d of s.study.documents) {
      const guid = g('document', d.id);
      const stored = s.texts.get(d.id) ?? '';
      // Bytes are decoded for this document only: a large study's texts are never all in memory.
      const body = typeof stored === 'string' ? stored : utf8.decode(stored);
      const points = codePointOffsets(body);
      out(2, `<TextSource guid="${guid}"${attr('name', d.title)} plainTextPath="internal://${guid}.txt"${user(d.importedBy)}${attr('creationDateTime', d.importedAt)}>`);
      for (const sel of selectionsOf(d.id)) {
        const start = Math.min(sel.start, body.length);
        const end = Math.min(sel.end, body.length);
        if (end <= start) continue;
        const a = sel.annotation;
        out(3, `<PlainTextSelection guid="${g('selection', sel.key)}"${attr('name', shortQuote(body.slice(start, end)))} startPosition="${points[start]}" endPosition="${points[end]}"${a ? user(a.authorId) + attr('creationDateTime', a.createdAt) + attr('modifiedDateTime', a.updatedAt) : ''}>`);
        if (a && a.comment.trim()) out(4, text('Description', a.comment));
        if (a) {
          out(4, `<Coding guid="${g('coding', `question:${a.id}`)}"${user(a.authorId)}${attr('creationDateTime', a.createdAt)}><CodeRef targetGUID="${questionGuid(a.questionId)}"/></Coding>`);
          if (a.knownAtTheTime !== null) {
            out(4, `<Coding guid="${g('coding', `known:${a.id}`)}"${user(a.authorId)}${attr('creationDateTime', a.createdAt)}><CodeRef targetGUID="${a.knownAtTheTime ? KNOWN_YES_GUID : KNOWN_NO_GUID}"/></Coding>`);
          }
        }
        for (const c of sel.codings) lines.push(codingLine(c, 4));
        out(3, '</PlainTextSelection>');
      }
      out(2, '</TextSource>');
      yield written();
    }
    out(1, '</Sources>');
  }

  if (notes.length) {
    out(1, '<Notes>');
    for (const n of notes) {
      out(2, `<Note guid="${n.guid}"${attr('name', n.name)}${user(n.author)}${attr('creationDateTime', n.created)}${attr('modifiedDateTime', n.modified)}>`);
      out(3, text('Description', n.marker));
      out(3, text('PlainTextContent', n.body));
      lines.push(...n.selections);
      out(2, '</Note>');
      if (lines.length >= 1000) yield written();
    }
    out(1, '</Notes>');
  }
  if (links.length) {
    out(1, '<Links>');
    for (const l of links) out(2, `<Link guid="${l.guid}"${attr('name', l.name)} direction="OneWay" originGUID="${l.from}" targetGUID="${l.to}"/>`);
    out(1, '</Links>');
  }
  if (s.study.description.trim()) out(1, text('Description', s.study.description));
  for (const guid of projectNoteRefs) out(1, `<NoteRef targetGUID="${guid}"/>`);
  out(0, '</Project>');
  yield written();
}

interface Selection {
  key: string;
  start: number;
  end: number;
  annotation: ProjectAnnotation | null;
  codings: Coding[];
}

/**
 * Each document's selections: one per annotation (with the annotation's codings), one per coded
 * passage. The annotations and codings are grouped by document once: going through all of them for
 * every document took most of a project export's 40 s at ten times the bench study.
 */
function documentSelections(s: ProjectSnapshot, codeIds: ReadonlySet<string>): (documentId: string) => Selection[] {
  const lists = new Map<string, Selection[]>();
  const listOf = (documentId: string) => {
    let list = lists.get(documentId);
    if (!list) lists.set(documentId, (list = []));
    return list;
  };
  const byAnnotation = new Map<string, Selection>();
  for (const a of s.annotations) {
    const sel: Selection = { key: `annotation:${a.id}`, start: a.target.start, end: a.target.end, annotation: a, codings: [] };
    byAnnotation.set(a.id, sel);
    listOf(a.documentId).push(sel);
  }
  const passages = new Map<string, Selection>();
  for (const c of s.codings) {
    if (!codeIds.has(c.codeId)) continue;
    if (c.target.type === 'annotation') {
      byAnnotation.get(c.target.id)?.codings.push(c);
    } else if (c.target.type === 'passage') {
      const key = `passage:${c.target.documentId}:${c.target.start}-${c.target.end}`;
      let sel = passages.get(key);
      if (!sel) {
        sel = { key, start: c.target.start, end: c.target.end, annotation: null, codings: [] };
        passages.set(key, sel);
        listOf(c.target.documentId).push(sel);
      }
      sel.codings.push(c);
    }
  }
  return (documentId) => {
    const list = lists.get(documentId) ?? [];
    for (const sel of list) sel.codings.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return list.sort((a, b) => a.start - b.start || a.end - b.end || a.key.localeCompare(b.key));
  };
}
