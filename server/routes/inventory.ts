// /api/studies/:study/inventory — the målgruppsinventering's children and ratings: the lead imports
// the list from CSV (all or nothing), each caseworker rates their own children, and a second rater
// rates the sampled ones blind (versioned saves, If-Match; 0 = first save). The results (summary,
// chart, sample, families) are in inventory-results.ts.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { BadRequestError, ConflictError, DomainError, ForbiddenError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';
import { decodeTextFile } from '../domain/decode-upload.ts';
import { parseInventoryCsv, type RowError } from '../domain/inventory/inventory-csv.ts';
import type { InventoryChild, InventoryConfig, InventoryRating } from '../domain/inventory/inventory-types.ts';
import { sortByPseudonym } from '../domain/inventory/sort-children.ts';
import { assertStudyOpen } from '../domain/study-open.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import {
  canSeeChild, childView, inventoryAccess, inventoryLeadAccess, notFoundChild, partOf, type InventoryAccess,
} from '../http/inventory-access.ts';
import type { Services } from '../http/services.ts';
import { inventoryChildren, inventoryRatings, ratingId } from '../store/inventory-collections.ts';
import type { User } from '../store/app-data.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

/** 422 `invalid_rows`: the file is refused as a whole, with every bad row listed. */
export class InvalidRowsError extends DomainError {
  readonly status = 422;
  constructor(rows: RowError[]) {
    super('invalid_rows', `Filen har fel på ${rows.length === 1 ? 'en rad' : `${rows.length} rader`}; inget har sparats.`, { rows });
  }
}

export const MAX_REASON = 2000;

const ratingSchema = z.object({
  level: z.string().min(1).max(64),
  criteria: z.array(z.string().max(64)).max(30),
  reason: z.string().max(MAX_REASON, `Motiveringen får vara högst ${MAX_REASON} tecken.`),
}).strict();

async function readCsv(c: Context<AppEnv>): Promise<string> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await readMultipart(c);
    const file = form['file'];
    if (!(file instanceof UploadedFile)) throw new BadRequestError('file_required', 'Välj en CSV-fil med barnen.');
    return decodeTextFile(file.bytes);
  }
  if (type.startsWith('text/csv')) return decodeTextFile(new Uint8Array(await c.req.arrayBuffer()));
  throw new UnsupportedTypeError('Skicka listan som CSV-fil (multipart/form-data, fältet file, eller Content-Type: text/csv).');
}

const pseudonymKey = (s: string) => s.toLocaleLowerCase('sv');
const TAKEN = 'Det finns redan ett barn med den pseudonymen i studien.';
const childNumber = (id: string) => Number(/^barn-(\d+)$/.exec(id)?.[1] ?? 0);

function findChild(access: InventoryAccess, childId: string): InventoryChild {
  const child = access.repo.records.get(inventoryChildren, childId);
  if (!child || !canSeeChild(access, child)) throw notFoundChild();
  return child;
}

function checkRating(config: InventoryConfig, input: z.infer<typeof ratingSchema>): Pick<InventoryRating, 'level' | 'criteria' | 'reason'> {
  if (!config.scale.some((l) => l.id === input.level)) throw new ValidationError('Välj en nivå på inventeringens skala.', 'invalid_level');
  const known = new Set(config.criteria.map((c) => c.id));
  if (input.criteria.some((c) => !known.has(c))) throw new ValidationError('Ett av kriterierna finns inte i inventeringen.', 'invalid_criteria');
  const ticked = new Set(input.criteria);
  return { level: input.level, criteria: config.criteria.map((c) => c.id).filter((id) => ticked.has(id)), reason: input.reason.trim() };
}

