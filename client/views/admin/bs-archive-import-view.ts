// <bs-archive-import-view .api=${api} study-id="…">: "Importera ett arkiv", the lead's import of many case
// files at once. Upload a zip of family folders or several files with their families (bs-archive-upload,
// upload progress) → the files are read on the server, polled every 500 ms (bs-import-job-files: "n av m
// filer", a row per file with its warnings; progress is announced politely, at most every few seconds)
// → per family the preview counts and suggested names to confirm with a label or reject
// (bs-name-suggestions) → "Spara i studien" with a summary, or "Kasta importen". The lead can leave while
// the files are read: on return the page lists the lead's unfinished jobs and shows the newest.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FamilyView, StudyView } from '../../../server/domain/types.ts';
import { ApiError, errorMessage } from '../../data/api.ts';
import {
  commitBulkImport, decideBulkNames, discardBulkImport, fetchBulkImport, fetchBulkImports, startBulkImport,
  type BulkCommitResult, type BulkJobSummary, type BulkJobView,
} from '../../data/bulk-imports.ts';
import { fetchNameLabels } from '../../data/imports.ts';
import { fetchFamilies, fetchStudy } from '../../data/studies.ts';
import type { ArchiveUploadDetail, NamesDecideDetail } from '../../events.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/import/bs-archive-upload.ts';
import '../../components/import/bs-import-job-files.ts';
import '../../components/import/bs-name-suggestions.ts';
import '../../components/import/bs-import-finish.ts';
import '../../components/import/bs-import-done.ts';
import { StudyPage } from '../study/study-page.ts';
import { alertLine } from '../../components/feedback.ts';

const POLL_MS = 500;
/** Progress is announced at most this often while the files are read. */
const ANNOUNCE_EVERY_MS = 5000;

const unfinished = (j: { state: string }) => j.state === 'running' || j.state === 'ready';

