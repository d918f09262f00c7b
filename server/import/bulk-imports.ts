// Bulk import jobs: many case files (uploaded one by one, or as one zip of family folders) read in
// the background — text through extractText's worker pool, then name suggestions through the name
// worker — and held in memory until the lead commits or discards them. The original texts live
// only here, like pending imports: forgotten on commit, discard, or 30 minutes after the upload.
import { createHash } from 'node:crypto';
import { DomainError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { NameSuggestion } from '../domain/name-suggestions.ts';
import { isBlankText } from '../domain/normalise.ts';
import { newId } from '../store/ids.ts';
import { extractRawText } from './extract-text.ts';
import { PENDING_TTL_MS, SWEEP_EVERY_MS } from './pending-imports.ts';
import { MAX_PARALLEL_PARSES } from './upload-limits.ts';
import { inflateZip } from './zip-limits.ts';
import { nameSuggester } from './name-suggester.ts';

export type JobState = 'running' | 'ready' | 'committed' | 'failed' | 'discarded';
export type JobFileState = 'queued' | 'reading' | 'ready' | 'failed';

/** An error or warning as shown: fixed Swedish sentences that never quote a file. */
export interface JobProblem {
  code: string;
  message: string;
}

export interface JobWarning extends JobProblem {
  /** The archive folder it is about, pseudonymised like a title. */
  folder?: string;
}

/** What the prepared text of a file gave, with the family's name rules of `rulesKey`. */
export interface FileSummary {
  rulesKey: string;
  counts: Record<string, number>;
  entryCount: number;
  sha256: string;
}

export interface JobFile {
  /** The file's name, or its path in the archive (memory only; shown pseudonymised). */
  name: string;
  familyId: string | null;
  state: JobFileState;
  /** 0..1 */
  progress: number;
  error?: JobProblem;
  /** The uploaded bytes, until read. */
  bytes?: Uint8Array;
  /** The extracted original text (a text file in UTF-8: its bytes, decoded in the workers): memory only. */
  raw?: string | Uint8Array;
  /** SHA-256 of the uploaded bytes, to find the same file twice in one job. */
  bytesSha256?: string;
  /** null: the suggestions could not be made. */
  suggestions?: NameSuggestion[] | null;
  /** Set by the status view (bulk-import-view.ts), recomputed when the family's names change. */
  summary?: FileSummary;
}

export interface BulkJob {
  id: string;
  ownerId: string;
  studyId: string;
  createdAt: number;
  state: JobState;
  files: JobFile[];
  /** Job-level warnings (unknown folders …); per-file ones are derived in the view. */
  warnings: JobWarning[];
  /** Why the whole job failed (an archive that could not be unpacked). */
  error?: JobProblem;
  /** Words never suggested as names: the study's question labels. */
  exclude: string[];
  /** Per family, the normalised names the lead rejected. */
  rejected: Map<string, Set<string>>;
  /** The stored documents' ids, once committed. */
  committed?: { documents: string[]; skipped: number };
}

/** One file of a new job; `error` refuses it before it is read (unknown folder, too large). */
export interface JobFileInput {
  name: string;
  familyId: string | null;
  bytes?: Uint8Array;
  error?: JobProblem;
}

export interface JobInput {
  ownerId: string;
  studyId: string;
  exclude: string[];
  files: JobFileInput[];
  /** A zip whose entries (by path) hold the files' bytes; inflated in the background. */
  archive?: Uint8Array;
  warnings?: JobWarning[];
}

export type Suggest = (text: string | Uint8Array, exclude: readonly string[]) => Promise<NameSuggestion[] | null>;

/** A failure as shown in the job: a domain error's own code and message, anything else generic. */
export function problemOf(error: unknown): JobProblem {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  console.error(`[backspegel] bulk import file failed: ${(error as Error)?.name ?? 'Error'}`);
  return { code: 'import_failed', message: 'Filen kunde inte läsas.' };
}

const invalidArchive = () => new ValidationError('Arkivet kunde inte packas upp. Är det en skadad zip-fil?', 'invalid_archive');
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const active = (job: BulkJob) => job.state === 'running' || job.state === 'ready';

export class BulkImports {
  #jobs = new Map<string, BulkJob>();
  #clock: () => Date;
  #suggest: Suggest;
  #timer: ReturnType<typeof setInterval>;

  constructor(clock: () => Date, options: { suggest?: Suggest; sweepEveryMs?: number } = {}) {
    this.#clock = clock;
    this.#suggest = options.suggest ?? ((text, exclude) => nameSuggester.suggest(text, exclude));
    this.#timer = setInterval(() => this.#expire(), options.sweepEveryMs ?? SWEEP_EVERY_MS);
    this.#timer.unref();
  }

  /** Registers the job and starts reading its files in the background; returns at once. */
  start(input: JobInput): BulkJob {
    this.#expire();
    const job: BulkJob = {
      id: newId('j'),
      ownerId: input.ownerId,
      studyId: input.studyId,
      createdAt: this.#clock().getTime(),
      state: 'running',
      warnings: input.warnings ?? [],
      exclude: input.exclude,
      rejected: new Map(),
      files: input.files.map((f) => ({
        name: f.name,
        familyId: f.familyId,
        state: f.error ? 'failed' : 'queued',
        progress: f.error ? 1 : 0,
        ...(f.error ? { error: f.error } : { bytes: f.bytes }),
      })),
    };
    this.#jobs.set(job.id, job);
    void this.#run(job, input.archive);
    return job;
  }

  /** The job, if it belongs to this user and study; else 404. */
  get(id: string, ownerId: string, studyId: string): BulkJob {
    this.#expire();
    const job = this.#jobs.get(id);
    if (!job || job.ownerId !== ownerId || job.studyId !== studyId) throw new NotFoundError('Importen finns inte längre. Ladda upp filerna igen.');
    return job;
  }

  /** The user's jobs in the study, newest first. */
  list(ownerId: string, studyId: string): BulkJob[] {
    this.#expire();
    return [...this.#jobs.values()].filter((j) => j.ownerId === ownerId && j.studyId === studyId).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Ends the job as committed or discarded: its original texts are dropped, its outline kept until it expires. */
  close(job: BulkJob, state: 'committed' | 'discarded'): void {
    job.state = state;
    for (const f of job.files) {
      f.raw = undefined;
      f.bytes = undefined;
      f.suggestions = undefined;
      if (f.state === 'queued' || f.state === 'reading') Object.assign(f, { state: 'failed', error: { code: 'discarded', message: 'Importen kastades.' } });
    }
  }

  /** Waits until every file has been read (the command line, tests). */
  async settled(job: BulkJob): Promise<void> {
    while (job.state === 'running') await new Promise((r) => setTimeout(r, 20));
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #run(job: BulkJob, archive: Uint8Array | undefined): Promise<void> {
    if (archive) {
      try {
        const entries = await inflateZip(archive, invalidArchive);
        for (const f of job.files) if (f.state === 'queued') f.bytes = entries.get(f.name);
      } catch (error) {
        job.error = problemOf(error);
        if (job.state === 'running') job.state = 'failed';
        for (const f of job.files) if (f.state === 'queued') Object.assign(f, { state: 'failed', error: job.error, progress: 1 });
        return;
      }
    }
    const queue = job.files.filter((f) => f.state === 'queued');
    const worker = async () => {
      for (let f = queue.shift(); f && active(job); f = queue.shift()) await this.#read(job, f);
    };
    await Promise.all(Array.from({ length: MAX_PARALLEL_PARSES }, worker));
    if (job.state === 'running') job.state = 'ready';
  }

  async #read(job: BulkJob, file: JobFile): Promise<void> {
    const bytes = file.bytes;
    file.bytes = undefined;
    file.state = 'reading';
    try {
      if (!bytes) throw invalidArchive();
      const raw = await extractRawText(baseName(file.name), bytes, (p) => (file.progress = 0.8 * p));
      if (isBlankText(raw)) throw new ValidationError('Dokumentet är tomt.', 'empty_document');
      file.bytesSha256 = createHash('sha256').update(bytes).digest('hex');
      file.progress = 0.8;
      const suggestions = await this.#suggest(raw, job.exclude);
      // A job closed meanwhile does not get the text back.
      if (!active(job)) return;
      Object.assign(file, { raw, suggestions, state: 'ready', progress: 1 });
    } catch (error) {
      Object.assign(file, { state: 'failed', error: problemOf(error), progress: 1 });
    }
  }

  #expire(): void {
    const limit = this.#clock().getTime() - PENDING_TTL_MS;
    for (const [id, job] of this.#jobs) {
      if (job.createdAt >= limit) continue;
      this.close(job, job.state === 'committed' ? 'committed' : 'discarded');
      this.#jobs.delete(id);
    }
  }
}
