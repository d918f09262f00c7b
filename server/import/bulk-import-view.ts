// What the lead sees of a bulk import job: per file its state, progress and warnings (duplicate,
// no dated entries, refused), per family what will be replaced and which names were not caught.
// Everything is computed with the families' name rules as they are now, so a confirmed name shows
// at once; each file's prepared summary is cached until its family's rules change. Summaries are
// prepared in the worker pool (viewJob), never on the main thread: a file read while they were being
// prepared shows as still being read until the next view. (Preparing those on the main thread stalled
// the server 50–80 ms on every poll of a large import.)
import { PSEUDONYM_KINDS } from '../domain/pseudonymise.ts';
import { prepareFileName } from '../domain/prepare-document.ts';
import { preparePool } from './prepare-pool.ts';
import { mergeSuggestions, type NameSuggestion } from '../domain/name-suggestions.ts';
import { nameHash, normaliseName } from '../domain/pseudonymise-names.ts';
import type { Family, Study } from '../domain/types.ts';
import { ConflictError } from '../domain/errors.ts';
import { problemOf, type BulkJob, type JobFile, type JobFileState, type JobProblem, type JobState, type JobWarning } from './bulk-imports.ts';

export interface FileWarning extends JobProblem {
  /** For a duplicate: the earlier file in this job (its index in `files`) … */
  duplicateOf?: number;
  /** … or the stored document it repeats. */
  document?: string;
}

export interface JobFileView {
  name: string;
  familyId: string | null;
  state: JobFileState;
  progress: number;
  error?: JobProblem;
  warnings: FileWarning[];
  entryCount?: number;
}

export interface JobFamilyView {
  familyId: string;
  pseudonym: string;
  files: number;
  /** Documents a commit stores for the family (ready files that are not duplicates). */
  documents: number;
  preview: { counts: Record<string, number> };
  suggestedNames: NameSuggestion[];
}

export interface BulkJobView {
  id: string;
  state: JobState;
  done: number;
  total: number;
  /** Documents a commit stores; after the commit, the documents stored. */
  documents: number;
  error?: JobProblem;
  files: JobFileView[];
  /** Every warning of the job: its own, and each file's with the file's name. */
  warnings: (JobWarning & { file?: string })[];
  families: JobFamilyView[];
}

/** Suggestions shown per family at most. */
const SUGGESTIONS_SHOWN = 100;

const rulesKeyOf = (family: Family | undefined) => (family?.nameRules ?? []).map((r) => `${r.hash}:${r.label}`).join(',');

/** The family a job's file goes to, as the study has it now. */
const familyOf = (study: Study, id: string | null) => (id ? study.families.find((f) => f.id === id) : undefined);

/** Whether the file is read and its summary is prepared with its family's current rules. */
const summarised = (file: JobFile, family: Family | undefined) => file.state === 'ready' && file.summary?.rulesKey === rulesKeyOf(family);

/**
 * Each file's name as shown, pseudonymised once per set of its family's rules and day: every poll of a
 * job showed all its names again (an archive of 589 files: 40 ms of the server's thread per poll).
 */
const shownNames = new WeakMap<JobFile, { key: string; name: string }>();

function shownName(file: JobFile, family: Family | undefined, key: Uint8Array, now: Date): string {
  const cacheKey = `${now.toISOString().slice(0, 10)} ${rulesKeyOf(family)}`;
  const known = shownNames.get(file);
  if (known?.key === cacheKey) return known.name;
  const name = prepareFileName(file.name, key, now, family?.nameRules);
  shownNames.set(file, { key: cacheKey, name });
  return name;
}

// The summary being prepared in the pool per file, so that two views at once prepare it once.
const preparing = new WeakMap<JobFile, { rulesKey: string; done: Promise<void> }>();

/**
 * Brings every ready file's summary up to date with its family's current rules, preparing the stale
 * ones side by side in the worker pool, so that describeJob finds them cached and never prepares a
 * document on the main thread. A file whose text cannot be prepared fails.
 */
