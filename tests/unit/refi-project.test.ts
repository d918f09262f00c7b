// The pure core of the REFI-QDA project exchange: code points against UTF-16 offsets, positions moved
// through normalisation and pseudonymisation, and a hand-made snapshot written as a valid project.
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codePointOffsets, utf16Offsets } from '../../server/refi/code-points.ts';
import { readNoteMarker, readQuestionDescription } from '../../server/refi/project-guids.ts';
import { parseProject } from '../../server/refi/project-parse.ts';
import type { ProjectSnapshot } from '../../server/refi/project-snapshot.ts';
import { projectSources, projectToXml } from '../../server/refi/project-xml.ts';
import { zipProject } from '../../server/refi/qdpx-zip.ts';
import { prepareSource } from '../../server/refi/source-text.ts';
import { REFI_FIXTURES, schemaErrors } from '../setup/refi-schema.ts';

const KEY = new Uint8Array(32).fill(7);
const TODAY = new Date('2026-01-15T12:00:00Z');

test('code points and UTF-16 offsets convert both ways around an emoji', () => {
  // 'a', the emoji (two UTF-16 units), 'b'.
  assert.equal([...codePointOffsets('a😀b')], [0, 1, 2, 2, 3]);
  assert.equal(utf16Offsets('a😀b'), [0, 1, 3, 4]);
});

test('a selection keeps its text through CR LF normalisation and moves to the edge of a pseudonym', () => {
  const raw = 'Ring 070-123 45 67 i dag.\r\nSedan 😀 kom hon.';
  // Code points: "Ring 070" 0–8 ends inside the phone number; "i dag" 19–24; "kom" after CR LF and the emoji: 27+8 = 35–38.
  const { prepared, spans } = prepareSource(raw, [{ start: 0, end: 8 }, { start: 19, end: 24 }, { start: 35, end: 38 }, { start: 5, end: 5 }], KEY, TODAY);
  const quote = (i: number) => prepared.text.slice(spans[i]!.start, spans[i]!.end);
  assert.match(quote(0), /^Ring \[TEL-[0-9A-Za-z-]+\]$/);
  assert.is(quote(1), 'i dag');
  assert.is(quote(2), 'kom');
  assert.is(spans[3], null, 'an empty selection');
});

test('markers on our own notes and question codes are read back', () => {
  assert.equal(readNoteMarker('backspegel:reflection key=summary'), { kind: 'reflection', key: 'summary' });
  assert.equal(readNoteMarker('backspegel:memo'), { kind: 'memo', key: null });
  assert.is(readNoteMarker('A note about backspegel:memo'), null);
  assert.equal(readQuestionDescription('Fanns det tecken?\n\nbackspegel:question key=tidiga-tecken'), { text: 'Fanns det tecken?', id: 'tidiga-tecken' });
});

test('a hand-made snapshot is written as a project that validates and parses back', () => {
  const at = '2026-01-10T09:00:00.000Z';
  const text = 'Mamma 😀 berättar.';
  const snapshot: ProjectSnapshot = {
    study: {
      id: 's', title: 'Studie <&>', description: '', legalBasis: 'research', ethicsApproval: null, endDate: null, version: 1,
      questions: [{ id: 'q1', label: 'Fråga', text: 'En fråga?' }],
      members: [{ userId: 'u1', role: 'lead' }],
      families: [{ id: 'f1', pseudonym: 'Familj A', activeFrom: '2010-01-01', activeTo: null, assignedTo: [], attributes: { children: 2, costBand: 'hög' } }],
      documents: [{ id: 'd1', familyId: 'f1', title: 'Akt', kind: 'ovrigt', date: '2010-01-01', length: text.length, entryCount: 0, sha256: '', importedAt: at, importedBy: 'u1' }],
    },
    userNames: new Map([['u1', 'Lea Ledare']]),
    codes: [{ id: 'c1', name: 'Kod', description: '', color: '#aa0000', parentId: null, createdBy: 'u1', createdAt: at, updatedBy: 'u1', updatedAt: at, version: 1 }],
    codings: [{ id: 'k1', codeId: 'c1', familyId: 'f1', createdBy: 'u1', createdAt: at, version: 1, target: { type: 'passage', documentId: 'd1', start: 9, end: 17, exact: 'berättar', prefix: '', suffix: '' } }],
    texts: new Map([['d1', text]]),
    annotations: [{ id: 'a1', documentId: 'd1', familyId: 'f1', questionId: 'q1', target: { start: 0, end: 5 }, comment: 'Ja', knownAtTheTime: false, authorId: 'u1', createdAt: at, updatedAt: at, version: 1 }],
    reflections: [{ familyId: 'f1', key: 'summary', text: 'Sammanfattat.', updatedAt: at, updatedBy: 'u1' }],
    memos: [],
    references: [{ key: 'doe2020', text: 'Doe, J. (2020). En bok.' }],
    now: new Date(at),
  };
  const xml = projectToXml(snapshot);
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    assert.is(schemaErrors(xml, join(REFI_FIXTURES, 'Project-mrt2019.xsd')), '');
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
    console.warn('xmllint saknas: projektet valideras inte mot XSD:n (installera libxml2-utils)');
  }
  assert.equal(projectSources(snapshot).map(([, id]) => id), ['d1']);
  const parsed = parseProject(xml);
  assert.is(parsed.name, 'Studie <&>');
  const [source] = parsed.textSources;
  // Code points: "Mamma " 6 + emoji 1 + " " 1 = 8 for "berättar" (UTF-16: 9).
  assert.equal(source!.selections.map((s) => [s.start, s.end, s.description]), [[0, 5, 'Ja'], [8, 16, '']]);
  assert.equal(parsed.cases[0]!.values.map((v) => v.value), ['2010-01-01', '2', 'hög']);
  assert.equal(parsed.notes.map((n) => n.description), ['backspegel:reflection key=summary', 'backspegel:reference key=doe2020']);

  // The export's worker hands the texts over as their UTF-8 bytes: the same XML and package; a text
  // that starts with U+FEFF keeps it (as reading the file as a string does).
  for (const body of [text, `\uFEFF${text}`]) {
    const asText = { ...snapshot, texts: new Map([['d1', body]]) };
    const asBytes = { ...snapshot, texts: new Map([['d1', new TextEncoder().encode(body)]]) };
    assert.is(projectToXml(asBytes), projectToXml(asText));
    const zipped = zipProject(asBytes);
    assert.is(Buffer.from(zipped).equals(Buffer.from(zipProject(asText))), true, 'the same package');
    const files = unzipSync(zipped);
    assert.equal(Object.keys(files), ['project.qde', `sources/${projectSources(snapshot)[0]![0]}.txt`]);
    assert.is(strFromU8(files['project.qde']!), projectToXml(asText));
    assert.ok(Buffer.from(files[Object.keys(files)[1]!]!).equals(Buffer.from(body, 'utf8')), 'the text, byte for byte');
  }
});

test.run();
