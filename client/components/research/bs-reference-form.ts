// <bs-reference-form .api=${api} study-id="…" .reference=${ref}>: edits one reference of the library:
// title, authors (one a line, "Efternamn, Förnamn"; a line without a comma is an organisation), year,
// container title, publisher, pages and DOI. Saves with PATCH and If-Match, sending only the fields the
// user changed (so name parts the form cannot show, such as particles, survive an edit of the title).
// Fires bs-reference-saved after saving and bs-reference-cancel for "Avbryt" or Escape.
// On a 409 the stored reference is shown; the fields the user changed keep the typed values, the others
// take the stored ones, and saving again uses the stored version.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { issuedYear, type CslItem, type CslName } from '../../../server/literature/csl-item.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { updateReference, type ReferencePatch, type ReferenceView } from '../../data/references.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';

/** The form's fields, as the text in each input. */
interface ReferenceFields {
  title: string;
  authors: string;
  year: string;
  container: string;
  publisher: string;
  page: string;
  doi: string;
}
type FieldName = keyof ReferenceFields;

/** One CSL name as a line of the authors field. */
function nameLine(name: CslName | string): string {
  if (typeof name === 'string') return name;
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return given ? `${family}, ${given}` : family;
}

/** The authors field as CSL names: "Efternamn, Förnamn" a person, a line without a comma `{ literal }`. */
export function parseAuthors(text: string): CslName[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const comma = line.indexOf(',');
    if (comma < 0) return { literal: line };
    const family = line.slice(0, comma).trim();
    const given = line.slice(comma + 1).trim();
    return given ? { family, given } : { family };
  });
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function fieldsOf(ref: ReferenceView): ReferenceFields {
  const item = ref as unknown as CslItem;
  return {
    title: text(ref.title),
    authors: (Array.isArray(ref.author) ? ref.author : []).map(nameLine).join('\n'),
    year: issuedYear(item) ?? '',
    container: text(ref['container-title']),
    publisher: text(ref['publisher']),
    page: text(ref['page']),
    doi: text(ref['DOI']),
  };
}

const SCALARS: [FieldName, string][] = [
  ['title', 'title'], ['container', 'container-title'], ['publisher', 'publisher'], ['page', 'page'], ['doi', 'DOI'],
];

