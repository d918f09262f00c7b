// <bs-family-view .api=${api} .user=${user} study-id="…" family-id="…" tab="akt|reflektioner">: one
// family's page. "Akten": the whole case file in date order (bs-reader) beside its timeline (bs-timeline),
// annotations in the text, margin and timeline, orphaned annotations listed apart, and the lead's import.
// "Reflektioner": the summary and reflections (bs-reflections-view). "Utredningar": the investigations found in
// the chronology and their appraisals (bs-investigations-view). Loads all data; components only render.
// A long case file shows from its head first (…/documents/:doc?head=), then whole, and the annotations
// arrive after the text; until both are in, the timeline, the lost annotations and a jump to a place in
// the text (a search hit) wait.
// Offers annotating, writing, importing and coding only as far as the family's `permissions` (from the
// server) allow: researchers and the lead see the codings in a closed study too, read-only.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AnnotationView, DocumentView, FamilyView, SessionUser, StudyView } from '../../../server/domain/types.ts';
import { buildChronology, buildYears, placeAnnotations, settledBlocks, type Block, type BlockAnnotations, type LoadedDocument, type YearRow } from '../../common/chronology.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { fetchDocument } from '../../data/documents.ts';
import type { AnnotationRefDetail, BlockSelectDetail, DocumentImportedDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor, type FamilyTab, type FamilyTarget } from '../../route.ts';
import { familyYears } from '../study/family-years.ts';
import { familyStyles } from './family-styles.ts';
import { loadCaseFile, withWholeDocuments } from './case-file-loader.ts';
import { renderCaseFileTab } from './case-file-tab.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import type { BsReader } from '../../components/reader/bs-reader.ts';
import { AnnotationController } from './annotation-controller.ts';
import { ReadingController } from './reading-controller.ts';
import { TargetController } from './target-controller.ts';
import { CodingController } from './coding-controller.ts';
import '../../components/reader/bs-reader.ts';
import '../../components/reader/bs-timeline.ts';
import './bs-import-panel.ts';
import './bs-reflections-view.ts';
import '../investigations/bs-investigations-view.ts';
import { alertLine } from '../../components/feedback.ts';

@customElement('bs-family-view')
export class BsFamilyView extends LitElement {
  static override styles = [sharedStyles, familyStyles];

  @query('bs-reader') private _reader?: BsReader;

  @state() private _study: StudyView | null = null;
  @state() private _family: FamilyView | null = null;
  @state() private _docs: LoadedDocument[] = [];
  @state() private _annotations: AnnotationView[] = [];
  @state() private _loaded = false;
  /** Ids of the documents of which only the head is loaded yet (their whole text follows). */
  @state() private _partial: ReadonlySet<string> = new Set();
  /** The text shows; the family's annotations are still on their way. */
  @state() private _annotationsPending = false;
  @state() private _error = '';
  @state() private _reflectionsVisited = false;
  @state() private _investigationsVisited = false;

  private _blocks: Block[] = [];
  private _texts = new Map<string, string>();
  private _placed: BlockAnnotations = { touching: new Map(), owner: new Map(), orphans: [] };
  private _years: YearRow[] = [];
  /** Counts loads, so that the rest of a case file from an earlier load is not shown in a later one. */
  private _loadCount = 0;
  private readonly _notes = new AnnotationController(this, {
    api: () => this.api,
    studyId: () => this.studyId,
    familyId: () => this.familyId,
    annotations: () => this._annotations,
    setAnnotations: (list) => (this._annotations = list),
    done: () => this._reader?.clearSelection(),
  });
  /** Reports how far the user has read (those who may annotate: the family's caseworkers and the lead). */
  private readonly _reading = new ReadingController(this, {
    api: () => this.api,
    studyId: () => this.studyId,
    reader: () => this._reader,
    blocks: () => this._blocks,
    stored: () => this._family?.reading ?? {},
    enabled: () => this.tab === 'akt' && !!this._family?.permissions.annotate,
  });
  /** Opens the case file at the entry or annotation a link (a search hit) names. */
  private readonly _target = new TargetController(this, {
    target: () => this.target,
    ready: () => this._loaded && !this._partial.size && !this._annotationsPending && !!this._study && !!this._family && this.tab === 'akt',
    reader: () => this._reader,
    blocks: () => this._blocks,
    annotations: () => this._annotations,
    placed: () => this._placed,
  });
  /** Researchers and the lead code what they read (the reader, the reflections); in a closed study they only see the codes. */
  private readonly _coding = new CodingController(this, {
    api: () => this.api,
    studyId: () => this.studyId,
    familyId: () => this.familyId,
    enabled: () => this._study?.role === 'researcher' || this._study?.role === 'lead',
    canWrite: () => !!this._family?.permissions.code,
    lead: () => this._study?.role === 'lead',
    userId: () => this.user?.id ?? '',
    session: () => this.session,
    done: () => this._reader?.clearSelection(),
  });

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** The signed-in user (their own annotations can be edited). */
  @property({ attribute: false }) user?: SessionUser;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** Family id. */
  @property({ attribute: 'family-id' }) familyId = '';

