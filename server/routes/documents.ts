// /api/studies/:study/documents/:doc (read, or only its head with ?head=<n>) and …/families/:family/documents (import, lead only).
import { Hono, type Context } from 'hono';
import { canImportDocuments } from '../domain/access.ts';
import { BadRequestError, ForbiddenError, TooLargeError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';
import { documentHead } from '../domain/document-head.ts';
import { describeDocument, prepareTitle, titleFromFileName } from '../domain/prepare-document.ts';
import { documentImportJsonSchema } from '../domain/schemas.ts';
import type { DocumentHeadView, DocumentView } from '../domain/types.ts';
import { extractRawText, precheckUpload } from '../import/extract-text.ts';
import { preparePool } from '../import/prepare-pool.ts';
import { newId } from '../store/ids.ts';
import { readJson } from '../http/body.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import { Lru } from '../store/lru.ts';
import { CachedJson, sendCachedJson } from '../http/cached-json.ts';
import { IMPORT_BODY_LIMIT } from '../http/security.ts';
import type { Services } from '../http/services.ts';
import { documentAccess, familyAccess, studyAccess } from '../http/study-access.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

/** The uploaded case file as title + raw text, from multipart (`file`, `title`) or JSON. */
async function readUpload(c: Context): Promise<{ title: string; raw: string | Uint8Array }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const { title, text } = await readJson(c, documentImportJsonSchema);
    return { title, raw: text };
  }
  if (!type.startsWith('multipart/form-data')) {
    throw new UnsupportedTypeError('Skicka dokumentet som fil (multipart/form-data) eller som JSON.');
  }
  const form = await readMultipart(c);
  const file = form['file'];
  if (!(file instanceof UploadedFile)) throw new BadRequestError('file_required', 'Välj en fil att importera.');
  if (file.size > IMPORT_BODY_LIMIT) throw new TooLargeError();
  // Not cut here: a cut could leave part of a personal number that pseudonymising would not find.
  const given = typeof form['title'] === 'string' ? form['title'].trim() : '';
  const title = given || titleFromFileName(file.name);
  const bytes = file.bytes;
  await precheckUpload(file.name, bytes);
  // A text file in UTF-8 stays bytes, decoded by the worker that prepares it (moved there, not copied).
  return { title, raw: await extractRawText(file.name, bytes) };
}

/** `?head=<n>`: a whole number of characters, 1 or more; undefined without the parameter. */
function headParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new ValidationError('head ska vara ett heltal, minst 1.', 'invalid_head');
  return Number(value);
}

export function documentRoutes(services: Services) {
  const { store, clock } = services;
  // Documents never change once stored, so their serialised form (up to several MB) is kept for reuse.
  const serialised = new Lru<string, CachedJson>(8);
  return new Hono<AppEnv>()
    .get('/documents/:doc', audited(services, 'document.read', 'doc'), async (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const { meta } = documentAccess(access, c.req.param('doc'));
      c.set('audit', { object: meta.id, family: meta.familyId });
      const head = headParam(c.req.query('head'));
      if (head !== undefined) {
        // The reader's first screen: a small answer, not cached (the whole document is asked for right after).
        const { text, entries } = await access.repo.documents.read(meta.id);
        const view: DocumentHeadView = { id: meta.id, familyId: meta.familyId, title: meta.title, ...documentHead(text, entries, head), length: text.length };
        return c.json(view);
      }
      const key = `${access.repo.id}/${meta.id}`;
      let answer = serialised.get(key);
      if (!answer) {
        const { text, entries } = await access.repo.documents.read(meta.id);
        const view: DocumentView = { id: meta.id, familyId: meta.familyId, title: meta.title, text, entries };
        answer = new CachedJson(view);
        serialised.set(key, answer);
      }
      return sendCachedJson(c, answer);
    })
    .post('/families/:family/documents', audited(services, 'document.import'), async (c) => {
      const user = c.get('user');
      const access = studyAccess(store, user, c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family'));
      if (!canImportDocuments(access.repo.study, user.id)) throw new ForbiddenError('Bara projektledaren kan importera dokument.');
      const { title, raw } = await readUpload(c);
      const now = clock();
      const prepared = await preparePool.prepareStorable(raw, store.secretKey, now, family.nameRules);
      const shownTitle = prepareTitle(title, store.secretKey, now, family.nameRules);
      const meta = describeDocument(prepared, { id: newId('d'), familyId: family.id, title: shownTitle, importedBy: user.id, now });
      await access.repo.addDocuments([{ meta, text: prepared.textBytes, entries: prepared.entries }]);
      c.set('audit', { object: meta.id });
      return c.json({ document: meta, replacements: prepared.replacements }, 201);
    });
}