@customElement('bs-reference-form')
export class BsReferenceForm extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        margin: 0.6rem 0 0.2rem;
      }
      .stored {
        margin: 0.3rem 0 0;
      }
      .stored dt {
        font-weight: 600;
      }
      .stored dd {
        margin: 0 0 0.3rem;
        white-space: pre-line;
      }
    `,
  ];

  @property({ attribute: false }) api: Api | null = null;
  @property({ attribute: 'study-id' }) studyId = '';
  /** The reference being edited. */
  @property({ attribute: false }) reference: ReferenceView | null = null;

  @state() private _fields: ReferenceFields = fieldsOf({ id: '', type: 'document', version: 0 } as unknown as ReferenceView);
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _missingTitle = false;
  @state() private _badYear = false;
  /** The stored reference after a 409: shown, and its version used for the next save. */
  @state() private _stored: ReferenceView | null = null;

  /** The fields as the form was opened: a field still equal to these is not sent. */
  private _opened: ReferenceFields | null = null;
  private _filledFrom: string | null = null;

  override willUpdate(): void {
    const ref = this.reference;
    if (ref && ref.id !== this._filledFrom) {
      this._filledFrom = ref.id;
      this._opened = fieldsOf(ref);
      this._fields = { ...this._opened };
      this._stored = null;
      this._error = '';
    }
  }

  /** Focuses the first field (the page calls this once the form is shown). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#ref-title')?.focus();
  }

  private _set(name: FieldName, e: Event): void {
    this._fields = { ...this._fields, [name]: (e.target as HTMLInputElement | HTMLTextAreaElement).value };
  }

  /** What changed since the form was opened, as a CSL patch (an emptied field is removed). */
  private _patch(): ReferencePatch {
    const now = this._fields;
    const was = this._opened ?? now;
    const patch: ReferencePatch = {};
    for (const [field, variable] of SCALARS) {
      if (now[field].trim() !== was[field].trim()) patch[variable] = now[field].trim() || null;
    }
    if (now.authors.trim() !== was.authors.trim()) {
      const names = parseAuthors(now.authors);
      patch.author = names.length ? names : null;
    }
    if (now.year.trim() !== was.year.trim()) {
      patch.issued = now.year.trim() ? { 'date-parts': [[Number(now.year.trim())]] } : null;
    }
    return patch;
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const ref = this.reference;
    if (!api || !ref || this._busy) return;
    this._missingTitle = !this._fields.title.trim();
    this._badYear = !!this._fields.year.trim() && !/^\d{1,4}$/.test(this._fields.year.trim());
    if (this._missingTitle || this._badYear) {
      this.renderRoot.querySelector<HTMLElement>(this._missingTitle ? '#ref-title' : '#ref-year')?.focus();
      return;
    }
    const version = this._stored?.version ?? ref.version;
    this._busy = true;
    this._error = '';
    try {
      const saved = await updateReference(api, this.studyId, ref.id, version, this._patch());
      fire(this, 'bs-reference-saved', { reference: saved });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current && typeof err.current === 'object') {
        this._stored = err.current as ReferenceView;
        // The fields the user changed keep what they typed; the others take the stored values, and from
        // now on a field counts as changed against what is stored (so the other change is not undone).
        const stored = fieldsOf(this._stored);
        const opened = this._opened ?? stored;
        const next = { ...this._fields };
        for (const name of Object.keys(next) as FieldName[]) if (next[name].trim() === opened[name].trim()) next[name] = stored[name];
        this._fields = next;
        this._opened = stored;
        this._error = t('literature.form.conflict');
      } else {
        this._error = errorMessage(err);
      }
    } finally {
      this._busy = false;
    }
  }

  private _keydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    fire(this, 'bs-reference-cancel', {});
  }

  private _renderStored(stored: ReferenceView) {
    const f = fieldsOf(stored);
    const rows: [string, string][] = [
      [t('literature.form.title'), f.title], [t('literature.form.authors'), f.authors], [t('literature.form.year'), f.year],
      [t('literature.form.container'), f.container], [t('literature.form.publisher'), f.publisher],
      [t('literature.form.pages'), f.page], [t('literature.form.doi'), f.doi],
    ];
    return html`<div class="notice" role="note">
      <p>${t('literature.form.conflictHint')}</p>
      <dl class="stored">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value || t('literature.form.empty')}</dd>`)}</dl>
    </div>`;
  }

  private _input(id: string, name: FieldName, label: string, opts: { hint?: string; invalid?: boolean; inputmode?: string } = {}) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
      <input id=${id} type="text" autocomplete="off" inputmode=${opts.inputmode ?? 'text'}
        aria-describedby=${opts.hint ? `${id}-hint` : nothing} aria-invalid=${opts.invalid ? 'true' : 'false'}
        .value=${this._fields[name]} @input=${(e: Event) => this._set(name, e)} />
    </div>`;
  }

  override render() {
    const ref = this.reference;
    if (!ref) return nothing;
    return html`<form class="stack" novalidate @submit=${this._submit} @keydown=${this._keydown}>
      <fieldset class="stack">
        <legend>${t('literature.form.legend', { key: ref.id })}</legend>
        ${this._input('ref-title', 'title', t('literature.form.title'), { invalid: this._missingTitle })}
        ${this._missingTitle ? html`<p class="alert" role="alert">${t('literature.form.titleMissing')}</p>` : nothing}
        <div class="field">
          <label for="ref-authors">${t('literature.form.authors')}</label>
          <p class="hint" id="ref-authors-hint">${t('literature.form.authorsHint')}</p>
          <textarea id="ref-authors" rows="3" aria-describedby="ref-authors-hint" .value=${this._fields.authors}
            @input=${(e: Event) => this._set('authors', e)}></textarea>
        </div>
        ${this._input('ref-year', 'year', t('literature.form.year'), { invalid: this._badYear, inputmode: 'numeric' })}
        ${this._badYear ? html`<p class="alert" role="alert">${t('literature.form.yearInvalid')}</p>` : nothing}
        ${this._input('ref-container', 'container', t('literature.form.container'), { hint: t('literature.form.containerHint') })}
        ${this._input('ref-publisher', 'publisher', t('literature.form.publisher'))}
        ${this._input('ref-page', 'page', t('literature.form.pages'))}
        ${this._input('ref-doi', 'doi', t('literature.form.doi'))}
        ${alertLine(this._error)}
        ${this._stored ? this._renderStored(this._stored) : nothing}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this._busy}>
            ${this._busy ? t('literature.form.saving') : t('literature.form.save')}</button>
          <button type="button" @click=${() => fire(this, 'bs-reference-cancel', {})}>${t('literature.form.cancel')}</button>
        </div>
      </fieldset>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-reference-form': BsReferenceForm;
  }
}
