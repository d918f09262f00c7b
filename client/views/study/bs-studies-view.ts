// <bs-studies-view .api=${api} ?admin>: the studies the user is a member of. With exactly one study it goes
// straight to that study's page; an administrator who is in no study goes to "Konton" instead.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StudySummary } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { fetchStudies } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor, parseRoute } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine } from '../../components/feedback.ts';

@customElement('bs-studies-view')
export class BsStudiesView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.9rem 1.1rem;
      }
      h2 {
        font-size: 1.15rem;
        margin-bottom: 0.25rem;
      }
      p {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  @state() private _studies: StudySummary[] | null = null;
  @state() private _error = '';

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** The user is an administrator: with no studies, the start page is the accounts page. */
  @property({ type: Boolean }) admin = false;

  /** The user may create studies: offer "Skapa en studie". */
  @property({ type: Boolean, attribute: 'may-create' }) mayCreate = false;

  /** Incremented by the app when the user logs in again after the session expired: reload. */
  @property({ type: Number }) session = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${t('studies.title')} – ${t('app.name')}`;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api') || changed.has('session')) void this._load();
  }

  private async _load(): Promise<void> {
    if (!this.api) return;
    this._error = '';
    try {
      const studies = await fetchStudies(this.api);
      // The user may have gone elsewhere while this loaded; only redirect from the start page itself.
      if (!this.isConnected || parseRoute(location.hash).name !== 'home') return;
      if (studies.length === 0 && this.admin) {
        location.replace(hrefFor({ name: 'accounts' }));
        return;
      }
      const only = studies.length === 1 ? studies[0] : undefined;
      if (only) {
        location.replace(hrefFor({ name: 'study', studyId: only.id }));
        return;
      }
      this._studies = studies;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    return html`
      <h1>${t('studies.title')}</h1>
      ${alertLine(this._error)}
      ${this._studies === null && !this._error ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      ${this._studies?.length === 0 ? html`<p>${t('studies.empty')}</p>` : nothing}
      ${this.mayCreate ? html`<p><a class="button" href=${hrefFor({ name: 'new-study' })}>${t('studies.create')}</a></p>` : nothing}
      ${this._studies?.length
        ? html`<ul>
            ${this._studies.map((s) => html`<li>
              <h2><a href=${hrefFor({ name: 'study', studyId: s.id })}>${s.title}</a></h2>
              ${s.kind === 'inventory' ? html`<p class="kind">${t('inventory.kindLabel')}</p>` : nothing}
              <p>${s.description}</p>
              <p class="muted">${t('studies.role', { role: t(`role.${s.role}`) })}</p>
            </li>`)}
          </ul>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-studies-view': BsStudiesView;
  }
}
