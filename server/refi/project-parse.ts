// A REFI-QDA project file (`.qde`) read into plain data: users, codes (through the .qdc reader in
// server/domain/refi-codebook-import.ts), variables, cases, text sources with their selections, notes
// and links. No Backspegel rules here; server/refi/project-plan.ts decides what becomes what.
import { XMLValidator } from 'fast-xml-parser';
import { guidKey, qdaXmlParser, qdcToCodebook, type ImportedCode } from '../domain/refi-codebook-import.ts';
import { countXml } from '../import/xml-complexity.ts';
import { invalidProject } from './project-package.ts';
import { QUESTION_ROOT_GUID } from './project-guids.ts';

export const PROJECT_LIMITS = {
  /** Start tags in the project file. */
  maxElements: 1_000_000,
  sources: 2000,
  selections: 100_000,
  notes: 10_000,
  cases: 2000,
};

export interface ParsedSelection {
  guid: string;
  /** Code points, as REFI-QDA counts. */
  start: number;
  end: number;
  description: string;
  created: string | null;
  /** GUID keys (guidKey) of the codes applied, in order. */
  codes: string[];
}

export interface ParsedTextSource {
  guid: string;
  name: string;
  plainTextPath: string | null;
  /** PlainTextContent, when the file carries the text itself. */
  inlineText: string | null;
  created: string | null;
  selections: ParsedSelection[];
}

export interface ParsedNote {
  guid: string;
  name: string;
  description: string;
  text: string;
  created: string | null;
  modified: string | null;
  selections: ParsedSelection[];
}

export interface ParsedCase {
  guid: string;
  name: string;
  sources: string[];
  values: { variable: string; type: string; value: string }[];
}

export interface ParsedProject {
  name: string;
  description: string;
  codes: ImportedCode[];
  codeWarnings: string[];
  /** Code GUID key → GUID keys of the notes it refers to. */
  codeNotes: Map<string, string[]>;
  variables: Map<string, { name: string; type: string }>;
  cases: ParsedCase[];
  textSources: ParsedTextSource[];
  /** Non-text sources, by kind (PDFSource …), not imported. */
  otherSources: Map<string, number>;
  notes: ParsedNote[];
  links: { origin: string; target: string }[];
  projectNotes: string[];
}

type El = Record<string, unknown>;
const ARRAYS = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'TextSource', 'PictureSource', 'PDFSource',
  'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'Note', 'NoteRef', 'Link', 'Set',
]);
const asEl = (v: unknown): El => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as El) : {});
const list = (v: unknown): El[] => (Array.isArray(v) ? v.map(asEl) : v === undefined ? [] : [asEl(v)]);
const at = (e: El, name: string): string => (typeof e[`@_${name}`] === 'string' ? (e[`@_${name}`] as string).trim() : '');
const clean = (t: string) => t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
function textOf(v: unknown): string {
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'string') return clean(v);
  const t = asEl(v)['#text'];
  return typeof t === 'string' ? clean(t) : '';
}
const dateOrNull = (v: string): string | null => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);
const refs = (e: El, name: string): string[] => list(e[name]).map((r) => guidKey(at(r, 'targetGUID'))).filter(Boolean);

function selections(e: El, counter: { n: number }): ParsedSelection[] {
  return list(e.PlainTextSelection).map((s) => {
    if (++counter.n > PROJECT_LIMITS.selections) throw invalidProject(`Projektet har fler än ${PROJECT_LIMITS.selections.toLocaleString('sv-SE')} markerade textavsnitt och kan inte importeras.`);
    return {
      guid: guidKey(at(s, 'guid')),
      start: Number(at(s, 'startPosition')),
      end: Number(at(s, 'endPosition')),
      description: textOf(s.Description).trim(),
      created: dateOrNull(at(s, 'creationDateTime')),
      codes: list(s.Coding).flatMap((c) => refs(c, 'CodeRef')),
    };
  });
}

