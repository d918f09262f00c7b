// <bs-codebook-view .api=${api} study-id="…">: "Kodbok", the study's hierarchical codebook for its
// researchers and lead: the tree (bs-code-tree: open a code, move it by drag or Alt+arrows), a form for a
// new code, the REFI-QDA import and export, and one dialog at a time to edit, move, merge or delete a
// code. Edits carry the version the user saw; a 409 or 422 is said in Swedish where the user acted, with
// what they typed kept, and the codebook is loaded again so the next try starts from what is stored.
// Caseworkers are refused by the API (403): the page says the codebook is not theirs. In a closed study
// the codebook is shown read-only under a note: the tree without its buttons or moving, no new code, no
// import; the export stays (reports and exports work after closing).
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorMessage } from '../../data/api.ts';
import { fetchReferences, type ReferenceView } from '../../data/references.ts';
import { createCode, deleteCode, fetchCodes, mergeCode, updateCode, type CodeListItem } from '../../data/research.ts';
import type { CodeActionDetail, CodeDeleteDetail, CodeMergeDetail, CodeMoveDetail, CodeSubmitDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import { codeErrorMessage } from '../../components/research/code-errors.ts';
import type { BsCodeForm } from '../../components/research/bs-code-form.ts';
import '../../components/research/bs-code-dialog.ts';
import '../../components/research/bs-code-form.ts';
import '../../components/research/bs-code-tree.ts';
import '../../components/research/bs-codebook-transfer.ts';
import { studyCrumbs } from '../study/study-page.ts';
import { ResearchPage, researchPageStyles } from './research-page.ts';

@customElement('bs-codebook-view')
export class BsCodebookView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      :host {
        max-width: 72rem;
      }
      h2:focus {
        outline: none;
      }
    `,
  ];

  @state() private _codes: CodeListItem[] | null = null;
  /** The study's reference library, to link codes to (null until loaded, or when it could not be). */
  @state() private _library: ReferenceView[] | null = null;
  /** What the last action did (a status line), or why a move by drag or keyboard failed (an alert). */
  @state() private _notice = '';
  @state() private _actionError = '';
  @state() private _createError = '';
  @state() private _creating = false;
  @state() private _dialog: { action: CodeActionDetail['action']; code: CodeListItem } | null = null;
  @state() private _dialogError = '';
  @state() private _dialogBusy = false;

  /** The button that opened the dialog, to give the focus back to. */
  private _opener: HTMLElement | null = null;

  protected get heading(): string {
    return t('codebook.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(t('codebook.title'), () => this._reload());
  }

  private async _reload(): Promise<void> {
    if (!this.api) return;
    const [codes, library] = await Promise.all([
      fetchCodes(this.api, this.studyId),
      // Without the library the codebook still works; only the choice of references is left out.
      fetchReferences(this.api, this.studyId).catch(() => null),
    ]);
    this._codes = codes;
    this._library = library;
    // The dialog's code follows what is stored (a newer version after a conflict, say).
    const open = this._dialog;
    if (open) {
      const current = codes.find((c) => c.id === open.code.id);
      if (current) this._dialog = { ...open, code: current };
    }
  }

  /** Runs one codebook edit: says `done` on success, else `fail(message)`; the codebook is loaded again either way. */
  private async _edit(run: () => Promise<unknown>, done: string, fail: (message: string) => void, editing = false): Promise<boolean> {
    this._notice = '';
    this._actionError = '';
    try {
      await run();
      this._notice = done;
      return true;
    } catch (err) {
      fail(codeErrorMessage(err, editing));
      return false;
    } finally {
      await this._reload().catch((err: unknown) => (this._actionError = errorMessage(err)));
    }
  }

  private _name(id: string | null): string {
    return this._codes?.find((c) => c.id === id)?.name ?? '';
  }

  private async _onCreate(e: CustomEvent<CodeSubmitDetail>): Promise<void> {
    e.stopPropagation();
    const api = this.api;
    if (!api || this._creating) return;
    const input = e.detail.input;
    const form = e.target as BsCodeForm;
    this._creating = true;
    this._createError = '';
    const ok = await this._edit(() => createCode(api, this.studyId, input), t('codebook.created', { name: input.name }),
      (m) => (this._createError = m));
    this._creating = false;
    if (ok) form.clear();
  }

  private _onAction(e: CustomEvent<CodeActionDetail>): void {
    // The button that was pressed, found through the shadow roots (the event itself comes from the tree).
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    this._opener = el instanceof HTMLElement ? el : null;
    this._dialogError = '';
    this._dialog = { action: e.detail.action, code: e.detail.code };
  }

  /** Closes the dialog; the focus goes back to the button that opened it, or after a change that moved
   * or removed codes (the rows below were drawn again) to the heading of the codebook. */
  private _closeDialog(changed = false): void {
    this._dialog = null;
    this._dialogError = '';
    this._dialogBusy = false;
    void this.updateComplete.then(() => {
      const back = !changed && this._opener?.isConnected ? this._opener : this.renderRoot.querySelector<HTMLElement>('#codes-title');
      back?.focus();
    });
  }

  /** Runs a dialog's edit: closes the dialog when it worked, else shows why in the dialog. */
  private async _dialogEdit(run: () => Promise<unknown>, done: string, editing = false): Promise<void> {
    if (this._dialogBusy) return;
    this._dialogBusy = true;
    this._dialogError = '';
    const ok = await this._edit(run, done, (m) => (this._dialogError = m), editing);
    this._dialogBusy = false;
    if (ok) this._closeDialog(this._dialog?.action !== 'edit');
  }

  private _onSave(e: CustomEvent<CodeSubmitDetail>): void {
    const api = this.api;
    const code = this._dialog?.code;
    if (!api || !code) return;
    const { name, description, color, references } = e.detail.input;
    const changes = { name, description, color, ...(references ? { references } : {}) };
    void this._dialogEdit(() => updateCode(api, this.studyId, code.id, code.version, changes),
      t('codebook.saved', { name }), true);
  }

  private async _onMove(e: CustomEvent<CodeMoveDetail>): Promise<void> {
    const api = this.api;
    const code = this._codes?.find((c) => c.id === e.detail.codeId);
    if (!api || !code) return;
    const { parentId, how } = e.detail;
    const run = () => updateCode(api, this.studyId, code.id, code.version, { parentId });
    const done = parentId ? t('codebook.moved', { name: code.name, parent: this._name(parentId) }) : t('codebook.movedTop', { name: code.name });
    if (how === 'dialog') await this._dialogEdit(run, done);
    else await this._edit(run, done, (m) => (this._actionError = m));
  }

  private _onMerge(e: CustomEvent<CodeMergeDetail>): void {
    const api = this.api;
    const { codeId, into } = e.detail;
    if (!api) return;
    void this._dialogEdit(() => mergeCode(api, this.studyId, codeId, into),
      t('codebook.merged', { name: this._name(codeId), into: this._name(into) }));
  }

  private _onDelete(e: CustomEvent<CodeDeleteDetail>): void {
    const api = this.api;
    const code = this._dialog?.code;
    if (!api || !code) return;
    void this._dialogEdit(() => deleteCode(api, this.studyId, code.id, code.version, e.detail.codings), t('codebook.deleted', { name: code.name }));
  }

  private _renderDialog() {
    const d = this._dialog;
    if (!d || !this._codes) return nothing;
    return html`<bs-code-dialog mode=${d.action} .code=${d.code} .codes=${this._codes} .library=${this._library} error=${this._dialogError} ?busy=${this._dialogBusy}
      @bs-code-cancel=${() => this._closeDialog()} @bs-code-submit=${this._onSave} @bs-code-merge=${this._onMerge}
      @bs-code-delete=${this._onDelete}></bs-code-dialog>`;
  }

  override render() {
    const study = this.study;
    const codes = this._codes;
    if (this.blocked || !study || !codes) return this.renderNotReady();
    // Only researchers and the lead get this far; what they may change depends on the study being open.
    const readonly = study.status !== 'open';
    const empty = readonly ? t('codebook.emptyClosed') : t('codebook.empty');
    return html`
      ${studyCrumbs(study, t('codebook.title'))}
      <h1>${t('codebook.title')}</h1>
      <p>${t('codebook.intro')}</p>
      ${readonly ? html`<p class="notice">${t('codebook.closed')}</p>` : nothing}
      <p><a href=${hrefFor({ name: 'matrix', studyId: study.id, cols: 'question' })}>${t('codebook.toMatrix')}</a></p>
      <div @bs-code-move=${this._onMove} @bs-code-action=${this._onAction}>
        <section class="panel" aria-labelledby="codes-title">
          <h2 id="codes-title" tabindex="-1">${t('codebook.codes', { n: codes.length })}</h2>
          ${statusLine(this._notice)}
          ${alertLine(this._actionError)}
          ${codes.length ? html`<bs-code-tree study-id=${study.id} .codes=${codes} ?readonly=${readonly}></bs-code-tree>` : html`<p>${empty}</p>`}
        </section>
        ${readonly ? nothing : this._renderDialog()}
      </div>
      ${readonly
        ? nothing
        : html`<section class="panel" aria-labelledby="new-code-title">
            <h2 id="new-code-title">${t('codebook.new')}</h2>
            <bs-code-form mode="create" .codes=${codes} .library=${this._library} error=${this._createError} ?busy=${this._creating}
              @bs-code-submit=${this._onCreate}></bs-code-form>
          </section>`}
      <section class="panel" aria-labelledby="transfer-title">
        <h2 id="transfer-title">${readonly ? t('codebook.exportTitle') : t('codebook.transfer')}</h2>
        <bs-codebook-transfer .api=${this.api} study-id=${study.id} ?empty=${codes.length === 0} ?readonly=${readonly}
          @bs-codebook-imported=${() => void this._reload().catch((err: unknown) => (this._actionError = errorMessage(err)))}></bs-codebook-transfer>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-codebook-view': BsCodebookView;
  }
}
