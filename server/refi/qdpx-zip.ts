// A `.qdpx` package: `project.qde` at the root and each text as `sources/<guid>.txt` (UTF-8), in a
// fixed order with fixed timestamps, so the same study gives the same bytes. Made as a stream
// (fflate's Zip): the XML is deflated piece by piece as it is written and each text when it is
// read, so a package of any size is made in little memory.
import { Zip, ZipDeflate } from 'fflate';
import type { ProjectSnapshot } from './project-snapshot.ts';
import { projectSources, projectXml } from './project-xml.ts';

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');
/** The package is handed out in pieces of at least this many bytes (the last may be shorter). */
const PIECE_BYTES = 256 * 1024;
/** The XML is deflated in inputs of about this size (its pieces are a document's lines, or less). */
const XML_INPUT_BYTES = 64 * 1024;

/** The package's bytes as they are made, in pieces of about PIECE_BYTES. */
export function* projectPackage(s: ProjectSnapshot): Generator<Uint8Array> {
  const made: Uint8Array[] = [];
  let madeBytes = 0;
  const zip = new Zip((error, data) => {
    if (error) throw error;
    made.push(data);
    madeBytes += data.byteLength;
  });
  function* ready(final = false): Generator<Uint8Array> {
    if (madeBytes === 0 || (madeBytes < PIECE_BYTES && !final)) return;
    // A copy of its own: fflate's data can be a view into a larger buffer, and pieces are transferred.
    yield joined(made, madeBytes);
    made.length = 0;
    madeBytes = 0;
  }
  const file = (name: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = FIXED_TIME;
    zip.add(entry);
    return entry;
  };

  const encoder = new TextEncoder();
  const qde = file('project.qde');
  let input = '';
  for (const piece of projectXml(s)) {
    input += piece;
    if (input.length < XML_INPUT_BYTES) continue;
    qde.push(encoder.encode(input));
    input = '';
    yield* ready();
  }
  qde.push(encoder.encode(input), true);
  yield* ready();
  for (const [guid, documentId] of projectSources(s)) {
    const text = s.texts.get(documentId) ?? '';
    file(`sources/${guid}.txt`).push(typeof text === 'string' ? encoder.encode(text) : text, true);
    yield* ready();
  }
  zip.end();
  yield* ready(true);
}

/** The whole package at once (the tests, and small studies on the calling thread). */
export function zipProject(s: ProjectSnapshot): Uint8Array {
  const pieces = [...projectPackage(s)];
  return joined(pieces, pieces.reduce((n, p) => n + p.byteLength, 0));
}

function joined(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.byteLength;
  }
  return all;
}
