// /api/studies/:study/families/:family/imports — the lead's import with a preview: upload (202,
// text extracted in the background with progress), look at what will be replaced, list missed
// names (…/names), then commit or discard. Also /names: the family's listed names, as labels only.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { canImportDocuments } from '../domain/access.ts';
import { BadRequestError, ConflictError, ForbiddenError, TooLargeError } from '../domain/errors.ts';
import { describeDocument, prepareFileName, prepareTitle, titleFromFileName } from '../domain/prepare-document.ts';
import { nameRule } from '../domain/pseudonymise-names.ts';
import { previewReplacements } from '../domain/pseudonymise-preview.ts';
import type { Family } from '../domain/types.ts';
import { newId } from '../store/ids.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { IMPORT_BODY_LIMIT } from '../http/security.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, studyAccess, type StudyAccess } from '../http/study-access.ts';
import { precheckUpload } from '../import/extract-text.ts';
import { preparePool } from '../import/prepare-pool.ts';
import type { PendingImport } from '../import/pending-imports.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

const namesSchema = z.object({
  names: z.array(z.object({ name: z.string().min(1).max(100), label: z.string().min(1).max(40) })).min(1).max(100),
});

function leadOnFamily(services: Services, c: Context<AppEnv>): { access: StudyAccess; family: Family } {
  const access = studyAccess(services.store, c.get('user'), c.req.param('study')!);
  const family = familyAccess(access, c.req.param('family')!);
  if (!canImportDocuments(access.repo.study, access.user.id)) throw new ForbiddenError('Bara projektledaren kan importera dokument.');
  return { access, family };
}

/** The labels of the family's listed names (the names themselves are not stored). */
const nameLabels = (family: Family) => ({ labels: (family.nameRules ?? []).map((r) => r.label) });

async function statusView(services: Services, item: PendingImport, family: Family) {
  // Title and file name are kept as given only in memory, like the text, and pseudonymised with the
  // family's names as they are now whenever they are shown.
  const now = services.clock();
  const title = prepareTitle(item.title, services.store.secretKey, now, family.nameRules);
  const fileName = prepareFileName(item.fileName, services.store.secretKey, now, family.nameRules);
  const base = { id: item.id, title, fileName, status: item.status, progress: item.progress };
  if (item.status === 'failed') {
    const e = item.error as { code?: string; message: string } | undefined;
    return { ...base, error: { code: e?.code ?? 'import_failed', message: e?.message ?? 'Importen misslyckades.' } };
  }
  if (item.status !== 'ready') return base;
  const prepared = await preparePool.prepare(item.raw!, services.store.secretKey, services.clock(), family.nameRules);
  const preview = previewReplacements(prepared.original, { replacements: prepared.replaced });
  return { ...base, length: prepared.text.length, entryCount: prepared.entries.length, preview };
}

export function importRoutes(services: Services) {
  const { store, pendingImports } = services;
  const pendingOf = (c: Context<AppEnv>, access: StudyAccess, family: Family) =>
    pendingImports.get(c.req.param('id')!, access.user.id, access.repo.id, family.id);

  return new Hono<AppEnv>()
    .post('/imports', audited(services, 'import.upload'), async (c) => {
      const { access, family } = leadOnFamily(services, c);
      const form = await readMultipart(c);
      const file = form['file'];
      if (!(file instanceof UploadedFile)) throw new BadRequestError('file_required', 'Välj en fil att importera.');
      if (file.size > IMPORT_BODY_LIMIT) throw new TooLargeError();
      const bytes = file.bytes;
      await precheckUpload(file.name, bytes);
      const given = typeof form['title'] === 'string' ? form['title'].trim() : '';
      const item = pendingImports.start({
        ownerId: access.user.id,
        studyId: access.repo.id,
        familyId: family.id,
        title: given || titleFromFileName(file.name),
        fileName: file.name,
        bytes,
      });
      c.set('audit', { object: item.id });
      return c.json(await statusView(services, item, family), 202);
    })
    .get('/imports/:id', async (c) => {
      const { access, family } = leadOnFamily(services, c);
      return c.json(await statusView(services, pendingOf(c, access, family), family));
    })
    .post('/imports/:id/commit', audited(services, 'document.import'), async (c) => {
      const { access, family } = leadOnFamily(services, c);
      const item = pendingOf(c, access, family);
      if (item.status !== 'ready') throw new ConflictError('Filen läses fortfarande in, eller kunde inte läsas.');
      // Claimed before the first await: two commits of one import would otherwise both store it.
      if (item.committing) throw new ConflictError('Filen sparas redan.');
      item.committing = true;
      const { meta, replacements } = await storeImport(services, access, family, item).finally(() => (item.committing = false));
      pendingImports.forget(item.id);
      c.set('audit', { object: meta.id });
      return c.json({ document: meta, replacements }, 201);
    })
    .delete('/imports/:id', (c) => {
      const { access, family } = leadOnFamily(services, c);
      const item = pendingOf(c, access, family);
      // A commit under way stores the document whatever happens here: do not say it was thrown away.
      if (item.committing) throw new ConflictError('Filen sparas redan.');
      pendingImports.forget(item.id);
      return c.body(null, 204);
    })
    .get('/names', (c) => c.json(nameLabels(leadOnFamily(services, c).family)))
    .post('/names', audited(services, 'family.names'), async (c) => {
      const { access, family } = leadOnFamily(services, c);
      const { names } = await readJson(c, namesSchema);
      const rules = names.map((n) => nameRule(store.secretKey, n.name, n.label));
      const study = await access.repo.mutateStudy((d) => {
        const f = d.families.find((x) => x.id === family.id)!;
        const kept = (f.nameRules ?? []).filter((r) => !rules.some((n) => n.hash === r.hash));
        f.nameRules = [...kept, ...rules];
        return d;
      });
      return c.json(nameLabels(study.families.find((f) => f.id === family.id)!));
    });
}

/** Pseudonymises a pending import's text as the family's name rules say and stores it as a new document. */
async function storeImport(services: Services, access: StudyAccess, family: Family, item: PendingImport) {
  const now = services.clock();
  const prepared = await preparePool.prepareStorable(item.raw!, services.store.secretKey, now, family.nameRules);
  const title = prepareTitle(item.title, services.store.secretKey, now, family.nameRules);
  const meta = describeDocument(prepared, { id: newId('d'), familyId: family.id, title, importedBy: access.user.id, now });
  await access.repo.addDocuments([{ meta, text: prepared.textBytes, entries: prepared.entries }]);
  return { meta, replacements: prepared.replacements };
}
