// A Lit controller for the archive import's name decisions: per family the labels already stored (shown
// beside the suggested names), the family being saved, and each family's error or "saved" message.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Api } from '../../data/api.ts';
import { errorMessage } from '../../data/api.ts';
import { decideBulkNames, type BulkJobView, type NameDecision } from '../../data/bulk-imports.ts';
import { fetchNameLabels } from '../../data/imports.ts';
import { t } from '../../i18n/sv.ts';

/** What the controller needs from its page. */
export interface NameDecisionsContext {
  api(): Api | undefined;
  studyId(): string;
  job(): BulkJobView | null;
  setJob(job: BulkJobView): void;
}

export class NameDecisionsController implements ReactiveController {
  /** Stored name labels by family id. */
  labels: Record<string, string[]> = {};
  /** The family whose decision is being saved, or ''. */
  busy = '';
  errors: Record<string, string> = {};
  messages: Record<string, string> = {};

  constructor(private readonly host: ReactiveControllerHost, private readonly ctx: NameDecisionsContext) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the shown job's labels, errors and messages. */
  reset(): void {
    this.labels = {};
    this.errors = {};
    this.messages = {};
    this.host.requestUpdate();
  }

  /** Loads the labels of the job's families (kept only while `current()` holds). */
  async loadLabels(job: BulkJobView, current: () => boolean): Promise<void> {
    const api = this.ctx.api();
    if (!api) return;
    const studyId = this.ctx.studyId();
    const entries = await Promise.all(job.families.map(async (f) => [f.familyId, await fetchNameLabels(api, studyId, f.familyId)] as const));
    if (current()) {
      this.labels = Object.fromEntries(entries);
      this.host.requestUpdate();
    }
  }

  async decide(decision: NameDecision): Promise<void> {
    const api = this.ctx.api();
    const job = this.ctx.job();
    if (!api || !job || this.busy) return;
    const studyId = this.ctx.studyId();
    const id = decision.familyId;
    this.busy = id;
    this.errors = { ...this.errors, [id]: '' };
    this.messages = { ...this.messages, [id]: '' };
    this.host.requestUpdate();
    try {
      const updated = await decideBulkNames(api, studyId, job.id, decision);
      this.ctx.setJob(updated);
      const labels = await fetchNameLabels(api, studyId, id);
      this.labels = { ...this.labels, [id]: labels };
      const family = updated.families.find((f) => f.familyId === id)?.pseudonym ?? id;
      this.messages = { ...this.messages, [id]: t('archive.decided', { family, confirmed: decision.confirm.length, rejected: decision.reject.length }) };
    } catch (err) {
      this.errors = { ...this.errors, [id]: errorMessage(err) };
    } finally {
      this.busy = '';
      this.host.requestUpdate();
    }
  }
}
