// The study codebook as a REFI-QDA codebook (`.qdc`, QDA-XML 1.0, namespace urn:QDA-XML:codebook:1.0),
// so a codebook can move between Backspegel and ATLAS.ti, NVivo, MAXQDA and others. Pure: no storage,
// no clock, no randomness. Reading a file lives in refi-codebook-import.ts and is re-exported here.
import { ValidationError } from './errors.ts';
import { GUID_PATTERN, QDC_NAMESPACE, guidFromSeed, guidKey } from './refi-codebook-import.ts';
import type { Code } from './types.ts';

export { GUID_PATTERN, guidKey, QDC_NAMESPACE, qdcToCodebook, type ImportedCode, type QdcImport } from './refi-codebook-import.ts';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export interface QdcExportOptions {
  /** The GUID to write for a code; by default one derived from the code id (see `guidForCodeId`). */
  guidOf?: (codeId: string) => string;
}

/**
 * A GUID that is the same for a code id every time, so exporting twice gives the same file and
 * another program can recognise codes it has seen before. The id alone is hashed (not the study),
 * because code ids are already unique.
 */
export function guidForCodeId(codeId: string): string {
  return guidFromSeed(`backspegel:code:${codeId}`);
}

/**
 * The codebook as `.qdc` text: codes nested under their parents, siblings in the order given.
 * A code whose parent is missing is written at the top level; a parent cycle (which the codebook
 * rules should prevent) is broken where it is first met, so every code is written exactly once.
 */
export function codebookToQdc(codes: readonly Code[], options: QdcExportOptions = {}): string {
  // The XSD wants at least one Code, and an empty file would help nobody.
  if (codes.length === 0) throw new ValidationError('Kodboken är tom: det finns inga koder att exportera.', 'empty_codebook');
  const lines = codeTreeLines(codes, options, 2);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<CodeBook xmlns="${QDC_NAMESPACE}" origin="Backspegel">`, '  <Codes>', ...lines, '  </Codes>', '</CodeBook>', ''].join('\n');
}

export interface CodeTreeOptions extends QdcExportOptions {
  /** GUIDs of notes about a code, written as <NoteRef> (a project's CodeBook allows them; a .qdc does not). */
  noteRefsOf?: (codeId: string) => readonly string[];
}

/**
 * The <Code> elements of a codebook, indented from `depth` (two spaces each), shared by the `.qdc`
 * and the project (`.qde`) writers.
 */
export function codeTreeLines(codes: readonly Code[], options: CodeTreeOptions, depth: number): string[] {
  const guidOf = options.guidOf ?? guidForCodeId;
  const byId = new Map<string, Code>();
  for (const code of codes) {
    if (byId.has(code.id)) throw new Error('codebookToQdc: duplicate code id');
    byId.set(code.id, code);
  }
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && byId.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
    const list = children.get(parent);
    if (list) list.push(code);
    else children.set(parent, [code]);
  }

  const guids = new Set<string>();
  const written = new Set<string>();
  const lines: string[] = [];
  // An explicit stack rather than recursion: a (corrupt) chain of thousands of codes must not overflow.
  const write = (root: Code) => {
    const stack: { code: Code; depth: number; open: boolean }[] = [{ code: root, depth, open: false }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const pad = '  '.repeat(item.depth);
      if (item.open) {
        lines.push(`${pad}</Code>`);
        continue;
      }
      const { code } = item;
      if (written.has(code.id)) continue;
      written.add(code.id);
      const guid = guidOf(code.id);
      if (!GUID_PATTERN.test(guid)) throw new Error('codebookToQdc: guidOf returned something that is not a GUID');
      const key = guidKey(guid);
      if (guids.has(key)) throw new Error('codebookToQdc: guidOf returned the same GUID twice');
      guids.add(key);

      // isCodable is required by the XSD; every Backspegel code can be applied to text.
      let attributes = `guid="${guid}" name="${escapeAttribute(code.name)}" isCodable="true"`;
      // Optional in the XSD, so a colour that is not #rrggbb is left out rather than written invalid.
      if (HEX_COLOR.test(code.color)) attributes += ` color="${code.color.toUpperCase()}"`;
      const kids = (children.get(code.id) ?? []).filter((kid) => !written.has(kid.id));
      const description = xmlChars(code.description);
      const notes = options.noteRefsOf?.(code.id) ?? [];
      if (description === '' && notes.length === 0 && kids.length === 0) {
        lines.push(`${pad}<Code ${attributes}/>`);
        continue;
      }
      lines.push(`${pad}<Code ${attributes}>`);
      if (description !== '') lines.push(`${pad}  <Description>${escapeText(description)}</Description>`);
      for (const note of notes) lines.push(`${pad}  <NoteRef targetGUID="${note}"/>`);
      stack.push({ code, depth: item.depth, open: true });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ code: kids[i]!, depth: item.depth + 1, open: false });
    }
  };
  for (const code of children.get(null) ?? []) write(code);
  // Whatever is left sits on a parent cycle: start it at the top level.
  for (const code of codes) if (!written.has(code.id)) write(code);

  return lines;
}

// Written by hand rather than with fast-xml-parser's XMLBuilder: the builder leaves tabs and line
// breaks in attribute values as they are (a reader's attribute normalisation turns them into spaces)
// and passes on characters that XML 1.0 forbids outright; the few lines here cover both.

/** Drops characters XML 1.0 cannot carry even as references: C0 controls other than tab/LF/CR,
 *  U+FFFE/U+FFFF and unpaired surrogates. */
export function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, '');
}

export function escapeText(text: string): string {
  // '>' too, so a "]]>" in a description cannot end anything; CR as a reference, as readers turn a raw CR into LF.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(value: string): string {
  return escapeText(xmlChars(value)).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
