// <bs-archive-import-view .api=${api} study-id="…">: "Importera ett arkiv", the lead's import of many case
// files at once. Upload a zip of family folders or several files with their families (bs-archive-upload,
// upload progress) → the files are read on the server, polled every 500 ms (bs-import-job-files: "n av m
// filer", a row per file with its warnings; progress is announced politely, at most every few seconds)
// → per family the preview counts and suggested names to confirm with a label or reject
// (bs-name-suggestions) → "Spara i studien" with a summary, or "Kasta importen". The lead can leave while
// the files are read: on return the page lists the lead's unfinished jobs and shows the newest.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FamilyView, StudyView } from '../../../server/domain/types.ts';
import { ApiError, errorMessage } from '../../data/api.ts';
import { fetchBulkImport, fetchBulkImports, startBulkImport, type BulkJobSummary, type BulkJobView } from '../../data/bulk-imports.ts';
import { fetchFamilies, fetchStudy } from '../../data/studies.ts';
import type { ArchiveUploadDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/import/bs-archive-upload.ts';
import '../../components/import/bs-import-job-files.ts';
import '../../components/import/bs-name-suggestions.ts';
import '../../components/import/bs-import-finish.ts';
import '../../components/import/bs-import-done.ts';
import { StudyPage } from '../study/study-page.ts';
import { ArchiveFinishController } from './archive-finish-controller.ts';
import { archiveImportStyles } from './archive-import-styles.ts';
import { ArchiveProgressAnnouncer } from './archive-progress-announcer.ts';
import { renderJob, renderOtherJobs } from './archive-job-render.ts';
import { NameDecisionsController } from './name-decisions-controller.ts';

const POLL_MS = 500;

const unfinished = (j: { state: string }) => j.state === 'running' || j.state === 'ready';

@customElement('bs-archive-import-view')
export class BsArchiveImportView extends StudyPage {
  static override styles = [sharedStyles, adminStyles, archiveImportStyles];

  @state() private _study: StudyView | null = null;
  @state() private _families: FamilyView[] = [];
  @state() private _jobs: BulkJobSummary[] = [];
  @state() private _job: BulkJobView | null = null;
  @state() private _phase: 'form' | 'uploading' | 'job' | 'done' = 'form';
  @state() private _progress: number | null = null;
  @state() private _error = '';
  @state() private _uploadError = '';
  @state() private _pollError = '';
  @state() private _notice = '';

  /** Bumped to stop a running poll (another job shown, new upload, element removed). */
  private _run = 0;
  private readonly _announcer = new ArchiveProgressAnnouncer(this);
  private readonly _names = new NameDecisionsController(this, {
    api: () => this.api,
    studyId: () => this.studyId,
    job: () => this._job,
    setJob: (job) => (this._job = job),
  });
  /** "Spara i studien" and "Kasta importen": the page moves on when one succeeds. */
  private readonly _finish = new ArchiveFinishController(this, {
    api: () => this.api,
    studyId: () => this.studyId,
    job: () => this._job,
    committed: (result) => {
      this._run++;
      this._job = result.job;
      this._phase = 'done';
      void this.updateComplete.then(() => this.renderRoot.querySelector('bs-import-done')?.focusHeading());
      void this._refreshJobs();
    },
    discarded: () => {
      this._run++;
      this._resetJob();
      this._phase = 'form';
      this._notice = t('archive.discarded');
      this._focus('#upload-title');
      void this._refreshJobs();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The job goes on reading on the server; the lead finds it here again.
    this._run++;
  }

  protected async load(): Promise<void> {
    const api = this.api;
    if (!api || !this.studyId) return;
    const run = ++this._run;
    this._error = '';
    try {
      const study = await fetchStudy(api, this.studyId);
      this._study = study;
      document.title = `${t('archive.title')}: ${study.title} – ${t('app.name')}`;
      if (study.role !== 'lead') return;
      const [families, jobs] = await Promise.all([fetchFamilies(api, this.studyId), fetchBulkImports(api, this.studyId)]);
      if (run !== this._run) return;
      this._families = families;
      this._jobs = jobs.filter(unfinished).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      if (this._jobs[0] && (this._phase === 'form' || this._phase === 'job')) void this._open(this._jobs[0].id);
    } catch (err) {
      if (run === this._run) this._error = errorMessage(err);
    }
  }

  private async _refreshJobs(): Promise<void> {
    if (!this.api) return;
    try {
      this._jobs = (await fetchBulkImports(this.api, this.studyId)).filter(unfinished).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    } catch {
      // The list is a convenience; the page works without it.
    }
  }

  private _focus(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private _resetJob(): void {
    this._job = null;
    this._finish.reset();
    this._names.reset();
    this._pollError = '';
    this._announcer.reset();
  }

  /** Shows one of the lead's jobs and follows it while its files are read. */
  private async _open(jobId: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    const run = ++this._run;
    this._resetJob();
    this._notice = '';
    this._phase = 'job';
    try {
      const job = await fetchBulkImport(api, this.studyId, jobId);
      if (run !== this._run) return;
      this._job = job;
      if (job.state === 'running') this._announcer.announce(t('archive.announceStart'));
      await this._follow(run);
    } catch (err) {
      if (run === this._run) this._pollError = t('archive.pollFailed', { message: errorMessage(err) });
    }
  }

  /** Polls the job until its files are read, then loads the families' labels. */
  private async _follow(run: number): Promise<void> {
    const api = this.api;
    let job = this._job;
    if (!api || !job) return;
    this._pollError = '';
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (run !== this._run) return;
      job = await fetchBulkImport(api, this.studyId, job.id);
      if (run !== this._run) return;
      this._job = job;
      if (job.state === 'running') this._announcer.progress(job.done, job.total);
    }
    if (job.state === 'ready') {
      const warnings = job.warnings.filter((w) => w.code !== 'refused').length;
      const errors = job.files.filter((f) => f.state === 'failed').length;
      this._announcer.announce(t('archive.announceReady', { total: job.total, warnings, errors }));
      await this._names.loadLabels(job, () => run === this._run);
    } else if (job.state === 'failed') {
      this._announcer.announce(t('archive.announceFailed'));
    } else {
      // Committed or discarded elsewhere (another tab).
      this._resetJob();
      this._phase = 'form';
      this._notice = t('archive.gone');
      void this._refreshJobs();
    }
  }

  private _retry(): void {
    const job = this._job;
    if (job) void this._open(job.id);
  }

  private async _upload(e: CustomEvent<ArchiveUploadDetail>): Promise<void> {
    const api = this.api;
    if (!api || this._phase !== 'form') return;
    const run = ++this._run;
    this._resetJob();
    this._phase = 'uploading';
    this._progress = 0;
    this._uploadError = '';
    this._notice = '';
    try {
      const { job } = await startBulkImport(api, this.studyId, e.detail.upload, (f) => (this._progress = f));
      if (run !== this._run) return;
      this._job = job;
      this._phase = 'job';
      this._announcer.announce(t('archive.announceStart'));
      this._focus('#job-title');
      void this._refreshJobs();
      await this._follow(run);
    } catch (err) {
      if (run !== this._run) return;
      if (this._phase === 'uploading') {
        this._phase = 'form';
        const refused = err instanceof ApiError && [409, 413, 415, 422].includes(err.status) && err.message;
        this._uploadError = refused ? t('archive.refused', { message: (err as ApiError).message }) : errorMessage(err);
      } else {
        this._pollError = t('archive.pollFailed', { message: errorMessage(err) });
      }
    }
  }

  private _newImport(): void {
    this._run++;
    this._resetJob();
    this._phase = 'form';
    this._notice = '';
    this._focus('#upload-title');
    void this._refreshJobs();
  }

  /** Pseudonyms by family id: the job's own names, then the study's families. */
  private _familyNames(): Map<string, string> {
    const names = new Map(this._families.map((f) => [f.id, f.pseudonym]));
    for (const f of this._job?.families ?? []) names.set(f.familyId, f.pseudonym);
    return names;
  }

  private _renderUpload() {
    return html`<section aria-labelledby="upload-title">
      <h2 id="upload-title" tabindex="-1">${t('archive.uploadTitle')}</h2>
      <bs-archive-upload .families=${this._families} ?busy=${this._phase === 'uploading'} .progress=${this._progress}
        error=${this._uploadError} @bs-archive-upload=${this._upload}></bs-archive-upload>
    </section>`;
  }

  private _renderJob() {
    const state = {
      pollError: this._pollError, labels: this._names.labels, nameBusy: this._names.busy, nameErrors: this._names.errors,
      nameMessages: this._names.messages, busy: this._finish.busy, finishError: this._finish.error,
    };
    return renderJob(this._job, state, {
      retry: () => this._retry(),
      newImport: () => this._newImport(),
      decide: (e) => void this._names.decide(e.detail.decision),
      commit: () => void this._finish.commit(),
      discard: () => void this._finish.discard(),
    });
  }

  private _renderBody(study: StudyView) {
    if (study.role !== 'lead') return html`<p class="notice">${t('archive.leadOnly')}</p>`;
    const closed = study.status === 'closed';
    return html`
      ${closed ? html`<p class="notice">${t('archive.closed')}</p>` : nothing}
      ${renderOtherJobs(this._jobs, this._phase === 'job' ? this._job?.id : undefined, (id) => void this._open(id))}
      ${(this._phase === 'form' || this._phase === 'uploading') && !closed ? this._renderUpload() : nothing}
      ${this._phase === 'job' ? this._renderJob() : nothing}
      ${this._phase === 'done' && this._finish.result
        ? html`<bs-import-done .result=${this._finish.result} .names=${this._familyNames()} study-href=${hrefFor({ name: 'study', studyId: this.studyId })}
            @bs-archive-new=${this._newImport}></bs-import-done>`
        : nothing}
    `;
  }

  override render() {
    const study = this._study;
    if (this._error) return html`<p class="alert" role="alert">${this._error}</p>`;
    if (!study) return html`<p role="status">${t('app.loading')}</p>`;
    return html`
      <nav class="crumbs" aria-label=${t('app.breadcrumbs')}>
        <a href=${hrefFor({ name: 'study', studyId: study.id })}>${study.title}</a> › <span>${t('archive.title')}</span>
      </nav>
      <h1>${t('archive.title')}</h1>
      <p class="intro">${t('archive.intro')}</p>
      <div role="status" class="visually-hidden">${this._announcer.text}</div>
      <div role="status">${this._notice ? html`<p class="notice">${this._notice}</p>` : nothing}</div>
      ${this._renderBody(study)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-archive-import-view': BsArchiveImportView;
  }
}