export function parseProject(xml: string): ParsedProject {
  const source = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw invalidProject('Projektfilen innehåller en DOCTYPE- eller ENTITY-deklaration, vilket ett REFI-QDA-projekt aldrig har. Den tas inte emot.');
  if (countXml(new TextEncoder().encode(source)).elements > PROJECT_LIMITS.maxElements) throw invalidProject('Projektfilen är för stor för att importeras.');
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw invalidProject(`Projektfilen är inte giltig XML (fel på rad ${valid.err.line}).`);
  const parser = qdaXmlParser((name) => ARRAYS.has(name), 80);
  let doc: El;
  try {
    doc = asEl(parser.parse(source));
  } catch {
    throw invalidProject('Projektfilen kunde inte läsas som XML.');
  }
  const project = asEl(doc.Project);
  if (doc.Project === undefined) throw invalidProject('Filen är inget REFI-QDA-projekt: rotelementet ska vara <Project>.');

  let codes: ImportedCode[] = [];
  let codeWarnings: string[] = [];
  const codeNotes = new Map<string, string[]>();
  const codebook = asEl(project.CodeBook);
  if (list(asEl(codebook.Codes).Code).length > 0) {
    ({ codes, warnings: codeWarnings } = qdcToCodebook(source));
    // This reader imports the whole project and splits "A::B" itself (project-plan.ts).
    // The category warning is made again below, without counting our own question root.
    codeWarnings = codeWarnings.filter((w) => !w.startsWith('Filen är ett helt REFI-QDA-projekt') && !w.includes('"::"') && !w.includes('ej kodbar'));
    let categories = 0;
    const walk = (code: El) => {
      const codable = at(code, 'isCodable');
      if ((codable === 'false' || codable === '0') && guidKey(at(code, 'guid')) !== guidKey(QUESTION_ROOT_GUID)) categories++;
      const notes = refs(code, 'NoteRef');
      if (notes.length) codeNotes.set(guidKey(at(code, 'guid')), notes);
      for (const child of list(code.Code)) walk(child);
    };
    for (const code of list(asEl(codebook.Codes).Code)) walk(code);
    if (categories) codeWarnings.push(`${categories === 1 ? '1 kod var markerad' : `${categories} koder var markerade`} som ej kodbar (kategori). I Backspegel kan alla koder användas för kodning.`);
  }

  const variables = new Map<string, { name: string; type: string }>();
  for (const v of list(asEl(project.Variables).Variable)) variables.set(guidKey(at(v, 'guid')), { name: clean(at(v, 'name')), type: at(v, 'typeOfVariable') });

  const cases = list(asEl(project.Cases).Case).map((c) => ({
    guid: guidKey(at(c, 'guid')),
    name: clean(at(c, 'name')),
    sources: refs(c, 'SourceRef'),
    values: list(c.VariableValue).map((vv) => {
      const variable = refs(vv, 'VariableRef')[0] ?? guidKey(at(asEl(vv.VariableRef), 'targetGUID'));
      const tag = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].find((t) => vv[t] !== undefined) ?? 'TextValue';
      return { variable, type: tag, value: textOf(vv[tag]).trim() };
    }),
  }));
  if (cases.length > PROJECT_LIMITS.cases) throw invalidProject(`Projektet har fler än ${PROJECT_LIMITS.cases} fall och kan inte importeras.`);

  const counter = { n: 0 };
  const sources = asEl(project.Sources);
  const textSources = list(sources.TextSource).map((t) => ({
    guid: guidKey(at(t, 'guid')),
    name: clean(at(t, 'name')),
    plainTextPath: at(t, 'plainTextPath') || null,
    inlineText: t.PlainTextContent === undefined ? null : textOf(t.PlainTextContent),
    created: dateOrNull(at(t, 'creationDateTime')),
    selections: selections(t, counter),
  }));
  if (textSources.length > PROJECT_LIMITS.sources) throw invalidProject(`Projektet har fler än ${PROJECT_LIMITS.sources} källor och kan inte importeras.`);
  const otherSources = new Map<string, number>();
  for (const kind of ['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource']) {
    const n = list(sources[kind]).length;
    if (n) otherSources.set(kind, n);
  }

  const notes = list(asEl(project.Notes).Note).map((n) => ({
    guid: guidKey(at(n, 'guid')),
    name: clean(at(n, 'name')).trim(),
    description: textOf(n.Description).trim(),
    text: textOf(n.PlainTextContent),
    created: dateOrNull(at(n, 'creationDateTime')),
    modified: dateOrNull(at(n, 'modifiedDateTime')),
    selections: selections(n, counter),
  }));
  if (notes.length > PROJECT_LIMITS.notes) throw invalidProject(`Projektet har fler än ${PROJECT_LIMITS.notes} anteckningar och kan inte importeras.`);
  const links = list(asEl(project.Links).Link).map((l) => ({ origin: guidKey(at(l, 'originGUID')), target: guidKey(at(l, 'targetGUID')) }));

  return {
    name: clean(at(project, 'name')).trim(),
    description: textOf(project.Description).trim(),
    codes,
    codeWarnings,
    codeNotes,
    variables,
    cases,
    textSources,
    otherSources,
    notes,
    links,
    projectNotes: refs(project, 'NoteRef'),
  };
}
