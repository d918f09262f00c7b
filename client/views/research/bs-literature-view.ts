// <bs-literature-view .api=${api} study-id="…">: "Litteratur", the study's reference library for its
// researchers and lead: import a reference file (.bib, .ris, CSL-JSON) and see what it added, what was
// already there (left unchanged) and what to check; the library as formatted entries with the key to cite
// each by; edit a reference's main fields (<bs-reference-form>, saved with its version); delete a reference after confirming (with the version shown, so a stale delete is refused); and
// the study's reference list, the works its texts cite, with keys cited but missing from the library.
// Formatted entries are citeproc HTML from the server, shown only after DOMPurify.
// Caseworkers are refused (ResearchPage); a closed study shows the library without import, edit or delete.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import {
  deleteReference, fetchBibliography, fetchFormattedReferences, importReferences,
  type Bibliography, type ReferenceImportResult, type ReferenceView,
} from '../../data/references.ts';
import { clearCitationCache } from '../../common/citations.ts';
import { sanitizeHtml } from '../../common/markdown.ts';
import { t } from '../../i18n/sv.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import '../../components/research/bs-reference-form.ts';
import { studyCrumbs } from '../study/study-page.ts';
import { ResearchPage, researchPageStyles } from './research-page.ts';

@customElement('bs-literature-view')
export class BsLiteratureView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      :host {
        max-width: 64rem;
      }
      .library {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .library > li {
        border-top: 1px solid var(--bs-border);
        padding: 0.6rem 0;
      }
      .library .entry {
        margin: 0 0 0.3rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        align-items: center;
      }
      code {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      }
      .bibliography p {
        margin: 0 0 0.5rem;
        padding-left: 2em;
        text-indent: -2em;
      }
      .warnings {
        margin: 0.2rem 0 0.6rem;
      }
    `,
  ];

  @state() private _references: ReferenceView[] | null = null;
  /** What the study cites, formatted. */
  @state() private _cited: Bibliography | null = null;
  @state() private _file: File | null = null;
  /** References pasted as text (a BibTeX entry copied from a library catalogue, RIS or CSL-JSON). */
  @state() private _pasted = '';
  @state() private _importing = false;
  @state() private _result: ReferenceImportResult | null = null;
  @state() private _importError = '';
  /** The key whose delete is being confirmed. */
  @state() private _asking = '';
  @state() private _deleting = false;
  /** The key whose edit form is open. */
  @state() private _editing = '';
  @state() private _notice = '';
  @state() private _actionError = '';

  protected get heading(): string {
    return t('literature.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(t('literature.title'), (api) => this._reload(api));
  }

  private async _reload(api: Api): Promise<void> {
    const [references, cited] = await Promise.all([fetchFormattedReferences(api, this.studyId), fetchBibliography(api, this.studyId)]);
    this._references = references;
    this._cited = cited;
  }

  /** Loads the lists again after a change; a failure is said where the user acted. */
  private async _afterChange(api: Api): Promise<void> {
    // Citations formatted before may now name works that are gone, or miss ones just added.
    clearCitationCache();
    await this._reload(api).catch((err: unknown) => (this._actionError = errorMessage(err)));
  }

  private async _import(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.api;
    // A chosen file wins; otherwise the pasted text goes the same way, as a file whose format the server detects.
    const file = this._file ?? (this._pasted.trim() ? new File([this._pasted], 'inklistrat.txt', { type: 'text/plain' }) : null);
    if (!api || !file || this._importing) return;
    this._importing = true;
    this._importError = '';
    this._result = null;
    try {
      this._result = await importReferences(api, this.studyId, file);
      this._file = null;
      this._pasted = '';
      this.renderRoot.querySelector<HTMLFormElement>('form.import')?.reset();
      await this._afterChange(api);
    } catch (err) {
      this._importError = errorMessage(err);
    } finally {
      this._importing = false;
    }
  }

  private async _delete(ref: ReferenceView): Promise<void> {
    const api = this.api;
    if (!api || this._deleting) return;
    this._deleting = true;
    this._notice = '';
    this._actionError = '';
    try {
      await deleteReference(api, this.studyId, ref.id, ref.version);
      this._notice = t('literature.deleted', { key: ref.id });
      this._asking = '';
    } catch (err) {
      this._actionError = err instanceof ApiError && err.status === 409 ? t('literature.conflict') : errorMessage(err);
    } finally {
      this._deleting = false;
      await this._afterChange(api);
      // The row is gone (or changed): the focus goes to the library's heading rather than to nowhere.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#library-title')?.focus());
    }
  }

  private _openEdit(ref: ReferenceView): void {
    this._editing = ref.id;
    this._notice = '';
    this._actionError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector('bs-reference-form')?.focusFirst());
  }

  /** Closes the edit form and gives the focus back to the reference's "Ändra" button. */
  private _closeEdit(): void {
    const key = this._editing;
    this._editing = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`button[data-edit="${CSS.escape(key)}"]`)?.focus());
  }

  private async _saved(e: CustomEvent<{ reference: ReferenceView }>): Promise<void> {
    const api = this.api;
    const key = e.detail.reference.id;
    this._actionError = '';
    if (api) await this._afterChange(api);
    this._notice = t('literature.edited', { key });
    this._closeEdit();
  }

  private _renderImport() {
    const r = this._result;
    return html`<section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">${t('literature.import.title')}</h2>
      <form class="stack import" @submit=${this._import}>
        <div class="field">
          <label for="ref-file">${t('literature.import.file')}</label>
          <p class="hint" id="ref-hint">${t('literature.import.hint')}</p>
          <input id="ref-file" type="file" accept=".bib,.bibtex,.biblatex,.ris,.json" aria-describedby="ref-hint"
            @change=${(e: Event) => (this._file = (e.target as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <div class="field">
          <label for="ref-paste">${t('literature.import.paste')}</label>
          <p class="hint" id="ref-paste-hint">${t('literature.import.pasteHint')}</p>
          <textarea id="ref-paste" rows="5" spellcheck="false" aria-describedby="ref-paste-hint" .value=${this._pasted}
            @input=${(e: Event) => (this._pasted = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="buttons">
          <button type="submit" ?disabled=${(!this._file && !this._pasted.trim()) || this._importing}>
            ${this._importing ? t('literature.import.busy') : t('literature.import.submit')}</button>
        </div>
        <div role="status">
          ${r
            ? html`<p class="ok">${r.created.length ? t('literature.import.created', { n: r.created.length }) : t('literature.import.createdNone')}</p>
                ${r.duplicates.length ? html`<p>${t('literature.import.duplicates', { keys: r.duplicates.join(', ') })}</p>` : nothing}
                ${r.warnings.length
                  ? html`<p>${t('literature.import.warnings')}</p><ul class="warnings">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
                  : nothing}`
            : nothing}
        </div>
        ${alertLine(this._importError)}
      </form>
    </section>`;
  }

  private _renderReference(ref: ReferenceView, readonly: boolean) {
    const entry = ref.formatted?.html;
    const asking = this._asking === ref.id;
    const editing = this._editing === ref.id;
    return html`<li>
      <p class="entry">${entry !== undefined ? unsafeHTML(sanitizeHtml(entry)) : (ref.title ?? ref.id)}</p>
      <div class="row">
        <span>${t('literature.library.citeAs')} <code>[@${ref.id}]</code></span>
        ${readonly
          ? nothing
          : asking
            ? html`<span class="confirm" role="group" aria-label=${t('literature.deleteConfirm', { key: ref.id })}>
                <span>${t('literature.deleteConfirm', { key: ref.id })}</span>
                <button type="button" class="danger small" ?disabled=${this._deleting} @click=${() => void this._delete(ref)}>
                  ${t('literature.deleteYes')}</button>
                <button type="button" class="small" ?disabled=${this._deleting} @click=${() => (this._asking = '')}>${t('literature.deleteNo')}</button>
              </span>`
            : html`<button type="button" class="small" data-edit=${ref.id} aria-label=${t('literature.editLabel', { key: ref.id })}
                  aria-expanded=${editing ? 'true' : 'false'} @click=${() => (editing ? this._closeEdit() : this._openEdit(ref))}>
                  ${t('literature.edit')}</button>
                <button type="button" class="small" aria-label=${t('literature.deleteLabel', { key: ref.id })}
                  @click=${() => (this._asking = ref.id)}>${t('literature.delete')}</button>`}
      </div>
      ${editing && !readonly
        ? html`<bs-reference-form .api=${this.api ?? null} study-id=${this.studyId} .reference=${ref}
            @bs-reference-saved=${(e: CustomEvent<{ reference: ReferenceView }>) => void this._saved(e)}
            @bs-reference-cancel=${() => this._closeEdit()}></bs-reference-form>`
        : nothing}
    </li>`;
  }

  private _renderBibliography(cited: Bibliography) {
    return html`<section class="panel" aria-labelledby="bibliography-title">
      <h2 id="bibliography-title">${t('literature.bibliography.title')}</h2>
      <p class="hint">${t('literature.bibliography.intro')}</p>
      ${cited.nothingCited
        ? html`<p>${t('literature.bibliography.nothingCited')}</p>`
        : html`<div class="bibliography">${cited.entries.map((e) => html`<p>${unsafeHTML(sanitizeHtml(e.html))}</p>`)}</div>`}
      ${cited.unknownKeys.length
        ? html`<div class="notice" role="note"><p>${t('literature.bibliography.unknown')}</p>
            <ul>${cited.unknownKeys.map((k) => html`<li><code>${k}</code></li>`)}</ul></div>`
        : nothing}
    </section>`;
  }

  override render() {
    const study = this.study;
    const references = this._references;
    const cited = this._cited;
    if (this.blocked || !study || !references || !cited) return this.renderNotReady();
    const readonly = study.status !== 'open';
    return html`
      ${studyCrumbs(study, t('literature.title'))}
      <h1>${t('literature.title')}</h1>
      <p>${t('literature.intro')}</p>
      ${readonly ? html`<p class="notice">${t('literature.closed')}</p>` : this._renderImport()}
      <section class="panel" aria-labelledby="library-title">
        <h2 id="library-title" tabindex="-1">${t('literature.library.title', { n: references.length })}</h2>
        ${statusLine(this._notice)}
        ${alertLine(this._actionError)}
        ${references.length
          ? html`<ul class="library">${references.map((ref) => this._renderReference(ref, readonly))}</ul>`
          : html`<p>${t('literature.library.empty')}</p>`}
      </section>
      ${this._renderBibliography(cited)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-literature-view': BsLiteratureView;
  }
}
