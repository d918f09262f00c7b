// Citations and reference lists as the server's routes, report and exports ask for them: checked
// here, formatted by citeproc-js in a long-lived worker thread of its own (cite-job.ts), so the
// server keeps answering while an engine is built or a long list formatted.
import { WorkerClient } from '../workers/worker-client.ts';
import { type BibliographyEntry, checkOptions, type CiteOptions, type FormattedCitation } from './cite.ts';
import type { CiteAnswer, CiteRequest, TextClusters } from './cite-job.ts';
import type { CslItem } from './csl-item.ts';

const citeproc = new WorkerClient<CiteRequest, CiteAnswer>(new URL('./cite-worker.mjs', import.meta.url), 'citation');

/** formatCitations (cite.ts) for one text, in the worker. */
export async function formatCitations(clusters: TextClusters, items: readonly CslItem[], options: CiteOptions): Promise<FormattedCitation[]> {
  checkOptions(options);
  if (clusters.length === 0) return [];
  return (await citeproc.call({ kind: 'citations', clusters, items: [...items], options })) as FormattedCitation[];
}

/** formatBibliography (cite.ts), in the worker. */
export async function formatBibliography(items: readonly CslItem[], options: CiteOptions): Promise<BibliographyEntry[]> {
  checkOptions(options);
  if (items.length === 0) return [];
  return (await citeproc.call({ kind: 'bibliography', items: [...items], options })) as BibliographyEntry[];
}

/**
 * Starts the worker and builds the engine the app uses (APA in Swedish), so the first reference list
 * does not wait for it. English is built on its first use: only the API asks for it.
 */
export function warmUpCitations(): void {
  citeproc.call({ kind: 'warm', options: { style: 'apa', lang: 'sv-SE' } })
    .catch((e: Error) => console.error(`[backspegel] citation engine failed: ${e.name}`));
}
