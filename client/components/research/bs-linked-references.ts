// <bs-linked-references .api=${api} study-id="…" .keys=${keys}>: the works a code or a memo is linked to,
// as formatted entries of the study's reference list (APA, Swedish; the whole library asked for, so a work
// nothing cites yet is formatted too). A key no longer in the library is named as unknown.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { sanitizeHtml } from '../../common/markdown.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { fetchFormattedReferences, type BibliographyEntry } from '../../data/references.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';

@customElement('bs-linked-references')
export class BsLinkedReferences extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        margin: 0;
        padding-left: 1.2rem;
      }
      li {
        margin-bottom: 0.3rem;
      }
    `,
  ];

  @property({ attribute: false }) api?: Api;

  @property({ attribute: 'study-id' }) studyId = '';

  /** The linked citation keys. */
  @property({ attribute: false }) keys: string[] = [];

  @state() private _entries: BibliographyEntry[] | null = null;
  @state() private _error = '';

  private _seq = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('keys') || changed.has('studyId') || changed.has('api')) && this.api && this.studyId) void this._load();
  }

  private async _load(): Promise<void> {
    const seq = ++this._seq;
    if (!this.keys.length || !this.api) {
      this._entries = [];
      return;
    }
    try {
      // The library as the reference list prints it (reading it is not an export of the bibliography).
      const library = await fetchFormattedReferences(this.api, this.studyId);
      if (seq === this._seq) {
        this._entries = library.flatMap((ref) => (ref.formatted ? [{ id: ref.id, ...ref.formatted }] : []));
        this._error = '';
      }
    } catch (err) {
      if (seq === this._seq) this._error = errorMessage(err);
    }
  }

  override render() {
    if (!this.keys.length) return html`<p class="hint">${t('refs.none')}</p>`;
    if (this._error) return alertLine(this._error);
    const entries = this._entries;
    if (!entries) return html`<p>${t('app.loading')}</p>`;
    return html`<ul class="linked-references">
      ${this.keys.map((key) => {
        const entry = entries.find((e) => e.id === key);
        return entry
          ? html`<li data-key=${key}>${unsafeHTML(sanitizeHtml(entry.html))}</li>`
          : html`<li data-key=${key}>${t('refs.missing', { key })}</li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-linked-references': BsLinkedReferences;
  }
}
