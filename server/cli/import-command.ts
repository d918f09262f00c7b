// `backspegel import --study S --family F FILES…` and `backspegel import --study S --archive ZIP`:
// the bulk import from the command line, through the same job as the API (background reading,
// warnings, name suggestions), then committed as the user "cli". Suggested names are only
// confirmed with `--names names.json` ({ "fam-1": [{ "name": "Elsa", "label": "Barn 1" }] });
// `--dry-run` reads and reports without storing anything.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';
import { assertStudyOpen } from '../domain/study-open.ts';
import { commitJob, decideNames } from '../import/bulk-commit.ts';
import { viewJob, type BulkJobView } from '../import/bulk-import-view.ts';
import { BulkImports, type BulkJob, type JobFileInput, type JobWarning } from '../import/bulk-imports.ts';
import { planArchive, plainFile, resolveFamily } from '../import/bulk-upload.ts';
import { nameSuggester } from '../import/name-suggester.ts';
import type { Store } from '../store/store.ts';
import type { StudyRepo } from '../store/study-repo.ts';

export interface ImportCommandOptions {
  study?: string;
  family?: string;
  archive?: string;
  names?: string;
  'dry-run'?: boolean;
}

const namesFileSchema = z.record(z.string().min(1).max(100), z.array(z.object({ name: z.string().min(1).max(100), label: z.string().min(1).max(40) })).max(200));

type Print = (line: string) => void;

async function readNamesFile(path: string): Promise<z.infer<typeof namesFileSchema>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new ValidationError('Namnfilen kunde inte läsas som JSON. Formatet är { "fam-1": [{ "name": "…", "label": "Barn 1" }] }.');
  }
  const result = namesFileSchema.safeParse(parsed);
  if (!result.success) throw new ValidationError('Namnfilen har fel format. Formatet är { "fam-1": [{ "name": "…", "label": "Barn 1" }] }.');
  return result.data;
}

/** The files to import, each with its family, from the options. */
async function collect(repo: StudyRepo, options: ImportCommandOptions, paths: string[], key: Uint8Array): Promise<{ files: JobFileInput[]; warnings: JobWarning[]; archive?: Uint8Array }> {
  if (options.archive) {
    if (paths.length > 0 || options.family) throw new ValidationError('Ange antingen --archive ZIP eller --family F med filer, inte båda.');
    const archive = new Uint8Array(await readFile(options.archive));
    return { ...(await planArchive(archive, repo.study.families, key, new Date())), archive };
  }
  if (!options.family || paths.length === 0) throw new ValidationError('Ange --family FAMILJ och minst en fil, eller --archive ZIP.');
  const family = resolveFamily(repo.study.families, options.family);
  if (!family) throw new ValidationError(`Familjen finns inte i studien. Familjer: ${repo.study.families.map((f) => f.id).join(', ')}.`);
  const files = await Promise.all(paths.map(async (p) => plainFile(basename(p), family.id, new Uint8Array(await readFile(p)))));
  return { files, warnings: [] };
}

/** Prints each file once it has been read, until the job has settled. */
async function followProgress(jobs: BulkImports, job: BulkJob, view: () => Promise<BulkJobView>, print: Print): Promise<void> {
  const reported = new Set<number>();
  const report = async () => {
    const v = await view();
    v.files.forEach((f, i) => {
      if (reported.has(i) || (f.state !== 'ready' && f.state !== 'failed')) return;
      reported.add(i);
      const outcome = f.state === 'ready' ? `läst, ${f.entryCount ?? 0} daterade händelser` : `avvisad: ${f.error?.message ?? ''}`;
      print(`[${reported.size}/${v.total}] ${f.name}: ${outcome}`);
    });
  };
  while (job.state === 'running') {
    await report();
    await new Promise((r) => setTimeout(r, 100));
  }
  await jobs.settled(job);
  await report();
}

function printSummary(view: BulkJobView, print: Print, namesGiven: boolean): void {
  print('');
  print(`Sammanfattning: ${view.done} av ${view.total} filer lästa, ${view.documents} dokument att spara.`);
  for (const w of view.warnings) print(`  Varning${w.file ? ` (${w.file})` : w.folder ? ` (mappen ${w.folder})` : ''}: ${w.message}`);
  for (const f of view.families) {
    const counts = Object.entries(f.preview.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
    print(`${f.pseudonym} (${f.familyId}): ${f.files} filer, ${f.documents} dokument; ersätts: ${counts || 'inget'}`);
    if (f.suggestedNames.length > 0) print(`  Föreslagna namn: ${f.suggestedNames.slice(0, 30).map((s) => `${s.name} (${s.count})`).join(', ')}`);
  }
  if (view.families.some((f) => f.suggestedNames.length > 0)) {
    print(
      namesGiven
        ? 'Namnen i namnfilen är bekräftade. Föreslagna namn som inte står där är inte bekräftade och ersätts inte.'
        : 'Föreslagna namn är inte bekräftade och ersätts inte. Bekräfta dem med --names names.json ({ "fam-1": [{ "name": "…", "label": "Barn 1" }] }) eller i webbläsaren; prova först med --dry-run.',
    );
  }
}

/** Runs the import; returns the lines' exit code (0 when the import was stored or only tried). */
export async function importCommand(store: Store, options: ImportCommandOptions, paths: string[], print: Print = console.log): Promise<number> {
  if (!options.study) throw new ValidationError('Ange studien med --study STUDIE.');
  const repo = store.study(options.study);
  if (!repo) throw new ValidationError('Studien finns inte.');
  assertStudyOpen(repo.study);
  const key = store.secretKey;
  const names = options.names ? await readNamesFile(options.names) : undefined;
  const audit = (action: string, object: string, family: string | null = null) =>
    store.audit.append({ time: new Date().toISOString(), user: 'cli', role: null, action, study: repo.id, family, object, outcome: 'ok' });

  const upload = await collect(repo, options, paths, key);
  const jobs = new BulkImports(() => new Date());
  try {
    const job = jobs.start({ ownerId: 'cli', studyId: repo.id, exclude: repo.study.questions.map((q) => q.label), ...upload });
    await audit('import.archive', job.id);
    const view = () => viewJob(job, repo.study, key, new Date());
    print(`Läser ${job.files.length} filer …`);
    await followProgress(jobs, job, view, print);
    if (job.state === 'failed') {
      print(`Importen misslyckades: ${job.error?.message ?? ''}`);
      return 1;
    }
    for (const [familyId, confirm] of Object.entries(names ?? {})) {
      const family = resolveFamily(repo.study.families, familyId);
      if (!family) throw new ValidationError('En familj i namnfilen finns inte i studien.');
      await decideNames(job, repo, key, { familyId: family.id, confirm, reject: [] });
      await audit('family.names', job.id, family.id);
    }
    printSummary(await view(), print, names !== undefined);
    if (options['dry-run']) {
      print('Inget sparades (--dry-run).');
      jobs.close(job, 'discarded');
      return 0;
    }
    const result = await commitJob(jobs, job, repo, key, new Date(), 'cli');
    await audit('import.commit', job.id);
    print(`Sparade ${result.documents.length} dokument${result.skipped ? `; ${result.skipped} dubbletter sparades inte` : ''}.`);
    return 0;
  } finally {
    jobs.stop();
    await nameSuggester.stop();
  }
}
