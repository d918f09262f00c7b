// /api/studies/:study/codebook.qdc — the codebook as a REFI-QDA codebook file (QDA-XML), out to
// NVivo, ATLAS.ti or MAXQDA and in from them. An import adds codes: a code whose name already exists
// under the same parent is reused, so importing the same file twice changes nothing.
import { Hono, type Context } from 'hono';
import { codebookOrder, nextColor } from '../domain/codebook.ts';
import { BadRequestError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';
import { codebookToQdc, guidKey, qdcToCodebook, type ImportedCode } from '../domain/refi-codebook.ts';
import type { Code } from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess } from '../http/study-access.ts';
import { decodeTextFile } from '../domain/decode-upload.ts';
import { newId } from '../store/ids.ts';
import { codes } from '../store/study-collections.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

const MAX_NAME = 200;
const collator = new Intl.Collator('sv', { sensitivity: 'base' });

async function readCodebookFile(c: Context<AppEnv>): Promise<string> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new UnsupportedTypeError('Skicka kodboken som fil (multipart/form-data, fältet file).');
  }
  const form = await readMultipart(c);
  const file = form['file'];
  if (!(file instanceof UploadedFile)) throw new BadRequestError('file_required', 'Välj en kodboksfil (.qdc) att importera.');
  return decodeTextFile(file.bytes);
}

/** The codes to add for an imported codebook, reusing existing codes of the same name and parent. */
export function planImport(existing: readonly Code[], imported: readonly ImportedCode[], userId: string, now: string): { added: Code[]; reused: number } {
  const all = [...existing];
  const added: Code[] = [];
  const idOfGuid = new Map<string, string>();
  let reused = 0;
  for (const code of imported) {
    const name = code.name.slice(0, MAX_NAME).trim();
    if (!name) throw new ValidationError('En kod i kodboken saknar namn.', 'invalid_codebook');
    // Parents come before their children in the import, so the parent's id is known here.
    const parentId = code.parentGuid ? idOfGuid.get(guidKey(code.parentGuid)) ?? null : null;
    const twin = all.find((c) => c.parentId === parentId && collator.compare(c.name, name) === 0);
    if (twin) {
      idOfGuid.set(guidKey(code.guid), twin.id);
      reused++;
      continue;
    }
    const created: Code = {
      id: newId('c'), name, description: code.description, color: code.color ?? nextColor(all), parentId,
      createdBy: userId, createdAt: now, updatedBy: userId, updatedAt: now, version: 1,
    };
    all.push(created);
    added.push(created);
    idOfGuid.set(guidKey(code.guid), created.id);
  }
  return { added, reused };
}

export function codebookQdcRoutes(services: Services) {
  const { store, clock } = services;
  return new Hono<AppEnv>()
    .get('/', audited(services, 'codebook.export'), (c) => {
      const { repo } = researchAccess(store, c.get('user'), c.req.param('study')!);
      const ordered = codebookOrder(repo.records.list(codes)).map((r) => r.code);
      if (!ordered.length) throw new ValidationError('Kodboken är tom: skapa eller importera koder först.', 'empty_codebook');
      c.header('Content-Type', 'application/xml; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="kodbok-${repo.id}.qdc"`);
      return c.body(codebookToQdc(ordered));
    })
    .post('/', audited(services, 'codebook.import'), async (c) => {
      const { repo, user } = researchAccess(store, c.get('user'), c.req.param('study')!);
      const { codes: imported, warnings } = qdcToCodebook(await readCodebookFile(c));
      const result = await repo.records.transact((tx) => {
        const plan = planImport(repo.records.list(codes), imported, user.id, clock().toISOString());
        for (const code of plan.added) tx.put(codes, code);
        return plan;
      });
      return c.json({ created: result.added.length, reused: result.reused, warnings }, 201);
    });
}
