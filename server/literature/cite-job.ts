// The citation worker's body (cite-worker.mjs): citeproc-js formats citations and reference lists
// there (cite.ts), never on the server's own thread. An APA engine takes about 0.6 s to build and
// holds about 95 MB of heap (citeproc compiles the style's macros into some 140,000 tokens): on the
// server's thread that stopped every request for the first second after a start, and made each of
// its full garbage collections mark the engines again.
import { serveCalls } from '../workers/worker-client.ts';
import { type BibliographyEntry, type CiteOptions, type FormattedCitation, formatBibliography, formatCitations, warmUpCitations } from './cite.ts';
import type { CslItem } from './csl-item.ts';
import type { CitationCluster } from './find-citations.ts';

/** The citations of one text, as findCitations found them. */
export type TextClusters = Pick<CitationCluster, 'keys' | 'narrative'>[];

export type CiteRequest =
  /** One text's citations, formatted against all of `items` (see formatCitations). */
  | { kind: 'citations'; clusters: TextClusters; items: CslItem[]; options: CiteOptions }
  | { kind: 'bibliography'; items: CslItem[]; options: CiteOptions }
  /** Builds the engine for `options` before it is needed. */
  | { kind: 'warm'; options: CiteOptions };

export type CiteAnswer = FormattedCitation[] | BibliographyEntry[] | null;

export function answerCiteRequest(request: CiteRequest): CiteAnswer {
  switch (request.kind) {
    case 'citations':
      return formatCitations(request.clusters, request.items, request.options);
    case 'bibliography':
      return formatBibliography(request.items, request.options);
    case 'warm':
      warmUpCitations(request.options);
      return null;
  }
}

export function serveCitations(): void {
  serveCalls(answerCiteRequest);
}
