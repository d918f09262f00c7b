// A Lit controller for the family page's annotation work: opens the annotation form (in a modal dialog)
// for a new selection or an edit, saves, deletes, and handles 409 conflicts: the form keeps what the user
// typed, the stored version is shown above it, and the message says which of the two Spara would store.
// Example: private _notes = new AnnotationController(this, { ... }); … ${this._notes.renderDialog(questions)}
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AnnotationView, ReflectionQuestion, TextTarget } from '../../../server/domain/types.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { createAnnotation, deleteAnnotation, fetchAnnotations, updateAnnotation } from '../../data/annotations.ts';
import type { AnnotationStartDetail, AnnotationSubmitDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import type { BsAnnotationForm } from '../../components/reader/bs-annotation-form.ts';
import '../../components/reader/bs-annotation-form.ts';
import '../../components/bs-markdown-view.ts';

interface Draft {
  mode: 'create' | 'edit';
  documentId: string;
  target: TextTarget;
  questionId: string;
  comment: string;
  knownAtTheTime: boolean | null;
  /** The annotation being edited (its version goes in If-Match). */
  annotation?: AnnotationView;
  /** After a conflict: the stored version, shown beside the user's own text. */
  stored?: AnnotationView;
}

/** What the controller needs from its page. */
export interface AnnotationContext {
  api(): Api | undefined;
  studyId(): string;
  familyId(): string;
  annotations(): AnnotationView[];
  setAnnotations(list: AnnotationView[]): void;
  /** Called after a new annotation was saved or the form was cancelled (clears the reader's selection). */
  done(): void;
}

function isAnnotation(value: unknown): value is AnnotationView {
  return typeof value === 'object' && value !== null && 'id' in value && 'version' in value && 'target' in value;
}

export class AnnotationController implements ReactiveController {
  draft: Draft | null = null;
  busy = false;
  busyId = '';
  formError = '';
  /** A page-level message after a delete or a conflict. */
  notice = '';
  error = '';

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _ctx: AnnotationContext,
  ) {
    _host.addController(this);
  }

  hostUpdated(): void {
    const root = this._host.shadowRoot;
    const dialog = root?.querySelector<HTMLDialogElement>('dialog.annotation');
    if (!dialog) return;
    if (this.draft && !dialog.open) {
      dialog.showModal();
      root?.querySelector<BsAnnotationForm>('bs-annotation-form')?.focusComment();
    } else if (!this.draft && dialog.open) {
      dialog.close();
    }
  }

  /** True when the form is open with a comment the user typed. */
  get dirty(): boolean {
    const form = this._host.shadowRoot?.querySelector<BsAnnotationForm>('bs-annotation-form');
    return !!this.draft && !!form?.dirty;
  }

  /** A selection was marked with a question: open the form for a new annotation. */
  start(detail: AnnotationStartDetail): void {
    this.draft = { mode: 'create', ...detail, comment: '', knownAtTheTime: null };
    this._reset();
  }

  /** Open the form on one of the user's annotations. */
  edit(annotation: AnnotationView): void {
    this.draft = {
      mode: 'edit', documentId: annotation.documentId, target: annotation.target, questionId: annotation.questionId,
      comment: annotation.comment, knownAtTheTime: annotation.knownAtTheTime, annotation,
    };
    this._reset();
  }

  cancel(): void {
    if (!this.draft) return;
    const wasCreate = this.draft.mode === 'create';
    this.draft = null;
    this._host.requestUpdate();
    if (wasCreate) this._ctx.done();
  }

  async submit(detail: AnnotationSubmitDetail): Promise<void> {
    const api = this._ctx.api();
    const draft = this.draft;
    if (!api || !draft || this.busy) return;
    this.busy = true;
    this.formError = '';
    this._host.requestUpdate();
    try {
      if (draft.mode === 'create') {
        const saved = await createAnnotation(api, this._ctx.studyId(), {
          documentId: draft.documentId, target: draft.target, ...detail,
        });
        this._ctx.setAnnotations([...this._ctx.annotations(), saved]);
        this.draft = null;
        this._ctx.done();
      } else if (draft.annotation) {
        const saved = await updateAnnotation(api, this._ctx.studyId(), draft.annotation.id, draft.annotation.version, detail);
        this._replace(saved);
        this.draft = null;
      }
      this.notice = t('family.saved');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && draft.annotation) {
        // Keep the form and the user's text; the next Spara goes over the version now shown.
        const current = await this._current(err, draft.annotation.id);
        if (current) this.draft = { ...draft, ...detail, annotation: current, stored: current };
        this.formError = t('family.conflict');
      } else {
        this.formError = errorMessage(err);
      }
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  }

  /** Deletes one of the user's annotations (the card has already asked for confirmation). */
  async remove(annotation: AnnotationView): Promise<void> {
    const api = this._ctx.api();
    if (!api || this.busyId) return;
    this.busyId = annotation.id;
    this.notice = '';
    this.error = '';
    this._host.requestUpdate();
    try {
      await deleteAnnotation(api, this._ctx.studyId(), annotation.id, annotation.version);
      this._ctx.setAnnotations(this._ctx.annotations().filter((a) => a.id !== annotation.id));
      this.notice = t('family.deleted');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await this._current(err, annotation.id);
        this.error = t('family.conflictDelete');
      } else {
        this.error = errorMessage(err);
      }
    } finally {
      this.busyId = '';
      this._host.requestUpdate();
    }
  }

  private _reset(): void {
    this.formError = '';
    this.notice = '';
    this.error = '';
    this._host.requestUpdate();
  }

  private _replace(annotation: AnnotationView): void {
    this._ctx.setAnnotations(this._ctx.annotations().map((a) => (a.id === annotation.id ? annotation : a)));
  }

  /** The stored version after a conflict: from the 409 body, or reloaded. Updates the page's list. */
  private async _current(err: ApiError, id: string): Promise<AnnotationView | null> {
    let current = isAnnotation(err.current) ? err.current : null;
    const api = this._ctx.api();
    if (!current && api) {
      const list = await fetchAnnotations(api, this._ctx.studyId(), { family: this._ctx.familyId() }).catch(() => null);
      if (list) {
        this._ctx.setAnnotations(list);
        return list.find((a) => a.id === id) ?? null;
      }
    }
    if (current) this._replace(current);
    return current;
  }

  /** The stored version after a conflict: question, comment and "känt vid tidpunkten". */
  private _renderStored(stored: AnnotationView, questions: ReflectionQuestion[]) {
    const question = questions.find((q) => q.id === stored.questionId);
    const known = stored.knownAtTheTime === null ? 'unknown' : stored.knownAtTheTime ? 'yes' : 'no';
    return html`<section class="stored" aria-labelledby="annotation-stored-title">
      <h3 id="annotation-stored-title">${t('family.conflictStored')}</h3>
      <p>${question?.label ?? stored.questionId} · ${t('annotation.knownLine', { value: t(`annotation.known.${known}`) })}</p>
      ${stored.comment.trim() ? html`<bs-markdown-view .markdown=${stored.comment}></bs-markdown-view>` : nothing}
    </section>`;
  }

  /** The modal dialog with the annotation form; render it once in the page. */
  renderDialog(questions: ReflectionQuestion[]) {
    const d = this.draft;
    return html`<dialog class="annotation" aria-labelledby="annotation-dialog-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.cancel();
      }}>
      <span id="annotation-dialog-title" class="visually-hidden">
        ${d?.mode === 'edit' ? t('annotation.editTitle') : t('annotation.newTitle')}</span>
      ${d?.stored ? this._renderStored(d.stored, questions) : nothing}
      ${d
        ? html`<bs-annotation-form .quote=${d.target.exact} .questions=${questions} question-id=${d.questionId}
            .comment=${d.comment} .knownAtTheTime=${d.knownAtTheTime} mode=${d.mode} ?busy=${this.busy} error=${this.formError}
            @bs-annotation-submit=${(e: CustomEvent<AnnotationSubmitDetail>) => void this.submit(e.detail)}
            @bs-annotation-cancel=${() => this.cancel()}></bs-annotation-form>`
        : nothing}
    </dialog>`;
  }
}
