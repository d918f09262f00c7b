// <bs-family-admin .api=${api} study-id="…" .families=${families} ?closed>: the lead's part of the study page
// about the families themselves: a table of every family with its years and attributes (children,
// placements, cost band), "Ändra uppgifter" per family and "Lägg till familj", both opening bs-family-form.
// Saves with the family's version; a stale one (409) shows what is stored now in the form and says so.
// Fires bs-families-changed after a save so the page reloads its list; focus returns to the opening button.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FamilyAttributes, FamilyView } from '../../../server/domain/types.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { createFamily, updateFamily } from '../../data/families.ts';
import { fire, type FamilySubmitDetail } from '../../events.ts';
import { formatDateLong, t } from '../../i18n/sv.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import type { BsFamilyForm } from '../../components/admin/bs-family-form.ts';
import '../../components/admin/bs-family-form.ts';
import { statusLine } from '../../components/feedback.ts';

function isFamily(value: unknown): value is FamilyView {
  return typeof value === 'object' && value !== null && 'id' in value && 'pseudonym' in value && 'version' in value;
}

@customElement('bs-family-admin')
export class BsFamilyAdmin extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 64rem;
      }
      h2 {
        font-size: 1.2rem;
      }
      h3 {
        font-size: 1.05rem;
        margin-top: 0;
      }
      .editor {
        margin-top: 1rem;
      }
    `,
  ];

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Id of the study. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The study's families, as the page loaded them. */
  @property({ attribute: false }) families: FamilyView[] = [];

  /** A closed study: the families are shown but cannot be changed. */
  @property({ type: Boolean }) closed = false;

  /** '' closed, 'new' adding, else the id of the family being edited. */
  @state() private _editing = '';
  /** The family shown in the form (after a conflict: what is stored now). */
  @state() private _formFamily: FamilyView | null = null;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _message = '';

  /** The id of the button that opened the form: focus goes back there when it closes. */
  private _opener = '';

  private _open(family: FamilyView | null, opener: string): void {
    this._editing = family ? family.id : 'new';
    this._formFamily = family;
    this._error = '';
    this._message = '';
    this._opener = opener;
    void this.updateComplete.then(() => this.renderRoot.querySelector<BsFamilyForm>('bs-family-form')?.focusFirst());
  }

  private _close(): void {
    this._editing = '';
    this._formFamily = null;
    this._error = '';
    const opener = this._opener;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(opener)}`)?.focus());
  }

  private async _save(e: CustomEvent<FamilySubmitDetail>): Promise<void> {
    const api = this.api;
    if (!api || this._busy) return;
    const input = e.detail.family;
    this._busy = true;
    this._error = '';
    try {
      const saved = this._formFamily
        ? await updateFamily(api, this.studyId, this._formFamily.id, this._formFamily.version, input)
        : await createFamily(api, this.studyId, {
            ...input,
            attributes: Object.fromEntries(Object.entries(input.attributes).filter(([, v]) => v !== null)) as FamilyAttributes,
          });
      this._message = this._formFamily ? t('familyAdmin.saved', { name: saved.pseudonym }) : t('familyAdmin.added', { name: saved.pseudonym });
      this._close();
      fire(this, 'bs-families-changed', {});
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'conflict' && isFamily(err.current)) {
        this._formFamily = err.current;
        this._error = t('familyAdmin.conflict');
        fire(this, 'bs-families-changed', {});
      } else {
        this._error = errorMessage(err);
      }
    } finally {
      this._busy = false;
    }
  }

  private _renderEditor() {
    if (!this._editing) return nothing;
    const heading = this._formFamily ? t('familyAdmin.editTitle', { name: this._formFamily.pseudonym }) : t('familyAdmin.addTitle');
    return html`<section class="panel editor" aria-labelledby="family-editor-title">
      <h3 id="family-editor-title">${heading}</h3>
      <bs-family-form .family=${this._formFamily} ?busy=${this._busy} error=${this._error}
        @bs-family-submit=${this._save} @bs-family-cancel=${this._close}></bs-family-form>
    </section>`;
  }

  private _renderTable() {
    if (!this.families.length) return html`<p>${t('familyAdmin.none')}</p>`;
    const attr = (v: number | string | undefined) => (v === undefined ? html`<span class="muted">${t('familyAdmin.notStated')}</span>` : v);
    return html`<div class="table-wrap"><table class="stacked">
      <caption class="visually-hidden">${t('familyAdmin.caption')}</caption>
      <thead><tr>
        <th scope="col">${t('familyAdmin.col.family')}</th>
        <th scope="col">${t('familyAdmin.col.from')}</th>
        <th scope="col">${t('familyAdmin.col.to')}</th>
        <th scope="col">${t('familyAdmin.col.children')}</th>
        <th scope="col">${t('familyAdmin.col.placements')}</th>
        <th scope="col">${t('familyAdmin.col.costBand')}</th>
        ${this.closed ? nothing : html`<th scope="col"><span class="visually-hidden">${t('familyAdmin.col.actions')}</span></th>`}
      </tr></thead>
      <tbody>
        ${this.families.map((f) => html`<tr>
          <th scope="row">${f.pseudonym}</th>
          <td data-label=${t('familyAdmin.col.from')}>${formatDateLong(f.activeFrom)}</td>
          <td data-label=${t('familyAdmin.col.to')}>${f.activeTo ? formatDateLong(f.activeTo) : t('familyAdmin.ongoing')}</td>
          <td data-label=${t('familyAdmin.col.children')}>${attr(f.attributes.children)}</td>
          <td data-label=${t('familyAdmin.col.placements')}>${attr(f.attributes.placements)}</td>
          <td data-label=${t('familyAdmin.col.costBand')}>${attr(f.attributes.costBand ? t(`costBand.${f.attributes.costBand}`) : undefined)}</td>
          ${this.closed
            ? nothing
            : html`<td><button type="button" id=${`edit-${f.id}`} aria-label=${t('familyAdmin.editFor', { name: f.pseudonym })}
                ?disabled=${this._busy} @click=${() => this._open(f, `edit-${f.id}`)}>${t('familyAdmin.edit')}</button></td>`}
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h2 id="family-admin-title">${t('familyAdmin.title')}</h2>
      <p class="hint">${this.closed ? t('familyAdmin.closed') : t('familyAdmin.intro')}</p>
      ${this._renderTable()}
      ${statusLine(this._message)}
      ${this.closed || this._editing === 'new'
        ? nothing
        : html`<p><button type="button" id="add-family" class="primary" @click=${() => this._open(null, 'add-family')}>${t('familyAdmin.add')}</button></p>`}
      ${this._renderEditor()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-family-admin': BsFamilyAdmin;
  }
}
