// The study's literature: /references (the reference library: list, import a .bib/.ris/CSL-JSON file
// or add one CSL-JSON item, edit and delete by citation key), /bibliography (the reference list of
// what the study cites) and /citations (renders the `[@key]` citations of any Markdown).
//
// Literature is not case data, so every member may read the library and render citations (caseworkers
// write Markdown too); only researchers and the lead change the library, and only they get the
// bibliography, which is gathered from every family's texts.
//
// Deleting a reference that is cited is allowed: the texts and links keep the key, which then shows as
// unknown ("sundell2007?" and in `unknownKeys`) until a reference with that key is added again.
// Refusing instead would let one memo, perhaps someone else's, block cleaning up the library.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { decodeTextFile } from '../domain/decode-upload.ts';
import { BadRequestError, ConflictError, NotFoundError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';
import { escapeHtml } from '../domain/markdown.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess, studyAccess } from '../http/study-access.ts';
import { uniqueCitationKey } from '../literature/citation-keys.ts';
import { formatCitations } from '../literature/citations.ts';
import type { CslItem } from '../literature/csl-item.ts';
import { findCitations } from '../literature/find-citations.ts';
import { detectReferenceFormat, parseReferences, type ReferenceFormat } from '../literature/parse-references.ts';
import {
  cslItemSchema, cslPatchSchema, isCitableKey, MAX_LIBRARY, newItem, ownKey, patchItem, referenceView, sortReferences,
  type StoredReference,
} from '../literature/reference-records.ts';
import { citeOptions, ReferenceKeyError, studyBibliography, studyCitedKeys } from '../literature/study-library.ts';
import type { Transaction } from '../store/record-file.ts';
import { references } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { readMultipart, UploadedFile } from '../http/multipart.ts';

const KEY_RULE = 'bokstäverna a–z och A–Z, siffror och _, med enstaka : . - emellan, högst 100 tecken';

/** The format a file's name suggests, for content that detectReferenceFormat cannot place. */
function formatOfName(name: string): Exclude<ReferenceFormat, 'auto'> | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'biblatex';
  if (ext === 'ris') return 'ris';
  if (ext === 'json') return 'csl-json';
  return undefined;
}

/**
 * A new key for `item` that is citable and not in `taken`: the usual author-and-year key, or, when
 * that has letters outside a–z (a name in another script) or is too long, "ref" and the year.
 */
function makeKey(item: CslItem, taken: Set<string>): string {
  const key = uniqueCitationKey(item, taken);
  if (isCitableKey(key)) return key;
  taken.delete(key);
  return uniqueCitationKey({ id: '', type: item.type, issued: item.issued }, taken);
}

function tooMany(count: number): void {
  if (count > MAX_LIBRARY) {
    throw new ValidationError(`Referensbiblioteket kan ha högst ${MAX_LIBRARY.toLocaleString('sv-SE')} referenser.`, 'too_many_references');
  }
}

async function readReferenceFile(c: Context<AppEnv>): Promise<{ text: string; name: string }> {
  const form = await readMultipart(c);
  const file = form['file'];
  if (!(file instanceof UploadedFile)) throw new BadRequestError('file_required', 'Välj en referensfil (.bib, .ris eller .json) att läsa in.');
  return { text: decodeTextFile(file.bytes), name: file.name };
}

const citationsSchema = z.object({ markdown: z.string().max(200_000) }).strict();
/** More citations than any memo holds; formatting costs about 2 ms each, and citeproc holds the event loop meanwhile. */
const MAX_CLUSTERS = 300;

type BibliographyFormat = 'json' | 'html' | 'text';

/** `?format=` decides; without it a browser asking for HTML gets HTML, everyone else JSON. */
function bibliographyFormat(c: Context<AppEnv>): BibliographyFormat {
  const asked = c.req.query('format');
  if (asked !== undefined) {
    if (asked === 'json' || asked === 'html' || asked === 'text') return asked;
    throw new ValidationError('Ange format=json, format=html eller format=text.', 'invalid_format');
  }
  const accept = (c.req.header('accept') ?? '').toLowerCase();
  if (accept.includes('application/json') || !accept) return 'json';
  if (accept.includes('text/html')) return 'html';
  if (accept.includes('text/plain')) return 'text';
  return 'json';
}

function bibliographyHtml(entries: { html: string }[], lang: string): string {
  const items = entries.map((e) => `  <div class="csl-entry">${e.html}</div>`).join('\n');
  return `<!doctype html>\n<html lang="${escapeHtml(lang.slice(0, 2))}">\n<head><meta charset="utf-8"><title>Referenser</title></head>\n<body>\n<div class="csl-bib-body">\n${items}\n</div>\n</body>\n</html>\n`;
}

