// JSON-LD expansion for tests, offline: the `jsonld` package with a document loader that serves the
// W3C Web Annotation context from tests/fixtures/web-annotation/anno.jsonld and refuses anything else.
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const context = JSON.parse(readFileSync(new URL('../fixtures/web-annotation/anno.jsonld', import.meta.url), 'utf8'));

const documentLoader = async (url: string) => {
  if (url !== ANNO && url !== ANNO.replace('http:', 'https:')) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
};

export const OA = 'http://www.w3.org/ns/oa#';

/** The expanded form of `doc` (JSON-LD 1.1, safe mode: a term that does not map to an IRI fails). */
export function expandWebAnnotations(doc: unknown): Promise<any[]> {
  const options = { documentLoader, safe: true } as unknown as jsonld.Options.Expand;
  return jsonld.expand(doc as jsonld.JsonLdDocument, options) as Promise<any[]>;
}
