// Caseworkers' and researchers' Markdown as the report's HTML shows it: through the safe renderer
// (raw HTML escaped), with `[@key]` citations formatted author–year against the study's reference list.
// Each citation's span is swapped for a placeholder word before rendering (plain letters pass Markdown
// untouched) and the placeholder is then replaced by citeproc's HTML, as client/common/citations.ts does.
import { randomBytes } from 'node:crypto';
import { renderMarkdownSafe } from '../domain/markdown.ts';
import type { CiteOptions } from '../literature/cite.ts';
import { formatCitations } from '../literature/citations.ts';
import type { CslItem } from '../literature/csl-item.ts';
import { findCitations } from '../literature/find-citations.ts';

export const REPORT_CITE_OPTIONS: CiteOptions = { style: 'apa', lang: 'sv-SE' };

/** Renders Markdown with its citations formatted; `items` are the works the report's reference list holds. */
export async function citedMarkdownHtml(markdown: string, items: readonly CslItem[], known: ReadonlySet<string>): Promise<string> {
  const clusters = markdown.includes('@') ? findCitations(markdown, known) : [];
  if (clusters.length === 0) return renderMarkdownSafe(markdown);
  const formatted = await formatCitations(clusters, items, REPORT_CITE_OPTIONS);
  // A nonce per text: a placeholder typed into the text itself stays text.
  const nonce = randomBytes(6).toString('hex');
  let withMarks = '';
  let at = 0;
  clusters.forEach((cluster, i) => {
    withMarks += `${markdown.slice(at, cluster.start)}BsReportCite${nonce}x${i}x`;
    at = cluster.end;
  });
  withMarks += markdown.slice(at);
  return renderMarkdownSafe(withMarks).replace(new RegExp(`BsReportCite${nonce}x(\\d+)x`, 'g'), (_m, i: string) =>
    `<span class="cite">${formatted[Number(i)]?.html ?? ''}</span>`);
}
