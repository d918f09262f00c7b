// A Lit controller for the researcher's coding on the family page (researchers and the lead): loads the
// codebook and the family's codings once, answers bs-coding-request (from the reader's selection bar, the
// coding strips and the reflections page) by opening the code picker in a modal dialog, saves each chosen
// code (several in a row; "Ny kod" creates a top-level code first), and removes codings on bs-coding-remove.
// Keeps the codings grouped by segment (`segments`) and placed in the reader's blocks (`placed()`).
// Showing and writing are apart: in a closed study the codings are still shown (`enabled`), but no request
// or removal is acted on, no picker is rendered and no mark is removable (`canWrite` is false).
// Example: private _coding = new CodingController(this, { … }); … ${this._coding.renderDialog()}
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AnnotationView, CodingView } from '../../../server/domain/types.ts';
import type { Block } from '../../common/chronology.ts';
import { appliedCodes, codeStyles, inputKey, placeCodings, segmentsOf, type BlockCodings, type MarkedSegment } from '../../common/coding-marks.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { createCode, createCoding, deleteCoding, fetchCodes, fetchCodings, type CodeListItem } from '../../data/research.ts';
import type { CodeApplyDetail, CodeCreateDetail, CodingRefDetail, CodingRequestDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import type { BsCodePicker } from '../../components/research/bs-code-picker.ts';
import '../../components/research/bs-code-picker.ts';

/** What the controller needs from its page. */
export interface CodingContext {
  api(): Api | undefined;
  studyId(): string;
  familyId(): string;
  /** The user sees the codings here: a researcher or the lead of the study. */
  enabled(): boolean;
  /** The user may also code here (the family's `permissions.code`: false once the study is closed). */
  canWrite(): boolean;
  /** The lead may remove anyone's codings. */
  lead(): boolean;
  userId(): string;
  /** Changes when the user logs in again after the session expired (what failed is loaded again). */
  session(): number;
  /** The picker closed after coding a selection in the reader (so it can clear the selection). */
  done(): void;
}

export class CodingController implements ReactiveController {
  codes: CodeListItem[] = [];
  codings: CodingView[] = [];
  /** The codings grouped by segment key. */
  segments = new Map<string, MarkedSegment>();
  /** A page-level error (loading, removing). */
  error = '';
  /** A page-level confirmation (read out politely). */
  notice = '';
  request: (CodingRequestDetail & { key: string }) | null = null;
  busy = false;
  pickerError = '';
  pickerNotice = '';

  #loadedFor = '';
  /** The last load failed (in this session). */
  failed = false;
  #failedSession = -1;
  /** The `canWrite` the segments were last styled for. */
  #styledWrite = false;
  #placed: { blocks: readonly Block[]; owner: ReadonlyMap<string, readonly AnnotationView[]>; segments: Map<string, MarkedSegment>; result: Map<string, BlockCodings> } | null = null;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _ctx: CodingContext,
  ) {
    _host.addController(this);
  }

  get enabled(): boolean {
    return this._ctx.enabled();
  }

  /** Shown and writable: coding, removing and the picker are offered. */
  get canWrite(): boolean {
    return this._ctx.enabled() && this._ctx.canWrite();
  }

  hostConnected(): void {
    this._host.addEventListener('bs-coding-request', this.#onRequest);
    this._host.addEventListener('bs-coding-remove', this.#onRemove);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('bs-coding-request', this.#onRequest);
    this._host.removeEventListener('bs-coding-remove', this.#onRemove);
  }

  hostUpdate(): void {
    // Loaded once per family; after a failure only a new login loads again (no retry loop).
    const key = this._ctx.enabled() && this._ctx.api() ? `${this._ctx.studyId()}/${this._ctx.familyId()}` : '';
    const retry = this.failed && this.#failedSession !== this._ctx.session();
    if (key && (key !== this.#loadedFor || retry)) {
      this.#loadedFor = key;
      this.failed = false;
      void this.load();
    }
    // The right to write came later than the codings (the family loads beside them) or went away (the
    // study was closed): the chips' × follow it. Set here, before the host renders, so no extra update.
    if (this.canWrite !== this.#styledWrite && this.codings.length) this.#style();
    if (this.request && !this.canWrite) this.request = null;
  }

  hostUpdated(): void {
    const root = this._host.shadowRoot;
    const dialog = root?.querySelector<HTMLDialogElement>('dialog.coding');
    if (!dialog) return;
    if (this.request && !dialog.open) {
      dialog.showModal();
      root?.querySelector<BsCodePicker>('bs-code-picker')?.reset();
    } else if (!this.request && dialog.open) {
      dialog.close();
    }
  }

  readonly #onRequest = (e: CustomEvent<CodingRequestDetail>): void => {
    if (this.canWrite) this.open(e.detail);
  };

  readonly #onRemove = (e: CustomEvent<CodingRefDetail>): void => {
    if (this.canWrite) void this.remove(e.detail.coding);
  };

  /** Loads the codebook and the family's codings (again). */
  async load(): Promise<void> {
    const api = this._ctx.api();
    if (!api) return;
    try {
      const [codes, codings] = await Promise.all([
        fetchCodes(api, this._ctx.studyId()),
        fetchCodings(api, this._ctx.studyId(), { family: this._ctx.familyId() }),
      ]);
      this.codes = codes;
      this.failed = false;
      this.error = '';
      this.#setCodings(codings);
    } catch (err) {
      this.failed = true;
      this.#failedSession = this._ctx.session();
      this.error = errorMessage(err);
      this._host.requestUpdate();
    }
  }

  /** Passage and annotation codings by reader block; unchanged blocks keep their previous objects. */
  placed(blocks: readonly Block[], owner: ReadonlyMap<string, readonly AnnotationView[]>): Map<string, BlockCodings> {
    const p = this.#placed;
    if (p && p.blocks === blocks && p.owner === owner && p.segments === this.segments) return p.result;
    const result = placeCodings(blocks, owner, this.segments, p?.result);
    this.#placed = { blocks, owner, segments: this.segments, result };
    return result;
  }

  open(detail: CodingRequestDetail): void {
    this.request = { ...detail, key: inputKey(detail.target) };
    this.pickerError = '';
    this.pickerNotice = '';
    this.notice = '';
    this._host.requestUpdate();
    // The codebook may have grown elsewhere (the codebook page, another researcher).
    const api = this._ctx.api();
    if (api) {
      void fetchCodes(api, this._ctx.studyId()).then((codes) => {
        this.codes = codes;
        this.#restyle();
      }, () => undefined);
    }
  }

  close(): void {
    const request = this.request;
    if (!request) return;
    this.request = null;
    this._host.requestUpdate();
    if (request.target.type === 'passage') this._ctx.done();
  }

  async apply(codeId: string): Promise<void> {
    const api = this._ctx.api();
    const request = this.request;
    if (!api || !request || this.busy) return;
    const name = this.codes.find((c) => c.id === codeId)?.name ?? '';
    this.busy = true;
    this.pickerError = '';
    this.pickerNotice = '';
    this._host.requestUpdate();
    try {
      const coding = await createCoding(api, this._ctx.studyId(), codeId, request.target);
      this.#setCodings([...this.codings, coding]);
      this.pickerNotice = t('coding.saved', { name });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Coded with it meanwhile (another tab, another researcher): show what is stored.
        this.pickerNotice = t('coding.already', { name });
        void this.load();
      } else if (err instanceof ApiError && err.code === 'target_mismatch') {
        this.pickerError = t('coding.mismatch');
      } else {
        this.pickerError = errorMessage(err);
      }
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  }

  /** Creates a top-level code with this name and applies it. */
  async create(name: string): Promise<void> {
    const api = this._ctx.api();
    if (!api || !this.request || this.busy) return;
    this.busy = true;
    this.pickerError = '';
    this._host.requestUpdate();
    let codeId = '';
    try {
      const code = await createCode(api, this._ctx.studyId(), { name });
      codeId = code.id;
      this.codes = await fetchCodes(api, this._ctx.studyId()).catch(() => [...this.codes, { ...code, depth: 0, codingCount: 0 }]);
      this.#restyle();
    } catch (err) {
      this.pickerError = errorMessage(err);
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
    if (codeId) await this.apply(codeId);
  }

  async remove(coding: CodingView): Promise<void> {
    const api = this._ctx.api();
    if (!api) return;
    this.error = '';
    this.notice = '';
    try {
      await deleteCoding(api, this._ctx.studyId(), coding.id);
      this.#setCodings(this.codings.filter((c) => c.id !== coding.id));
      this.notice = t('coding.removed', { name: coding.codeName });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.#setCodings(this.codings.filter((c) => c.id !== coding.id));
      else this.error = errorMessage(err);
    } finally {
      this._host.requestUpdate();
    }
  }

  #setCodings(codings: CodingView[]): void {
    this.codings = codings;
    this.#restyle();
  }

  #restyle(): void {
    this.#style();
    this._host.requestUpdate();
  }

  #style(): void {
    const readonly = !this.canWrite;
    this.#styledWrite = !readonly;
    this.segments = segmentsOf(this.codings, codeStyles(this.codes), { id: this._ctx.userId(), lead: this._ctx.lead(), readonly });
  }

  /** The modal dialog with the code picker; render it once in the page. */
  renderDialog() {
    if (!this.canWrite) return nothing;
    const r = this.request;
    return html`<dialog class="coding" aria-labelledby="coding-dialog-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}>
      <span id="coding-dialog-title" class="visually-hidden">${t('coding.picker.title')}</span>
      ${r
        ? html`<bs-code-picker .codes=${this.codes} .applied=${appliedCodes(this.segments, r.key)} subject=${r.subject}
            ?busy=${this.busy} error=${this.pickerError} notice=${this.pickerNotice}
            @bs-code-picker-apply=${(e: CustomEvent<CodeApplyDetail>) => void this.apply(e.detail.codeId)}
            @bs-code-picker-create=${(e: CustomEvent<CodeCreateDetail>) => void this.create(e.detail.name)}
            @bs-code-picker-close=${() => this.close()}></bs-code-picker>`
        : nothing}
    </dialog>`;
  }
}