@customElement('bs-archive-import-view')
export class BsArchiveImportView extends StudyPage {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
      }
      h1 {
        font-size: 1.6rem;
      }
      h2 {
        font-size: 1.25rem;
        margin: 1.4rem 0 0.5rem;
      }
      h2:focus {
        outline: none;
      }
      .intro {
        max-width: 50rem;
      }
      ul.jobs {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.4rem;
      }
      ul.jobs li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1rem;
        align-items: center;
      }
      .families {
        display: grid;
        gap: 1rem;
      }
      .families bs-name-suggestions {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.9rem 1.1rem;
      }
    `,
  ];

  @state() private _study: StudyView | null = null;
  @state() private _families: FamilyView[] = [];
  @state() private _jobs: BulkJobSummary[] = [];
  @state() private _job: BulkJobView | null = null;
  @state() private _phase: 'form' | 'uploading' | 'job' | 'done' = 'form';
  @state() private _progress: number | null = null;
  @state() private _error = '';
  @state() private _uploadError = '';
  @state() private _pollError = '';
  @state() private _labels: Record<string, string[]> = {};
  @state() private _nameBusy = '';
  @state() private _nameErrors: Record<string, string> = {};
  @state() private _nameMessages: Record<string, string> = {};
  @state() private _busy: '' | 'commit' | 'discard' = '';
  @state() private _finishError = '';
  @state() private _result: BulkCommitResult | null = null;
  @state() private _notice = '';
  @state() private _announcement = '';

  /** Bumped to stop a running poll (another job shown, new upload, element removed). */
  private _run = 0;
  private _announcedAt = 0;
  private _announcedDone = -1;

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

  private _announce(text: string): void {
    this._announcement = text;
    this._announcedAt = Date.now();
  }

  private _focus(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private _resetJob(): void {
    this._job = null;
    this._result = null;
    this._labels = {};
    this._nameErrors = {};
    this._nameMessages = {};
    this._busy = '';
    this._finishError = '';
    this._pollError = '';
    this._announcedDone = -1;
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
      if (job.state === 'running') this._announce(t('archive.announceStart'));
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
      if (job.state === 'running' && job.done !== this._announcedDone && Date.now() - this._announcedAt >= ANNOUNCE_EVERY_MS) {
        this._announcedDone = job.done;
        this._announce(t('archive.announce', { done: job.done, total: job.total }));
      }
    }
    if (job.state === 'ready') {
      const warnings = job.warnings.filter((w) => w.code !== 'refused').length;
      const errors = job.files.filter((f) => f.state === 'failed').length;
      this._announce(t('archive.announceReady', { total: job.total, warnings, errors }));
      await this._loadLabels(job, run);
    } else if (job.state === 'failed') {
      this._announce(t('archive.announceFailed'));
    } else {
      // Committed or discarded elsewhere (another tab).
      this._resetJob();
      this._phase = 'form';
      this._notice = t('archive.gone');
      void this._refreshJobs();
    }
  }

  private async _loadLabels(job: BulkJobView, run: number): Promise<void> {
    const api = this.api;
    if (!api) return;
    const entries = await Promise.all(job.families.map(async (f) => [f.familyId, await fetchNameLabels(api, this.studyId, f.familyId)] as const));
    if (run === this._run) this._labels = Object.fromEntries(entries);
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
      this._announce(t('archive.announceStart'));
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

  private async _decide(e: CustomEvent<NamesDecideDetail>): Promise<void> {
    const api = this.api;
    const job = this._job;
    const { decision } = e.detail;
    if (!api || !job || this._nameBusy) return;
    this._nameBusy = decision.familyId;
    this._nameErrors = { ...this._nameErrors, [decision.familyId]: '' };
    this._nameMessages = { ...this._nameMessages, [decision.familyId]: '' };
    try {
      this._job = await decideBulkNames(api, this.studyId, job.id, decision);
      const labels = await fetchNameLabels(api, this.studyId, decision.familyId);
      this._labels = { ...this._labels, [decision.familyId]: labels };
      const family = this._job.families.find((f) => f.familyId === decision.familyId)?.pseudonym ?? decision.familyId;
      this._nameMessages = {
        ...this._nameMessages,
        [decision.familyId]: t('archive.decided', { family, confirmed: decision.confirm.length, rejected: decision.reject.length }),
      };
    } catch (err) {
      this._nameErrors = { ...this._nameErrors, [decision.familyId]: errorMessage(err) };
    } finally {
      this._nameBusy = '';
    }
  }

  private async _commit(): Promise<void> {
    const api = this.api;
    const job = this._job;
    if (!api || !job || this._busy) return;
    this._busy = 'commit';
    this._finishError = '';
    try {
      const result = await commitBulkImport(api, this.studyId, job.id);
      this._run++;
      this._result = result;
      this._job = result.job;
      this._phase = 'done';
      void this.updateComplete.then(() => this.renderRoot.querySelector('bs-import-done')?.focusHeading());
      void this._refreshJobs();
    } catch (err) {
      this._finishError = errorMessage(err);
    } finally {
      this._busy = '';
    }
  }

  private async _discard(): Promise<void> {
    const api = this.api;
    const job = this._job;
    if (!api || !job || this._busy) return;
    this._busy = 'discard';
    this._finishError = '';
    try {
      await discardBulkImport(api, this.studyId, job.id);
      this._run++;
      this._resetJob();
      this._phase = 'form';
      this._notice = t('archive.discarded');
      this._focus('#upload-title');
      void this._refreshJobs();
    } catch (err) {
      this._finishError = errorMessage(err);
      this._busy = '';
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

  private _renderJobs() {
    const shown = this._phase === 'job' ? this._job?.id : undefined;
    const others = this._jobs.filter((j) => j.id !== shown);
    if (others.length === 0) return nothing;
    return html`<section aria-labelledby="jobs-title">
      <h2 id="jobs-title">${t('archive.jobs')}</h2>
      <ul class="jobs">
        ${others.map((j) => {
          const line = t('archive.jobLine', { time: formatDateTime(j.createdAt), state: t(`archive.jobState.${j.state}`), done: j.done, total: j.total });
          return html`<li><span>${line}</span>
            <button type="button" aria-label=${`${t('archive.show')}: ${line}`} @click=${() => void this._open(j.id)}>${t('archive.show')}</button></li>`;
        })}
      </ul>
    </section>`;
  }

  private _renderUpload() {
    return html`<section aria-labelledby="upload-title">
      <h2 id="upload-title" tabindex="-1">${t('archive.uploadTitle')}</h2>
      <bs-archive-upload .families=${this._families} ?busy=${this._phase === 'uploading'} .progress=${this._progress}
        error=${this._uploadError} @bs-archive-upload=${this._upload}></bs-archive-upload>
    </section>`;
  }

  private _renderJob() {
    const job = this._job;
    if (!job) {
      return html`${this._pollError
        ? html`<p class="alert" role="alert">${this._pollError}</p>
            <div class="buttons"><button type="button" @click=${this._newImport}>${t('archive.newImport')}</button></div>`
        : html`<p>${t('app.loading')}</p>`}`;
    }
    const title = job.state === 'ready' || job.state === 'failed' ? job.state : 'running';
    return html`<section aria-labelledby="job-title">
        <h2 id="job-title" tabindex="-1">${t(`archive.jobTitle.${title}`)}</h2>
        ${job.state === 'running' ? html`<p class="hint">${t('archive.leaveHint')}</p>` : nothing}
        ${job.state === 'failed' && job.error ? html`<p class="alert" role="alert">${t('archive.failed', { message: job.error.message })}</p>` : nothing}
        ${this._pollError
          ? html`<p class="alert" role="alert">${this._pollError}</p>
              <div class="buttons"><button type="button" @click=${this._retry}>${t('archive.retry')}</button></div>`
          : nothing}
        <bs-import-job-files .job=${job}></bs-import-job-files>
      </section>
      ${job.state === 'ready' && job.families.length
        ? html`<section aria-labelledby="families-title">
            <h2 id="families-title">${t('archive.familiesTitle')}</h2>
            <p class="intro">${t('archive.familiesIntro')}</p>
            <div class="families">
              ${job.families.map((f) => html`<bs-name-suggestions .family=${f} .labels=${this._labels[f.familyId] ?? []}
                ?busy=${this._nameBusy === f.familyId} ?disabled=${this._nameBusy !== '' || this._busy !== ''}
                error=${this._nameErrors[f.familyId] ?? ''} message=${this._nameMessages[f.familyId] ?? ''}
                @bs-names-decide=${this._decide}></bs-name-suggestions>`)}
            </div>
          </section>`
        : nothing}
      <bs-import-finish .job=${job} busy=${this._busy} error=${this._finishError}
        @bs-import-commit=${this._commit} @bs-import-discard=${this._discard} @bs-archive-new=${this._newImport}></bs-import-finish>`;
  }

  private _renderBody(study: StudyView) {
    if (study.role !== 'lead') return html`<p class="notice">${t('archive.leadOnly')}</p>`;
    const closed = study.status === 'closed';
    return html`
      ${closed ? html`<p class="notice">${t('archive.closed')}</p>` : nothing}
      ${this._renderJobs()}
      ${(this._phase === 'form' || this._phase === 'uploading') && !closed ? this._renderUpload() : nothing}
      ${this._phase === 'job' ? this._renderJob() : nothing}
      ${this._phase === 'done' && this._result
        ? html`<bs-import-done .result=${this._result} .names=${this._familyNames()} study-href=${hrefFor({ name: 'study', studyId: this.studyId })}
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
      <div role="status" class="visually-hidden">${this._announcement}</div>
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
