// A Lit controller for the archive import's last step, "Spara i studien" or "Kasta importen": the step
// running, its error and the saved result. Apart from the page, which only moves on when a step succeeds.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Api } from '../../data/api.ts';
import { errorMessage } from '../../data/api.ts';
import { commitBulkImport, discardBulkImport, type BulkCommitResult, type BulkJobView } from '../../data/bulk-imports.ts';

/** What the controller needs from its page. */
export interface ArchiveFinishContext {
  api(): Api | undefined;
  studyId(): string;
  job(): BulkJobView | null;
  /** The job was saved in the study (the page shows the summary). */
  committed(result: BulkCommitResult): void;
  /** The job was thrown away (the page goes back to the upload form). */
  discarded(): void;
}

export class ArchiveFinishController implements ReactiveController {
  /** The step being run, or ''. */
  busy: '' | 'commit' | 'discard' = '';
  /** Why the last step failed, or ''. */
  error = '';
  /** What "Spara i studien" saved, once it has. */
  result: BulkCommitResult | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly ctx: ArchiveFinishContext) {
    host.addController(this);
  }

  /** Nothing to set up; Lit's controller type needs one of its hooks. */
  hostConnected(): void {}

  /** Forgets the step, its error and the result (another job is shown). */
  reset(): void {
    this.busy = '';
    this.error = '';
    this.result = null;
    this.host.requestUpdate();
  }

  /** "Spara i studien". */
  commit(): Promise<void> {
    return this.#run('commit', async (api, jobId) => {
      const result = await commitBulkImport(api, this.ctx.studyId(), jobId);
      this.result = result;
      this.ctx.committed(result);
    });
  }

  /** "Kasta importen". */
  discard(): Promise<void> {
    return this.#run('discard', async (api, jobId) => {
      await discardBulkImport(api, this.ctx.studyId(), jobId);
      this.ctx.discarded();
    });
  }

  /** Runs one step at a time, showing that it runs and why it failed. */
  async #run(step: 'commit' | 'discard', action: (api: Api, jobId: string) => Promise<void>): Promise<void> {
    const api = this.ctx.api();
    const job = this.ctx.job();
    if (!api || !job || this.busy) return;
    this.busy = step;
    this.error = '';
    this.host.requestUpdate();
    try {
      await action(api, job.id);
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = '';
      this.host.requestUpdate();
    }
  }
}
