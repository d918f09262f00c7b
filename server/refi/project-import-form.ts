// Reading the multipart form of POST /api/studies for a project import: `file` (the .qdpx or .qde),
// optionally `template` (questions when the project brings none) and `title`.
import type { Context } from 'hono';
import { BadRequestError, TooLargeError } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { IMPORT_BODY_LIMIT } from '../http/security.ts';
import type { User } from '../store/app-data.ts';
import type { Store } from '../store/store.ts';
import { mayCreateStudies } from '../studies/create-study.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { importProjectStudy, type ProjectImportResult } from './project-import.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

export async function importProjectFromForm(c: Context<AppEnv>, store: Store, user: User, now: Date): Promise<ProjectImportResult> {
  // Refused before the upload is read.
  if (!mayCreateStudies(user)) throw new ForbiddenError('Ditt konto får inte skapa studier. Be en administratör om det.');
  const form = await readMultipart(c);
  const file = form['file'];
  if (!(file instanceof UploadedFile)) throw new BadRequestError('file_required', 'Välj en projektfil (.qdpx eller .qde) att importera.');
  if (file.size > IMPORT_BODY_LIMIT) throw new TooLargeError();
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '') || undefined;
  return importProjectStudy(store, file.bytes, user, now, { template: field('template'), title: field('title') });
}