  /** Which part of the page to show. */
  @property() tab: FamilyTab = 'akt';

  /** A place to open at: an entry, an annotation or a reflection (from a search hit). */
  @property({ attribute: false }) target?: FamilyTarget;

  /** Incremented by the app when the user logs in again after the session expired. */
  @property({ type: Number }) session = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._onBeforeUnload);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('studyId') || changed.has('familyId') || changed.has('api')) void this._load();
    // After a new login, load again only what failed; what is on screen (and unsaved) stays.
    else if (changed.has('session') && !this._family) void this._load();
    if (this.tab === 'reflektioner') this._reflectionsVisited = true;
    if (this.tab === 'utredningar') this._investigationsVisited = true;
    if (changed.has('_docs') || changed.has('_partial')) {
      this._blocks = settledBlocks(buildChronology(this._docs), this._partial);
      this._texts = new Map(this._docs.map((d) => [d.view.id, d.view.text]));
    }
    if (changed.has('_docs') || changed.has('_partial') || changed.has('_annotations')) {
      this._placed = placeAnnotations(this._blocks, this._annotations);
    }
    const incomplete = this._partial.size > 0 || this._annotationsPending;
    if ((changed.has('_docs') || changed.has('_partial') || changed.has('_annotations') || changed.has('_annotationsPending') || changed.has('_family')) && this._family) {
      // No timeline from part of the case file or before its annotations: its counts would be wrong for a moment.
      this._years = incomplete ? [] : buildYears(this._blocks, this._placed.owner, this._family.activeFrom, this._family.activeTo, new Date());
    }
    if (changed.has('_family') || changed.has('tab')) {
      const page = this.tab === 'reflektioner' ? t('family.tab.reflections') : this.tab === 'utredningar' ? t('investigations.tab') : t('family.tab.reader');
      if (this._family) document.title = `${this._family.pseudonym}: ${page} – ${t('app.name')}`;
    }
  }

  private readonly _onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this._notes.dirty) return;
    e.preventDefault();
    e.returnValue = '';
  };

  private async _load(): Promise<void> {
    const api = this.api;
    if (!api || !this.studyId || !this.familyId) return;
    const { studyId, familyId } = this;
    const load = ++this._loadCount;
    this._loaded = false;
    this._error = '';
    // Opened at a place in the text (a search hit): wait for the whole case file rather than jump late.
    const heads = this.target?.kind !== 'entry' && this.target?.kind !== 'annotation';
    let rest: Promise<DocumentView[]> | null = null;
    let annotations: Promise<AnnotationView[]> | null = null;
    try {
      const loaded = await loadCaseFile(api, studyId, familyId, heads);
      ({ rest, annotations } = loaded);
      this._study = loaded.study;
      this._family = loaded.family;
      this._docs = loaded.docs;
      this._partial = new Set(loaded.partial);
      this._annotations = [];
      this._annotationsPending = true;
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._loaded = true;
    }
    await Promise.all([annotations && this._loadAnnotations(load, annotations), rest && this._loadRest(load, rest)]);
  }

  /** Puts the family's annotations in the text when they arrive, beside any made in the meantime. */
  private async _loadAnnotations(load: number, arriving: Promise<AnnotationView[]>): Promise<void> {
    try {
      const arrived = await arriving;
      if (load !== this._loadCount) return;
      const ids = new Set(arrived.map((a) => a.id));
      this._annotations = [...arrived, ...this._annotations.filter((a) => !ids.has(a.id))];
    } catch (err) {
      if (load === this._loadCount) this._error = errorMessage(err);
    } finally {
      if (load === this._loadCount) this._annotationsPending = false;
    }
  }

  /** Replaces the heads shown by the whole documents. */
  private async _loadRest(load: number, rest: Promise<DocumentView[]>): Promise<void> {
    try {
      const views = await rest;
      if (load !== this._loadCount) return;
      this._docs = withWholeDocuments(this._docs, views);
      this._partial = new Set();
    } catch (err) {
      if (load === this._loadCount) this._error = errorMessage(err);
    }
  }

  private async _onImported(e: CustomEvent<DocumentImportedDetail>): Promise<void> {
    const api = this.api;
    if (!api) return;
    const meta = e.detail.document;
    try {
      const view = await fetchDocument(api, this.studyId, meta.id);
      this._docs = [...this._docs.filter((d) => d.view.id !== meta.id), { view, date: meta.date }];
      if (this._family) this._family = { ...this._family, documentCount: this._docs.length };
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private _onBlockSelect(e: CustomEvent<BlockSelectDetail>): void {
    void this._reader?.revealBlock(e.detail.block);
  }

  private _renderReader(study: StudyView) {
    const coding = this._coding;
    return renderCaseFileTab({
      api: this.api, studyId: this.studyId, familyId: this.familyId, questions: study.questions,
      userId: this.user?.id, permissions: this._family?.permissions,
      blocks: this._blocks, texts: this._texts, years: this._years, placed: this._placed,
      partial: this._partial.size > 0, annotationsPending: this._annotationsPending,
      busyId: this._notes.busyId,
      codingEnabled: coding.enabled, codingWritable: coding.canWrite,
      coded: coding.enabled ? coding.placed(this._blocks, this._placed.owner) : undefined,
      imported: (e) => void this._onImported(e),
      blockSelect: (e) => this._onBlockSelect(e),
      findHit: (hit) => void this._reader?.revealText(hit.block, hit.start, hit.end),
      findClear: () => this._reader?.clearFound(),
      annotationStart: (detail) => this._notes.start(detail),
    });
  }

  override render() {
    const study = this._study;
    const family = this._family;
    if (this._error && !family) return html`<p class="alert" role="alert">${this._error}</p>`;
    if (!study || !family) return html`<p role="status">${t('app.loading')}</p>`;
    const link = (tab: FamilyTab) => hrefFor({ name: 'family', studyId: this.studyId, familyId: this.familyId, tab });
    const current = (tab: string) => (this.tab === tab ? 'page' : 'false');
    return html`
      <nav class="crumbs" aria-label=${t('app.breadcrumbs')}>
        <a href=${hrefFor({ name: 'study', studyId: study.id })}>${study.title}</a> › <span>${family.pseudonym}</span>
      </nav>
      <h1>${family.pseudonym}</h1>
      <p class="sub">${t('family.years', { years: familyYears(family) })} · ${t('family.documents', { n: family.documentCount })}</p>
      <nav class="tabs" aria-label=${t('family.tabs')}>
        <a href=${link('akt')} aria-current=${current('akt')}>${t('family.tab.reader')}</a>
        <a href=${link('reflektioner')} aria-current=${current('reflektioner')}>${t('family.tab.reflections')}</a>
        <a href=${link('utredningar')} aria-current=${current('utredningar')}>${t('investigations.tab')}</a>
      </nav>
      ${alertLine(this._error)}
      ${alertLine(this._notes.error)}
      ${alertLine(this._coding.error)}
      <p class="visually-hidden" role="status">${this._coding.notice}</p>
      ${this._target.message ? html`<p class="notice" role="status">${this._target.message}</p>` : nothing}
      <p class="visually-hidden" role="status">${this._notes.notice}</p>
      <div ?hidden=${this.tab !== 'akt'}
        @bs-annotation-edit=${(e: CustomEvent<AnnotationRefDetail>) => this._notes.edit(e.detail.annotation)}
        @bs-annotation-delete=${(e: CustomEvent<AnnotationRefDetail>) => void this._notes.remove(e.detail.annotation)}>
        ${this._loaded ? this._renderReader(study) : nothing}
      </div>
      ${this._notes.renderDialog(study.questions)}
      ${this._coding.renderDialog()}
      ${this._reflectionsVisited
        ? html`<div ?hidden=${this.tab !== 'reflektioner'}>
            <bs-reflections-view .api=${this.api} study-id=${this.studyId} family-id=${this.familyId}
              .questions=${study.questions} session=${this.session} user-id=${this.user?.id ?? ''}
              focus-key=${this.target?.kind === 'reflection' ? this.target.key : ''}
              ?readonly=${!family.permissions.reflect} ?research=${this._coding.enabled} ?research-readonly=${!this._coding.canWrite}
              .segments=${this._coding.segments}
              family-name=${family.pseudonym}></bs-reflections-view>
          </div>`
        : nothing}
      ${this._investigationsVisited
        ? html`<div ?hidden=${this.tab !== 'utredningar'}>
            <bs-investigations-view .api=${this.api} study-id=${this.studyId} family-id=${this.familyId} session=${this.session}
              investigation-id=${this.target?.kind === 'investigation' ? this.target.investigationId : ''}
              ?readonly=${!family.permissions.reflect}></bs-investigations-view>
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-family-view': BsFamilyView;
  }
}