export async function refreshSummaries(job: BulkJob, study: Study, key: Uint8Array, now: Date): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const file of job.files) {
    const family = familyOf(study, file.familyId);
    const rulesKey = rulesKeyOf(family);
    const raw = file.raw;
    if (file.state !== 'ready' || raw === undefined || file.summary?.rulesKey === rulesKey) continue;
    let current = preparing.get(file);
    if (current?.rulesKey !== rulesKey) {
      const mine: { rulesKey: string; done: Promise<void> } = { rulesKey, done: Promise.resolve() };
      // Kept only while no newer preparation (for rules changed since) took over, and the job is open.
      const latest = () => preparing.get(file) === mine && file.raw === raw;
      mine.done = preparePool.prepareStorable(raw, key, now, family?.nameRules, { keep: true }).then(
        (prepared) => {
          if (latest()) file.summary = { rulesKey, counts: prepared.replacements, entryCount: prepared.entries.length, sha256: prepared.sha256 };
        },
        (error: unknown) => {
          if (latest()) Object.assign(file, { state: 'failed', error: problemOf(error), raw: undefined, summary: undefined });
        },
      ).finally(() => {
        if (preparing.get(file) === mine) preparing.delete(file);
      });
      current = mine;
      preparing.set(file, current);
    }
    pending.push(current.done);
  }
  await Promise.all(pending);
}

/** describeJob, after the summaries are prepared in the worker pool (the API and the command line). */
export async function viewJob(job: BulkJob, study: Study, key: Uint8Array, now: Date): Promise<BulkJobView> {
  await refreshSummaries(job, study, key, now);
  return describeJob(job, study, key, now);
}

/** Rounds of preparing before a commit gives up on name rules that keep changing under it. */
const SETTLE_ROUNDS = 5;

/**
 * describeJob once every ready file's summary is prepared (what a commit decides by: duplicates are
 * found by the prepared text). Files changed only by a name decision made meanwhile need another
 * round; a conflict if the rules keep changing.
 */
export async function settledView(job: BulkJob, study: Study, key: Uint8Array, now: Date): Promise<BulkJobView> {
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    await refreshSummaries(job, study, key, now);
    if (job.files.every((f) => f.state !== 'ready' || summarised(f, familyOf(study, f.familyId)))) return describeJob(job, study, key, now);
  }
  throw new ConflictError('Namnen i importen ändrades medan den sparades. Försök igen.');
}

/** Where each text is first found: among the job's read files (by bytes, by prepared text), among the stored documents. */
interface FirstSeen {
  byBytes: Map<string, number>;
  byText: Map<string, number>;
  stored: Map<string, string>;
}

/** One pass over the files and documents per view (a lookup per file was quadratic in the job's size). */
function firstSeen(job: BulkJob, study: Study): FirstSeen {
  const byBytes = new Map<string, number>();
  const byText = new Map<string, number>();
  job.files.forEach((f, i) => {
    if (f.state !== 'ready') return;
    if (f.bytesSha256 && !byBytes.has(f.bytesSha256)) byBytes.set(f.bytesSha256, i);
    if (f.summary && !byText.has(f.summary.sha256)) byText.set(f.summary.sha256, i);
  });
  // The job's own documents, once committed, are not duplicates of themselves.
  const own = new Set(job.committed?.documents ?? []);
  const stored = new Map<string, string>();
  for (const d of study.documents) if (!own.has(d.id) && !stored.has(d.sha256)) stored.set(d.sha256, d.id);
  return { byBytes, byText, stored };
}

/** Per file: a duplicate of an earlier file (same bytes or same prepared text) or of a stored document; no dated entries; no suggestions. */
function fileWarnings(job: BulkJob, seen: FirstSeen, index: number): FileWarning[] {
  const file = job.files[index]!;
  if (file.state !== 'ready' || !file.summary) return [];
  const warnings: FileWarning[] = [];
  const before = [file.bytesSha256 ? seen.byBytes.get(file.bytesSha256) : undefined, seen.byText.get(file.summary.sha256)]
    .filter((i): i is number => i !== undefined && i < index);
  const stored = seen.stored.get(file.summary.sha256);
  if (before.length) warnings.push({ code: 'duplicate', message: 'Filen är en dubblett av en annan fil i importen och sparas inte.', duplicateOf: Math.min(...before) });
  else if (stored) warnings.push({ code: 'duplicate', message: 'Filen finns redan i studien och sparas inte.', document: stored });
  if (file.summary.entryCount === 0) {
    warnings.push({ code: 'undated', message: 'Filen har inga daterade händelser. Den sparas med importdagen som datum.' });
  }
  if (file.suggestions === null) warnings.push({ code: 'names_unavailable', message: 'Namnförslag kunde inte tas fram för filen.' });
  return warnings;
}

/** Whether the warnings keep a file out of the commit. */
export const isSkipped = (warnings: readonly FileWarning[]) => warnings.some((w) => w.code === 'duplicate');

