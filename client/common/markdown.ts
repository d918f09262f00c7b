// The browser's half of the safe Markdown pipeline: the shared renderer (raw HTML escaped, links
// limited to http(s), mailto and relative URLs — server/domain/markdown.ts), then DOMPurify.
// Example: html`<div>${unsafeHTML(renderMarkdown(comment))}</div>`
import DOMPurify from 'dompurify';
import { renderMarkdownSafe } from '../../server/domain/markdown.ts';

export { escapeHtml, isSafeHref } from '../../server/domain/markdown.ts';

const PURIFY_CONFIG = {
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: ['style', 'img', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'svg', 'math'],
  FORBID_ATTR: ['style', 'class', 'id'],
};

/** Markdown → sanitised HTML, ready for unsafeHTML(). */
export function renderMarkdown(markdown: string): string {
  return DOMPurify.sanitize(renderMarkdownSafe(markdown), PURIFY_CONFIG) as string;
}

/**
 * Server-made HTML that is not Markdown (citeproc's formatted references: escaped text with <i>, <b>,
 * <span> and the like) through the same DOMPurify rules, so a title in a reference file cannot carry
 * markup or script into the page whatever the server let through.
 */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, PURIFY_CONFIG) as string;
}
