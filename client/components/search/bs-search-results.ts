// <bs-search-results study-id="…" query="…" .hits=${h} .familyNames=${m} ?complete .filters=${f}>: the hits
// grouped by kind (Anteckningar i akten, Markeringar, Reflektioner, Bedömningar av utredningar, Memon, Bedömningar av barn), each group a section with its
// heading and count, each hit its title as a link to the exact place, the family and year, and the snippet
// with the query's words in <mark>. While only some hits are loaded (`complete` false), a group's count
// says how many are shown and offers "Visa bara …" (the same search limited to that kind).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { snippetParts } from '../../common/search-highlight.ts';
import { groupHits, hitHref, type SearchHit } from '../../data/search.ts';
import { formatDateLong, t, tKey } from '../../i18n/sv.ts';
import { hrefFor, type SearchFilters, type SearchKind } from '../../route.ts';
import { sharedStyles } from '../base-styles.ts';

/**
 * An entry's title starts with its ISO date ("2009-04-16 Orosanmälan"): shown as "16 april 2009
 * Orosanmälan". An appraisal's ends with its investigation's start ("Bedömning av utredning 2018-10-01").
 */
function readableTitle(title: string, kind: SearchKind): string {
  if (kind === 'appraisal') {
    const end = /^(.*\s)(\d{4}-\d{2}-\d{2})$/s.exec(title);
    return end ? `${end[1]}${formatDateLong(end[2]!)}` : title;
  }
  const m = /^(\d{4}-\d{2}-\d{2})(\s.*)?$/s.exec(title);
  return m ? `${formatDateLong(m[1]!)}${m[2] ?? ''}` : title;
}

@customElement('bs-search-results')
export class BsSearchResults extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin: 1.25rem 0 0;
      }
      h2 {
        font-size: 1.2rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.2rem 0.8rem;
        align-items: baseline;
      }
      h2 a {
        font-size: 0.9rem;
        font-weight: 400;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.4rem;
        padding: 0.55rem 0.8rem;
        max-width: 56rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.15rem;
      }
      .meta {
        color: var(--bs-muted);
        font-size: 0.9rem;
        margin: 0 0 0.25rem;
      }
      .snippet {
        margin: 0;
        overflow-wrap: anywhere;
      }
      mark {
        background: var(--bs-mark);
        color: inherit;
        font-weight: 600;
        padding: 0 0.05em;
      }
    `,
  ];

  /** The study searched. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The query (its words are marked in the snippets the server did not mark). */
  @property() query = '';

  /** The filters in effect (for the "Visa bara …" links). */
  @property({ attribute: false }) filters: SearchFilters = {};

  /** The hits loaded so far, in the server's ranking. */
  @property({ attribute: false }) hits: SearchHit[] = [];

  /** Family id → pseudonym. */
  @property({ attribute: false }) familyNames = new Map<string, string>();

  /** True when every match is loaded (the counts are then the totals). */
  @property({ type: Boolean }) complete = false;

  private _renderHit(hit: SearchHit) {
    const href = hitHref(this.studyId, hit);
    const family = hit.familyId ? this.familyNames.get(hit.familyId) ?? hit.familyId : t('search.wholeStudy');
    const title = readableTitle(hit.title, hit.type);
    const parts = snippetParts(hit.snippet, this.query, hit.highlights);
    // A child's rating belongs to no family: its title (the child's pseudonym) says all there is.
    const rating = hit.type === 'rating';
    return html`<li data-hit=${hit.id}>
      <h3>${href ? html`<a href=${href} aria-label=${rating ? title : t('search.hitLabel', { title, family })}>${title}</a>` : title}</h3>
      ${rating ? nothing : html`<p class="meta">${family}${hit.year !== null ? html` · ${hit.year}` : nothing}</p>`}
      <p class="snippet">${parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}</p>
    </li>`;
  }

  private _renderGroup(kind: SearchKind, hits: SearchHit[]) {
    const label = tKey(`search.kind.${kind}`) ?? kind;
    const id = `group-${kind}`;
    const count = this.complete ? String(hits.length) : t('search.groupShown', { n: hits.length });
    const only = !this.complete && !this.filters.type
      ? hrefFor({ name: 'search', studyId: this.studyId, query: this.query, filters: { ...this.filters, type: kind } })
      : '';
    return html`<section aria-labelledby=${id} data-kind=${kind}>
      <h2 id=${id}><span>${label} <span class="count">(${count})</span></span>
        ${only ? html`<a href=${only}>${t('search.onlyKind', { kind: tKey(`search.kindLower.${kind}`) ?? kind })}</a>` : nothing}</h2>
      <ol>${hits.map((h) => this._renderHit(h))}</ol>
    </section>`;
  }

  override render() {
    return groupHits(this.hits).map((g) => this._renderGroup(g.kind, g.hits));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-search-results': BsSearchResults;
  }
}
