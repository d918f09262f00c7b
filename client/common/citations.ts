// `[@key]` and `@key` citations in rendered Markdown. The server finds and formats them (POST …/citations, author–year
// in APA); here each cluster's span of the source is swapped for a placeholder word before the Markdown
// goes through the usual safe pipeline, and the placeholders are then replaced by elements built with the
// DOM (text as textContent, the full reference as DOMPurify-sanitised citeproc HTML). A placeholder of
// plain letters and digits passes through Markdown untouched, and the server skips code, so none lands
// where it would be shown raw.
// Example: const result = await citationsFor(markdown); if (result) node = renderCited(markdown, result);
import type { CitationsResult } from '../data/references.ts';
import { t } from '../i18n/sv.ts';
import { renderMarkdown, sanitizeHtml } from './markdown.ts';

/** Whether a text may hold a citation at all (`[@key]` or `@key` in running text): only then is the server asked. */
export const mayCite = (markdown: string): boolean => /(?:^|[\s([])-?@/.test(markdown);

type Lookup = (markdown: string) => Promise<CitationsResult>;

/** Where citations are looked up: set by the app for the study the user is in (null outside a study). */
let source: { studyId: string; lookup: Lookup } | null = null;
/** Answers (or pending answers) by study and text, least recently used first. */
const cache = new Map<string, Promise<CitationsResult>>();
const CACHE_SIZE = 300;

export function setCitationSource(next: { studyId: string; lookup: Lookup } | null): void {
  if (next?.studyId !== source?.studyId) cache.clear();
  source = next;
}

/** Forgets every formatted citation (after the library changed). */
export function clearCitationCache(): void {
  cache.clear();
}

/** The formatted citations of `markdown`, once per text; null outside a study or when it cites nothing. */
export function citationsFor(markdown: string): Promise<CitationsResult> | null {
  if (!source || !mayCite(markdown)) return null;
  const key = `${source.studyId}\n${markdown}`;
  let answer = cache.get(key);
  if (answer) {
    cache.delete(key);
  } else {
    // A failed lookup is not kept: the next render asks again (the text shows uncited meanwhile).
    answer = source.lookup(markdown).catch((err: unknown) => {
      cache.delete(key);
      throw err;
    });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, answer);
  return answer;
}

let nextTipId = 0;

/** One cluster as a focusable element with its tooltip beside it (shown on hover and focus by CSS). */
function citationElement(cluster: CitationsResult['clusters'][number], references: CitationsResult['references']): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'cite-wrap';
  const cite = document.createElement('span');
  cite.className = cluster.unknownKeys.length ? 'cite unknown' : 'cite';
  cite.tabIndex = 0;
  const known = cluster.keys.filter((k) => !cluster.unknownKeys.includes(k));
  // A cluster with known works shows their formatted citation; an unknown key is never dropped but
  // named, visibly, beside it.
  if (known.length) cite.append(cluster.text);
  for (const key of cluster.unknownKeys) {
    const flag = document.createElement('span');
    flag.className = 'cite-flag';
    flag.textContent = `${known.length ? ' ' : ''}[${t('cite.unknownKey', { key })}]`;
    cite.append(flag);
  }
  const tip = document.createElement('span');
  tip.className = 'cite-tip';
  tip.id = `cite-tip-${++nextTipId}`;
  tip.setAttribute('role', 'tooltip');
  for (const key of [...new Set(cluster.keys)]) {
    const line = document.createElement('span');
    line.className = 'cite-ref';
    const ref = references[key];
    if (ref) line.innerHTML = sanitizeHtml(ref.html);
    else line.textContent = t('cite.unknownDetail', { key });
    tip.append(line);
  }
  cite.setAttribute('aria-describedby', tip.id);
  wrap.append(cite, tip);
  return wrap;
}

/** The Markdown rendered as sanitised DOM with its citation clusters in place. */
export function renderCited(markdown: string, result: CitationsResult): DocumentFragment {
  const nonce = Math.random().toString(36).slice(2, 10);
  const token = (i: number) => `BsCite${nonce}x${i}x`;
  const pattern = new RegExp(`BsCite${nonce}x(\\d+)x`, 'g');
  // Replaced from the end, so the earlier offsets stay right.
  const ordered = result.clusters.map((c, i) => ({ c, i })).sort((a, b) => b.c.start - a.c.start);
  let source = markdown;
  for (const { c, i } of ordered) {
    if (c.start < 0 || c.end > source.length || c.start >= c.end) continue;
    source = source.slice(0, c.start) + token(i) + source.slice(c.end);
  }
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(source);
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(`BsCite${nonce}`)) texts.push(n as Text);
  for (const text of texts) {
    const parts = text.data.split(pattern);
    // split with one group: text, index, text, index, …, text.
    const nodes = parts.map((part, k) => {
      if (k % 2 === 0) return document.createTextNode(part);
      const cluster = result.clusters[Number(part)];
      return cluster ? citationElement(cluster, result.references) : document.createTextNode('');
    });
    text.replaceWith(...nodes);
  }
  return template.content;
}