export function inventoryRoutes(services: Services) {
  const { store, clock } = services;
  const users = () => store.app.data.users;

  return new Hono<AppEnv>()
    .get('/children', (c) => {
      const access = inventoryAccess(store, c.get('user'), c.req.param('study')!);
      const visible = access.repo.records.list(inventoryChildren).filter((child) => canSeeChild(access, child));
      return c.json(sortByPseudonym(visible.map((child) => childView(access, child, users()))));
    })
    .post('/children', audited(services, 'inventory.import'), async (c) => {
      const access = inventoryLeadAccess(store, c.get('user'), c.req.param('study')!);
      const { repo, config } = access;
      const { rows, errors } = parseInventoryCsv(await readCsv(c), config);
      const existing = repo.records.list(inventoryChildren);
      const taken = new Set(existing.map((x) => pseudonymKey(x.pseudonym)));
      const accounts = new Map<string, User>();
      for (const r of rows) {
        const account = users().find((u) => u.username === r.caseworker);
        const role = account ? repo.study.members.find((m) => m.userId === account.id)?.role : undefined;
        if (!account || account.disabled) errors.push({ row: r.row, message: 'Handläggaren har inget aktivt konto i Backspegel.' });
        else if (role === 'lead' || role === 'researcher') errors.push({ row: r.row, message: 'Handläggaren är projektledare eller forskare i studien, inte socialsekreterare.' });
        else if (taken.has(pseudonymKey(r.pseudonym))) errors.push({ row: r.row, message: TAKEN });
        else accounts.set(r.caseworker, account);
      }
      if (errors.length) throw new InvalidRowsError(errors.sort((a, b) => a.row - b.row));
      if (!rows.length) throw new ValidationError('Filen har inga barn.', 'empty_file');

      const newMembers = [...new Set([...accounts.values()].map((u) => u.id))].filter((id) => !repo.study.members.some((m) => m.userId === id));
      if (newMembers.length) {
        await repo.mutateStudy((draft) => {
          assertStudyOpen(draft);
          for (const id of newMembers) if (!draft.members.some((m) => m.userId === id)) draft.members.push({ userId: id, role: 'caseworker' });
          draft.version += 1;
        });
      }
      const now = clock().toISOString();
      const imported = await repo.records.transact((tx) => {
        const stored = repo.records.list(inventoryChildren);
        // Checked again here: another import may have committed since the check above (transactions run one at a time).
        const takenNow = new Set(stored.map((x) => pseudonymKey(x.pseudonym)));
        const clashes = rows.filter((r) => takenNow.has(pseudonymKey(r.pseudonym)));
        if (clashes.length) throw new InvalidRowsError(clashes.map((r) => ({ row: r.row, message: TAKEN })));
        let next = Math.max(0, ...stored.map((x) => childNumber(x.id))) + 1;
        for (const r of rows) {
          tx.put(inventoryChildren, {
            id: `barn-${String(next++).padStart(4, '0')}`, pseudonym: r.pseudonym, unit: r.unit, ageBand: r.ageBand,
            caseworkerId: accounts.get(r.caseworker)!.id, secondRaterId: null, version: 1, createdAt: now, createdBy: access.user.id,
          });
        }
        return rows.length;
      });
      return c.json({ imported }, 201);
    })
    .get('/children/:child', (c) => {
      const access = inventoryAccess(store, c.get('user'), c.req.param('study')!);
      const view = childView(access, findChild(access, c.req.param('child')), users());
      c.header('ETag', `"${view.version}"`);
      return c.json(view);
    })
    .put('/children/:child', audited(services, 'inventory.rate', 'child'), async (c) => {
      const access = inventoryAccess(store, c.get('user'), c.req.param('study')!);
      const child = findChild(access, c.req.param('child'));
      if (access.role !== 'caseworker' || !partOf(child, access.user.id)) {
        throw new ForbiddenError('Bara barnets socialsekreterare och den andra bedömaren bedömer barnet.');
      }
      const version = requireVersion(c);
      const input = checkRating(access.config, await readJson(c, ratingSchema));
      const id = ratingId(child.id, access.user.id);
      await access.repo.records.transact((tx) => {
        const current = tx.get(inventoryRatings, id);
        if ((current?.version ?? 0) !== version) {
          throw new ConflictError('Bedömningen har sparats i en annan flik eller av någon annan sedan du öppnade den.', childView(access, child, users()));
        }
        const now = clock().toISOString();
        tx.put(inventoryRatings, {
          id, childId: child.id, raterId: access.user.id, ...input, version: version + 1,
          createdAt: current?.createdAt ?? now, createdBy: current?.createdBy ?? access.user.id, updatedAt: now, updatedBy: access.user.id,
        });
      });
      const view = childView(access, child, users());
      c.header('ETag', `"${view.version}"`);
      return c.json(view, version === 0 ? 201 : 200);
    });
}
