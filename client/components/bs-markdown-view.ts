// <bs-markdown-view .markdown=${text}>: renders Markdown through the safe pipeline (raw HTML escaped,
// safe links only, sanitised by DOMPurify). Shows a muted placeholder when the text is empty.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderMarkdown } from '../common/markdown.ts';
import { t } from '../i18n/sv.ts';
import { sharedStyles } from './base-styles.ts';

/** Rendered HTML by Markdown source, least recently used first (the same comments render again and again). */
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

function cachedMarkdown(markdown: string): string {
  let out = cache.get(markdown);
  if (out !== undefined) {
    cache.delete(markdown);
  } else {
    out = renderMarkdown(markdown);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(markdown, out);
  return out;
}

@customElement('bs-markdown-view')
export class BsMarkdownView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        overflow-wrap: anywhere;
      }
      :host > div > :first-child {
        margin-top: 0;
      }
      :host > div > :last-child {
        margin-bottom: 0;
      }
      p,
      ul,
      ol,
      blockquote,
      pre {
        margin: 0 0 0.5rem;
      }
      blockquote {
        border-left: 0.25rem solid var(--bs-border);
        padding-left: 0.6rem;
        color: var(--bs-muted);
      }
      pre,
      code {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 0.9em;
      }
      pre {
        white-space: pre-wrap;
      }
    `,
  ];

  /** Markdown source. */
  @property() markdown = '';

  /** Text shown when `markdown` is blank. */
  @property() placeholder = t('markdown.empty');

  override render() {
    if (!this.markdown.trim()) return html`<p class="muted">${this.placeholder}</p>`;
    return html`<div>${unsafeHTML(cachedMarkdown(this.markdown))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-markdown-view': BsMarkdownView;
  }
}