export function referenceRoutes(services: Services) {
  const { store, clock } = services;
  const member = (c: Context<AppEnv>) => studyAccess(store, c.get('user'), c.req.param('study')!);
  const research = (c: Context<AppEnv>) => researchAccess(store, c.get('user'), c.req.param('study')!);

  /** The stored reference if the client's version is still current; else 409 with what is stored. */
  const current = (tx: Transaction, key: string, version: number): StoredReference => {
    const ref = tx.get(references, key);
    if (!ref) throw new NotFoundError('Referensen finns inte.');
    if (ref.version !== version) throw new ConflictError('Referensen har ändrats sedan du öppnade den.', referenceView(ref));
    return ref;
  };
  /** Names the reference in the audit line up front (only a key that exists), so a refused change still says which. */
  const auditReference = (c: Context<AppEnv>, repo: StudyRepo) => {
    if (repo.records.get(references, c.req.param('key')!)) c.set('audit', { object: c.req.param('key')! });
  };
  const library = (repo: StudyRepo) => new Map(repo.records.list(references).map((r) => [r.id, r.csl]));

  async function importFile(c: Context<AppEnv>) {
    const { repo, user } = research(c);
    const { text, name } = await readReferenceFile(c);
    const existing = repo.records.list(references).map((r) => r.id);
    const parsed = parseReferences(text, detectReferenceFormat(text) ?? formatOfName(name) ?? 'auto', { takenKeys: existing });
    const warnings = [...parsed.warnings];
    // Keys made here step around every key of the file and of the library.
    const taken = new Set([...existing, ...parsed.items.map((i) => i.id)]);
    const items = parsed.items.map((item) => {
      if (isCitableKey(item.id)) return item;
      const id = makeKey(item, taken);
      // The file's own key is not quoted: it could hold anything.
      warnings.push(`En nyckel i filen går inte att använda (tillåtet: ${KEY_RULE}); referensen fick nyckeln ”${id}”.`);
      return { ...item, id, 'citation-key': id };
    });
    const now = clock().toISOString();
    const result = await repo.records.transact((tx) => {
      const created: string[] = [];
      const duplicates: string[] = [];
      for (const item of items) {
        // Already in the library: reported, never overwritten (the stored one may have been edited).
        if (tx.get(references, item.id)) {
          duplicates.push(item.id);
          continue;
        }
        tx.put(references, { id: item.id, csl: item, createdBy: user.id, createdAt: now, updatedBy: user.id, updatedAt: now, version: 1 });
        created.push(item.id);
      }
      tooMany(repo.records.list(references).length + created.length);
      return { created, duplicates };
    });
    return c.json({ ...result, warnings }, result.created.length ? 201 : 200);
  }

  async function addItem(c: Context<AppEnv>) {
    const { repo, user } = research(c);
    const input = await readJson(c, cslItemSchema);
    const asked = ownKey(input);
    if (asked !== undefined && !isCitableKey(asked)) {
      throw new ValidationError(`Nyckeln går inte att använda. Tillåtet: ${KEY_RULE}.`, 'invalid_reference_key');
    }
    const draft = newItem(input, asked ?? '');
    const now = clock().toISOString();
    const stored = await repo.records.transact((tx) => {
      if (asked !== undefined && tx.get(references, asked)) {
        throw new ReferenceKeyError('duplicate_key', 'Det finns redan en referens med den nyckeln i studien.', [asked]);
      }
      const key = asked ?? makeKey(draft, new Set(repo.records.list(references).map((r) => r.id)));
      tooMany(repo.records.list(references).length + 1);
      const ref: StoredReference = {
        id: key, csl: { ...draft, id: key, 'citation-key': key },
        createdBy: user.id, createdAt: now, updatedBy: user.id, updatedAt: now, version: 1,
      };
      tx.put(references, ref);
      return ref;
    });
    c.set('audit', { object: stored.id });
    return c.json(referenceView(stored), 201);
  }

  return new Hono<AppEnv>()
    .get('/references', async (c) => {
      const { repo } = member(c);
      const views = sortReferences(repo.records.list(references)).map(referenceView);
      // ?style=apa&lang=sv: each reference also as the reference list prints it, for showing the library.
      if (c.req.query('style') === undefined && c.req.query('lang') === undefined) return c.json(views);
      const entries = new Map((await studyBibliography(repo, [...library(repo).values()], citeOptions(c.req.query()))).map((e) => [e.id, e]));
      return c.json(views.map((view) => {
        const entry = entries.get(view.id);
        return entry ? { ...view, formatted: { text: entry.text, html: entry.html } } : view;
      }));
    })
    .post('/references', audited(services, 'reference.create'), async (c) => {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('multipart/form-data')) {
        c.set('audit', { action: 'reference.import' });
        return importFile(c);
      }
      if (type.startsWith('application/json')) return addItem(c);
      research(c);
      throw new UnsupportedTypeError('Skicka en referensfil (multipart/form-data, fältet file) eller en CSL-JSON-post (application/json).');
    })
    .patch('/references/:key', audited(services, 'reference.update'), async (c) => {
      const { repo, user } = research(c);
      auditReference(c, repo);
      const version = requireVersion(c);
      const patch = await readJson(c, cslPatchSchema);
      const key = c.req.param('key');
      const saved = await repo.records.transact((tx) => {
        const ref = current(tx, key, version);
        const next: StoredReference = {
          ...ref, csl: patchItem(ref.csl, patch, key), updatedBy: user.id, updatedAt: clock().toISOString(), version: ref.version + 1,
        };
        tx.put(references, next);
        return next;
      });
      return c.json(referenceView(saved));
    })
    .delete('/references/:key', audited(services, 'reference.delete'), async (c) => {
      const { repo } = research(c);
      auditReference(c, repo);
      const version = requireVersion(c);
      await repo.records.transact((tx) => {
        tx.delete(references, current(tx, c.req.param('key'), version).id);
      });
      return c.body(null, 204);
    })
    .get('/bibliography', audited(services, 'bibliography.export'), async (c) => {
      const { repo } = research(c);
      const options = citeOptions(c.req.query());
      const format = bibliographyFormat(c);
      const works = library(repo);
      const cited = studyCitedKeys(repo);
      const citedItems = cited.filter((key) => works.has(key)).map((key) => works.get(key)!);
      // The whole library by default (the study's reference list while it gathers literature);
      // `scope=cited` lists only what the study's texts cite or link, as a report does. With nothing
      // cited yet that is the whole library too, and `nothingCited` says so.
      // (`all=1`, from before there was a scope, still gives the whole library.)
      const scope = c.req.query('all') ? 'all' : c.req.query('scope') ?? 'all';
      if (scope !== 'all' && scope !== 'cited') throw new ValidationError('Välj scope=all eller scope=cited.', 'invalid_scope');
      const all = scope === 'all' || citedItems.length === 0;
      const entries = await studyBibliography(repo, all ? [...works.values()] : citedItems, options);
      if (format === 'text') {
        c.header('Content-Type', 'text/plain; charset=utf-8');
        return c.body(entries.map((e) => e.text).join('\n') + (entries.length ? '\n' : ''));
      }
      if (format === 'html') return c.html(bibliographyHtml(entries, options.lang));
      return c.json({
        style: options.style,
        lang: options.lang,
        scope: all ? 'all' : 'cited',
        nothingCited: citedItems.length === 0,
        entries,
        unknownKeys: cited.filter((key) => !works.has(key)),
      });
    })
    .post('/citations', async (c) => {
      const { repo } = member(c);
      const options = citeOptions(c.req.query());
      const { markdown } = await readJson(c, citationsSchema);
      const works = library(repo);
      const clusters = findCitations(markdown, new Set(works.keys()));
      if (clusters.length > MAX_CLUSTERS) {
        throw new ValidationError(`Texten har fler än ${MAX_CLUSTERS} hänvisningar.`, 'too_many_citations');
      }
      const used = [...new Set(clusters.flatMap((cl) => cl.keys.map((r) => r.key)))].filter((key) => works.has(key));
      // Formatted against everything the study cites, so that disambiguation ("2019a") agrees with the
      // study's reference list; what only this text cites is added.
      const set = new Set([...studyCitedKeys(repo).filter((key) => works.has(key)), ...used]);
      const items = [...set].map((key) => works.get(key)!);
      const formatted = await formatCitations(clusters, items, options);
      const entries = used.length ? await studyBibliography(repo, items, options) : [];
      const wanted = new Set(used);
      return c.json({
        clusters: clusters.map((cluster, i) => ({
          start: cluster.start,
          end: cluster.end,
          keys: cluster.keys.map((r) => r.key),
          ...formatted[i]!,
        })),
        references: Object.fromEntries(entries.filter((e) => wanted.has(e.id)).map((e) => [e.id, { text: e.text, html: e.html }])),
      });
    });
}
