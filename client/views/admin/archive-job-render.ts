// Render helpers of bs-archive-import-view: the lead's other unfinished jobs, and one job being read or
// ready (files with their warnings, the families' name suggestions, the finish buttons).
import { html, nothing } from 'lit';
import type { BulkJobSummary, BulkJobView } from '../../data/bulk-imports.ts';
import type { NamesDecideDetail } from '../../events.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';

/** The unfinished jobs other than the one shown, each with a "Visa" button. */
export function renderOtherJobs(jobs: BulkJobSummary[], shownId: string | undefined, open: (jobId: string) => void) {
  const others = jobs.filter((j) => j.id !== shownId);
  if (others.length === 0) return nothing;
  return html`<section aria-labelledby="jobs-title">
    <h2 id="jobs-title">${t('archive.jobs')}</h2>
    <ul class="jobs">
      ${others.map((j) => {
        const line = t('archive.jobLine', { time: formatDateTime(j.createdAt), state: t(`archive.jobState.${j.state}`), done: j.done, total: j.total });
        return html`<li><span>${line}</span>
          <button type="button" aria-label=${`${t('archive.show')}: ${line}`} @click=${() => open(j.id)}>${t('archive.show')}</button></li>`;
      })}
    </ul>
  </section>`;
}

/** What the job section shows besides the job itself. */
export interface JobViewState {
  pollError: string;
  labels: Record<string, string[]>;
  /** The family whose names are being saved, or ''. */
  nameBusy: string;
  nameErrors: Record<string, string>;
  nameMessages: Record<string, string>;
  busy: '' | 'commit' | 'discard';
  finishError: string;
}

export interface JobViewActions {
  retry(): void;
  newImport(): void;
  decide(e: CustomEvent<NamesDecideDetail>): void;
  commit(): void;
  discard(): void;
}

export function renderJob(job: BulkJobView | null, s: JobViewState, on: JobViewActions) {
  if (!job) {
    return html`${s.pollError
      ? html`<p class="alert" role="alert">${s.pollError}</p>
          <div class="buttons"><button type="button" @click=${() => on.newImport()}>${t('archive.newImport')}</button></div>`
      : html`<p>${t('app.loading')}</p>`}`;
  }
  const title = job.state === 'ready' || job.state === 'failed' ? job.state : 'running';
  return html`<section aria-labelledby="job-title">
      <h2 id="job-title" tabindex="-1">${t(`archive.jobTitle.${title}`)}</h2>
      ${job.state === 'running' ? html`<p class="hint">${t('archive.leaveHint')}</p>` : nothing}
      ${job.state === 'failed' && job.error ? html`<p class="alert" role="alert">${t('archive.failed', { message: job.error.message })}</p>` : nothing}
      ${s.pollError
        ? html`<p class="alert" role="alert">${s.pollError}</p>
            <div class="buttons"><button type="button" @click=${() => on.retry()}>${t('archive.retry')}</button></div>`
        : nothing}
      <bs-import-job-files .job=${job}></bs-import-job-files>
    </section>
    ${job.state === 'ready' && job.families.length
      ? html`<section aria-labelledby="families-title">
          <h2 id="families-title">${t('archive.familiesTitle')}</h2>
          <p class="intro">${t('archive.familiesIntro')}</p>
          <div class="families">
            ${job.families.map((f) => html`<bs-name-suggestions .family=${f} .labels=${s.labels[f.familyId] ?? []}
              ?busy=${s.nameBusy === f.familyId} ?disabled=${s.nameBusy !== '' || s.busy !== ''}
              error=${s.nameErrors[f.familyId] ?? ''} message=${s.nameMessages[f.familyId] ?? ''}
              @bs-names-decide=${(e: CustomEvent<NamesDecideDetail>) => on.decide(e)}></bs-name-suggestions>`)}
          </div>
        </section>`
      : nothing}
    <bs-import-finish .job=${job} busy=${s.busy} error=${s.finishError}
      @bs-import-commit=${() => on.commit()} @bs-import-discard=${() => on.discard()} @bs-archive-new=${() => on.newImport()}></bs-import-finish>`;
}
