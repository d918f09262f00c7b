// /api/studies/:study/imports — the lead's bulk import: many files (each with its family) or one zip
// of family folders → 202 { job }; the files are read in the background; GET shows progress,
// warnings, per-family previews and suggested names; …/names confirms or rejects names; …/commit
// stores the ready files; DELETE discards. Jobs live in memory only and belong to their uploader.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { canImportDocuments } from '../domain/access.ts';
import { BadRequestError, ForbiddenError, TooLargeError, ValidationError } from '../domain/errors.ts';
import type { Study } from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess, type StudyAccess } from '../http/study-access.ts';
import { commitJob, decideNames } from '../import/bulk-commit.ts';
import { viewJob } from '../import/bulk-import-view.ts';
import type { BulkJob, JobFileInput, JobWarning } from '../import/bulk-imports.ts';
import { invalidArchive, planArchive, plainFile, resolveFamily } from '../import/bulk-upload.ts';
import { BULK_LIMITS } from '../import/upload-limits.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

const namesSchema = z.object({
  familyId: z.string().min(1).max(64),
  confirm: z.array(z.object({ name: z.string().min(1).max(100), label: z.string().min(1).max(40) })).max(200).default([]),
  reject: z.array(z.string().min(1).max(100)).max(500).default([]),
});

const familiesMapSchema = z.record(z.string().max(1000), z.string().min(1).max(100));

function leadOf(services: Services, c: Context<AppEnv>): StudyAccess {
  const access = studyAccess(services.store, c.get('user'), c.req.param('study')!);
  if (!canImportDocuments(access.repo.study, access.user.id)) throw new ForbiddenError('Bara projektledaren kan importera dokument.');
  return access;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The families of plainly uploaded files: `family` fields in the files' order, or a `families` JSON map of file name → family. */
function familiesOfFiles(form: Record<string, unknown>, files: UploadedFile[], study: Study): string[] {
  const given = asList(form['family'] as string | string[] | undefined).filter((v): v is string => typeof v === 'string');
  let names: string[];
  if (typeof form['families'] === 'string') {
    let map: Record<string, string>;
    try {
      map = familiesMapSchema.parse(JSON.parse(form['families']));
    } catch {
      throw new ValidationError('Fältet families ska vara ett JSON-objekt från filnamn till familj.', 'invalid_form');
    }
    names = files.map((f) => map[f.name] ?? '');
  } else if (given.length === files.length) names = given;
  else throw new ValidationError('Ange en familj för varje fil (fältet family, i filernas ordning).', 'family_required');
  return names.map((name) => {
    const family = name ? resolveFamily(study.families, name) : undefined;
    if (!family) throw new ValidationError('En av filerna har ingen familj som finns i studien.', 'unknown_family');
    return family.id;
  });
}

/** The files of the upload, each with its family, and the archive to inflate when there is one. */
async function readUpload(c: Context<AppEnv>, access: StudyAccess, services: Services): Promise<{ files: JobFileInput[]; warnings: JobWarning[]; archive?: Uint8Array }> {
  const form = await readMultipart(c);
  const archives = asList(form['archive']).filter((f): f is UploadedFile => f instanceof UploadedFile);
  const files = asList(form['files']).filter((f): f is UploadedFile => f instanceof UploadedFile);
  if (archives.length > 1 || (archives.length === 1 && files.length > 0)) {
    throw new ValidationError('Ladda upp antingen ett arkiv eller filer, inte båda.', 'invalid_form');
  }
  if (archives.length === 1) {
    const archive = archives[0]!.bytes;
    const plan = await planArchive(archive, access.repo.study.families, services.store.secretKey, services.clock());
    return { ...plan, archive };
  }
  if (files.length === 0) throw new BadRequestError('file_required', 'Välj filer eller ett arkiv att importera.');
  if (files.length > BULK_LIMITS.maxFiles) throw new TooLargeError(`Högst ${BULK_LIMITS.maxFiles} filer åt gången.`);
  const families = familiesOfFiles(form, files, access.repo.study);
  const inputs = await Promise.all(files.map((f, i) => plainFile(f.name, families[i]!, f.bytes)));
  return { files: inputs, warnings: [] };
}

export function bulkImportRoutes(services: Services) {
  const { store, clock, bulkImports } = services;
  const jobOf = (c: Context<AppEnv>, access: StudyAccess): BulkJob => bulkImports.get(c.req.param('job')!, access.user.id, access.repo.id);
  const view = (job: BulkJob, access: StudyAccess) => viewJob(job, access.repo.study, store.secretKey, clock());

  return new Hono<AppEnv>()
    .get('/imports', async (c) => {
      const access = leadOf(services, c);
      const jobs = await Promise.all(bulkImports.list(access.user.id, access.repo.id).map(async (job) => {
        const { id, state, done, total, documents } = await view(job, access);
        return { id, state, done, total, documents, createdAt: new Date(job.createdAt).toISOString() };
      }));
      return c.json({ jobs });
    })
    .post('/imports', audited(services, 'import.archive'), async (c) => {
      const access = leadOf(services, c);
      const upload = await readUpload(c, access, services);
      const exclude = access.repo.study.questions.map((q) => q.label);
      const job = bulkImports.start({ ownerId: access.user.id, studyId: access.repo.id, exclude, ...upload });
      c.set('audit', { object: job.id });
      return c.json({ job: await view(job, access) }, 202);
    })
    .get('/imports/:job', async (c) => {
      const access = leadOf(services, c);
      return c.json(await view(jobOf(c, access), access));
    })
    .post('/imports/:job/names', audited(services, 'family.names'), async (c) => {
      const access = leadOf(services, c);
      const job = jobOf(c, access);
      const decision = await readJson(c, namesSchema);
      await decideNames(job, access.repo, store.secretKey, decision);
      c.set('audit', { object: job.id, family: decision.familyId });
      return c.json(await view(job, access));
    })
    .post('/imports/:job/commit', audited(services, 'import.commit'), async (c) => {
      const access = leadOf(services, c);
      const job = jobOf(c, access);
      c.set('audit', { object: job.id });
      const result = await commitJob(bulkImports, job, access.repo, store.secretKey, clock(), access.user.id);
      return c.json({ ...result, job: await view(job, access) }, 201);
    })
    .delete('/imports/:job', audited(services, 'import.discard'), (c) => {
      const access = leadOf(services, c);
      const job = jobOf(c, access);
      c.set('audit', { object: job.id });
      if (job.state === 'running' || job.state === 'ready' || job.state === 'failed') bulkImports.close(job, 'discarded');
      return c.body(null, 204);
    });
}