/**
 * Per job, what each poll would otherwise work out again: the keyed hash of each suggested name (to
 * leave out those the rules already catch) and each family's merged suggestions, for as long as the
 * same files are ready. Hashing every suggestion on every poll was most of a view of a 589-file job.
 * Kept with the job, so the names go when the job goes.
 */
const suggestionCache = new WeakMap<BulkJob, { hashes: Map<string, string | null>; merged: Map<string, { files: string; suggestions: NameSuggestion[] }> }>();

/** The family's suggestions, less the names the lead rejected and those its rules already catch. */
function familySuggestions(job: BulkJob, family: Family, ready: readonly number[], key: Uint8Array): NameSuggestion[] {
  let cache = suggestionCache.get(job);
  if (!cache) suggestionCache.set(job, (cache = { hashes: new Map(), merged: new Map() }));
  const files = ready.join(',');
  let merged = cache.merged.get(family.id);
  if (merged?.files !== files) {
    merged = { files, suggestions: mergeSuggestions(ready.map((i) => job.files[i]!.suggestions ?? [])) };
    cache.merged.set(family.id, merged);
  }
  const { hashes } = cache;
  const hashOf = (name: string) => {
    let hash = hashes.get(name);
    if (hash === undefined) hashes.set(name, (hash = nameHash(key, name)));
    return hash;
  };
  const rejected = job.rejected.get(family.id) ?? new Set<string>();
  const listed = new Set((family.nameRules ?? []).map((r) => r.hash));
  return merged.suggestions
    .filter((s) => !rejected.has(normaliseName(s.name)) && !listed.has(hashOf(s.name) ?? ''))
    .slice(0, SUGGESTIONS_SHOWN);
}

/** The job as the API and the command line show it. */
export function describeJob(job: BulkJob, study: Study, key: Uint8Array, now: Date): BulkJobView {
  // Read, but its summary not prepared yet (or prepared for rules since changed): still being read, as
  // shown. Only while the job is open: a committed or discarded job keeps its texts no longer.
  const open = job.state === 'running' || job.state === 'ready';
  const pending = job.files.map((f) => open && f.state === 'ready' && !summarised(f, familyOf(study, f.familyId)));
  const seen = firstSeen(job, study);
  const files: JobFileView[] = job.files.map((f, i) => {
    const family = familyOf(study, f.familyId);
    return {
      name: shownName(f, family, key, now),
      familyId: f.familyId,
      state: pending[i] ? 'reading' : f.state,
      progress: f.progress,
      ...(f.error ? { error: f.error } : {}),
      warnings: pending[i] ? [] : fileWarnings(job, seen, i),
      ...(f.summary ? { entryCount: f.summary.entryCount } : {}),
    };
  });
  const warnings: BulkJobView['warnings'] = [...job.warnings];
  files.forEach((f) => {
    if (f.error) warnings.push({ code: 'refused', message: f.error.message, file: f.name });
    for (const w of f.warnings) warnings.push({ code: w.code, message: w.message, file: f.name });
  });
  const families: JobFamilyView[] = [];
  for (const family of study.families) {
    const indexes = job.files.flatMap((f, i) => (f.familyId === family.id ? [i] : []));
    if (indexes.length === 0) continue;
    // Duplicates are not stored, so they count neither in the preview nor in the suggestions.
    const ready = indexes.filter((i) => files[i]!.state === 'ready' && !isSkipped(files[i]!.warnings));
    const counts = Object.fromEntries(PSEUDONYM_KINDS.map((k) => [k, 0])) as Record<string, number>;
    for (const i of ready) for (const [kind, n] of Object.entries(job.files[i]!.summary?.counts ?? {})) counts[kind] = (counts[kind] ?? 0) + n;
    families.push({
      familyId: family.id,
      pseudonym: family.pseudonym,
      files: indexes.length,
      documents: ready.length,
      preview: { counts },
      suggestedNames: familySuggestions(job, family, ready, key),
    });
  }
  const settled = (s: JobFileState) => s === 'ready' || s === 'failed';
  return {
    id: job.id,
    // Every file read, not every summary prepared: the lead is shown the job as still reading.
    state: job.state === 'ready' && pending.includes(true) ? 'running' : job.state,
    done: files.filter((f) => settled(f.state)).length,
    total: job.files.length,
    documents: job.committed?.documents.length ?? families.reduce((n, f) => n + f.documents, 0),
    ...(job.error ? { error: job.error } : {}),
    files,
    warnings,
    families,
  };
}
