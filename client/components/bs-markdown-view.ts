// <bs-markdown-view .markdown=${text}>: renders Markdown through the safe pipeline (raw HTML escaped,
// safe links only, sanitised by DOMPurify). Shows a muted placeholder when the text is empty.
// Inside a study, `[@key]` citations are formatted by the server (asked only when the text contains
// "[@", once per text) and shown author–year, the full reference on hover and keyboard focus; until the
// answer comes, and if it fails, the text shows as written.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { citationsFor, renderCited } from '../common/citations.ts';
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
      .cite-wrap {
        position: relative;
      }
      .cite {
        border-bottom: 1px dotted currentColor;
        cursor: help;
      }
      .cite:focus-visible {
        outline: 2px solid var(--bs-focus, #1a5fb4);
        outline-offset: 1px;
      }
      .cite-flag {
        color: var(--bs-danger, #a51d2d);
        font-weight: 600;
      }
      .cite-tip {
        display: none;
        position: absolute;
        left: 0;
        top: 100%;
        z-index: 10;
        width: max-content;
        max-width: min(32rem, 80vw);
        margin-top: 0.2rem;
        padding: 0.4rem 0.6rem;
        background: var(--bs-surface, #fff);
        color: var(--bs-text, #1d1d1d);
        border: 1px solid var(--bs-border, #888);
        border-radius: 0.3rem;
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
        font-size: 0.9rem;
      }
      .cite-ref {
        display: block;
      }
      .cite:hover + .cite-tip,
      .cite:focus + .cite-tip {
        display: block;
      }
    `,
  ];

  /** Markdown source. */
  @property() markdown = '';

  /** Text shown when `markdown` is blank. */
  @property() placeholder = t('markdown.empty');

  /** The text with its citations in place, for `markdown` as it was when they were asked for. */
  @state() private _cited: { markdown: string; node: HTMLDivElement } | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('markdown')) return;
    const markdown = this.markdown;
    if (this._cited?.markdown !== markdown) this._cited = null;
    const answer = citationsFor(markdown);
    if (!answer) return;
    answer.then(
      (result) => {
        // Only for the text still shown (it may have changed while the server answered).
        if (this.markdown !== markdown || !result.clusters.length) return;
        // An element, not a fragment: a fragment empties when inserted, an element can be rendered again.
        const node = document.createElement('div');
        node.append(renderCited(markdown, result));
        this._cited = { markdown, node };
      },
      () => undefined,
    );
  }

  override render() {
    if (!this.markdown.trim()) return html`<p class="muted">${this.placeholder}</p>`;
    const cited = this._cited;
    if (cited?.markdown === this.markdown) return cited.node;
    return html`<div>${unsafeHTML(cachedMarkdown(this.markdown))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-markdown-view': BsMarkdownView;
  }
}
