// <bs-archive-upload .families=${families} ?busy .progress=${0.4} error="…">: the lead's choice between
// "Ett zip-arkiv (en mapp per familj)" and "Flera filer" (.txt .md .docx .pdf, a family select per file,
// preset to the family whose id or pseudonym is in the file name), and "Ladda upp och läs in" with an
// upload progress bar while busy. Fires bs-archive-upload with the zip or the files and their families;
// never uploads by itself.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { familyFromFileName, type NamedFamily } from '../../common/family-from-file-name.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-progress-bar.ts';
import { alertLine } from '../feedback.ts';

const ACCEPTED = /\.(txt|md|markdown|docx|pdf)$/i;
const FILE_TYPES = '.txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Kind = 'archive' | 'files';

@customElement('bs-archive-upload')
export class BsArchiveUpload extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      ol.files {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      ol.files li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 16rem);
        gap: 0.3rem 1rem;
        align-items: center;
        border-bottom: 1px solid var(--bs-border);
        padding: 0.3rem 0;
      }
      ol.files .name {
        overflow-wrap: anywhere;
      }
      @media (max-width: 40rem) {
        ol.files li {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @state() private _kind: Kind = 'archive';
  @state() private _archive: File | null = null;
  @state() private _files: { file: File; familyId: string }[] = [];
  @state() private _localError = '';

  /** The study's families (for the selects and the folder hint). */
  @property({ attribute: false }) families: NamedFamily[] = [];

  /** True while uploading. */
  @property({ type: Boolean }) busy = false;

  /** Upload progress 0–1, null when unknown. */
  @property({ attribute: false }) progress: number | null = null;

  /** An error from the upload, shown as an alert. */
  @property() error = '';

  private _chooseKind(kind: Kind): void {
    this._kind = kind;
    this._localError = '';
  }

  private _pickArchive(e: Event): void {
    this._archive = (e.target as HTMLInputElement).files?.[0] ?? null;
    this._localError = '';
  }

  private _pickFiles(e: Event): void {
    const files = [...((e.target as HTMLInputElement).files ?? [])];
    this._files = files.map((file) => ({ file, familyId: familyFromFileName(file.name, this.families) }));
    this._localError = '';
  }

  private _setFamily(index: number, familyId: string): void {
    this._files = this._files.map((f, i) => (i === index ? { ...f, familyId } : f));
  }

  private _submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this._localError = '';
    if (this._kind === 'archive') {
      if (!this._archive) this._localError = t('archive.chooseArchive');
      else if (!/\.zip$/i.test(this._archive.name)) this._localError = t('archive.notZip');
      else fire(this, 'bs-archive-upload', { upload: { kind: 'archive', archive: this._archive } });
    } else {
      const wrong = this._files.filter((f) => !ACCEPTED.test(f.file.name)).map((f) => f.file.name);
      const homeless = this._files.filter((f) => !f.familyId).map((f) => f.file.name);
      if (this._files.length === 0) this._localError = t('archive.chooseFiles');
      else if (wrong.length) this._localError = t('archive.wrongTypes', { files: wrong.join(', ') });
      else if (homeless.length) this._localError = t('archive.familiesMissing', { files: homeless.join(', ') });
      else fire(this, 'bs-archive-upload', { upload: { kind: 'files', files: this._files } });
    }
  }

  private _renderArchive() {
    const example = this.families[0];
    return html`<div class="field">
      <label for="archive-file">${t('archive.archiveFile')}</label>
      <p class="hint" id="archive-hint">${t('archive.archiveHint', { id: example?.id ?? 'familj-a', pseudonym: example?.pseudonym ?? 'Familj A' })}</p>
      <input id="archive-file" type="file" accept=".zip,application/zip" aria-describedby="archive-hint" ?disabled=${this.busy}
        @change=${this._pickArchive} />
    </div>`;
  }

  private _renderFiles() {
    return html`<div class="field">
        <label for="plain-files">${t('archive.files')}</label>
        <p class="hint" id="files-hint">${t('archive.filesHint')}</p>
        <input id="plain-files" type="file" multiple accept=${FILE_TYPES} aria-describedby="files-hint" ?disabled=${this.busy}
          @change=${this._pickFiles} />
      </div>
      ${this._files.length
        ? html`<ol class="files" aria-label=${t('archive.fileList')}>
            ${this._files.map((f, i) => html`<li>
              <span class="name">${f.file.name}</span>
              <select aria-label=${t('archive.familyFor', { file: f.file.name })} ?disabled=${this.busy}
                @change=${(e: Event) => this._setFamily(i, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!f.familyId}>${t('archive.chooseFamily')}</option>
                ${this.families.map((fam) => html`<option value=${fam.id} ?selected=${fam.id === f.familyId}>${fam.pseudonym}</option>`)}
              </select>
            </li>`)}
          </ol>`
        : nothing}`;
  }

  override render() {
    const error = this._localError || this.error;
    return html`<form class="stack" @submit=${this._submit} aria-label=${t('archive.title')} novalidate>
      <fieldset>
        <legend>${t('archive.kind')}</legend>
        <div class="choices">
          ${(['archive', 'files'] as const).map((kind) => html`<label>
            <input type="radio" name="kind" value=${kind} .checked=${this._kind === kind} ?disabled=${this.busy}
              @change=${() => this._chooseKind(kind)} />
            ${t(`archive.kind.${kind}`)}
          </label>`)}
        </div>
      </fieldset>
      ${this._kind === 'archive' ? this._renderArchive() : this._renderFiles()}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('archive.uploading') : t('archive.submit')}</button>
      </div>
      ${this.busy ? html`<bs-progress-bar label=${t('archive.uploadProgress')} .value=${this.progress}></bs-progress-bar>` : nothing}
      ${alertLine(error)}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-archive-upload': BsArchiveUpload;
  }
}
