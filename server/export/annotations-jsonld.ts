// The study's annotations in the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/),
// as one AnnotationCollection with a single page. Each annotation targets its document with a quote
// and a position selector (how they are stored), and carries the comment, the question and the
// applied codes as bodies. Ids are URLs under the study when the export is made over HTTP, and
// `urn:backspegel:` ids from the command line.
import { jsonInSlices } from './json-in-slices.ts';
import { studyAnnotations, type ExportedAnnotation } from './study-annotations.ts';
import type { ExportOptions, ExportSource } from './study-exports.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNOTATION_JSONLD_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;
/** Terms of our own, outside the W3C vocabulary; URNs, as Backspegel has no namespace document. */
export const BACKSPEGEL_VOCAB = 'urn:backspegel:vocab:';

const CONTEXT = [ANNO_CONTEXT, { knownAtTheTime: { '@id': `${BACKSPEGEL_VOCAB}knownAtTheTime` } }];

/** Where the study's resources live: its API URL, or a URN without an origin. */
export function studyBase(studyId: string, origin: string | undefined): string {
  return origin ? `${origin.replace(/\/$/, '')}/api/studies/${studyId}` : `urn:backspegel:study:${studyId}`;
}

function webAnnotation(x: ExportedAnnotation, base: string) {
  const a = x.annotation;
  const comment = a.comment.trim();
  const body: Record<string, unknown>[] = [];
  if (comment) body.push({ type: 'TextualBody', value: a.comment, format: 'text/markdown', language: 'sv', purpose: 'commenting' });
  body.push({ type: 'TextualBody', value: x.questionLabel, language: 'sv', purpose: 'tagging' });
  for (const code of x.codes) body.push({ id: `${base}/codes/${code.id}`, type: 'TextualBody', value: code.name, language: 'sv', purpose: 'classifying' });
  return {
    id: `${base}/annotations/${a.id}`,
    type: 'Annotation',
    motivation: comment ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    creator: { type: 'Person', name: x.authorName },
    body,
    target: {
      type: 'SpecificResource',
      source: `${base}/documents/${a.documentId}`,
      selector: [
        { type: 'TextQuoteSelector', exact: a.target.exact, prefix: a.target.prefix, suffix: a.target.suffix },
        { type: 'TextPositionSelector', start: a.target.start, end: a.target.end },
      ],
    },
    ...(a.knownAtTheTime === null ? {} : { knownAtTheTime: a.knownAtTheTime }),
  };
}

/**
 * The collection as JSON-LD text in UTF-8 chunks, made as they are sent: the annotations are taken at
 * once (records never change in place, so the export is one moment of the study), and each slice of
 * them is made into web annotations and written only when the reader asks for it.
 */
export async function annotationsJsonLd(source: ExportSource, options: ExportOptions): Promise<AsyncGenerator<Uint8Array>> {
  const { repo } = source;
  const base = studyBase(repo.id, options.origin);
  const id = `${base}/export/annotations.jsonld`;
  const annotations = await studyAnnotations(source);
  const collection = {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Markeringar – ${repo.study.title}`,
    total: annotations.length,
    generated: source.now.toISOString(),
    generator: { type: 'Software', name: 'Backspegel' },
    first: { id: `${id}#sida-1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items: annotations },
  };
  return jsonInSlices(collection, ['first', 'items'], (x: ExportedAnnotation) => webAnnotation(x, base));
}
