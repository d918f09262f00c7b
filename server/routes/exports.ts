// GET /api/studies/:study/export/<file> — one route per entry of STUDY_EXPORTS (annotations.csv,
// codings.csv, annotations.jsonld, and the formats other modules register there). Researchers and
// the lead only; each download is audited under its format's own action. Exports work in a closed study.
import { Hono } from 'hono';
import { NotFoundError } from '../domain/errors.ts';
import { exportChunks, isStreamed, STUDY_EXPORTS, type ExportBody, type StudyExport } from '../export/study-exports.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess } from '../http/study-access.ts';
import type { StudyRepo } from '../store/study-repo.ts';

export function exportRoutes(services: Services) {
  const { store, clock } = services;
  const app = new Hono<AppEnv>();
  const route = (key: string, entry: StudyExport) =>
    app.get(`/${key}`, audited(services, entry.auditAction), async (c) => {
      const access = researchAccess(store, c.get('user'), c.req.param('study')!);
      const options = { params: c.req.query(), origin: new URL(c.req.url).origin };
      const body = await stillListed(access.repo, entry.build({ repo: access.repo, users: store.app.data.users, by: access.user.id, now: clock() }, options));
      c.header('Content-Type', entry.contentType);
      c.header('Content-Disposition', `attachment; filename="${entry.fileName(access.repo.id, options)}"`);
      c.header('Cache-Control', 'no-store');
      if (entry.auditObject) c.set('audit', { object: entry.auditObject });
      if (isStreamed(body)) return c.body(readableOf(access.repo, body));
      const { chunks, length } = exportChunks(body);
      // The length lets the exports page show how far a download has come.
      c.header('Content-Length', String(length));
      for (const [name, value] of Object.entries(entry.headers?.(body, options, entry.fileName(access.repo.id, options)) ?? {})) c.header(name, value);
      if (chunks.length === 1) return c.body(chunks[0] as Uint8Array<ArrayBuffer>);
      // Sent a chunk at a time: joining 30 MB into one buffer would hold up the server again.
      return c.body(new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }));
    });
  for (const [key, entry] of Object.entries(STUDY_EXPORTS)) route(key, entry);
  return app;

  /**
   * Chunks made as the client reads them, none ahead. If the study is erased meanwhile,
   * the download is cut off: nothing erased leaves after the erasure was answered.
   */
  function readableOf(repo: StudyRepo, chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
    const iterator = chunks[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (erased(repo)) controller.error(erasedError());
        else if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    }, { highWaterMark: 0 });
  }

  /**
   * The export, unless its study was erased while it was made: then 404, whether the build failed on
   * texts already removed or finished from records still in memory. Nothing erased leaves the server
   * after the erasure has been answered.
   */
  async function stillListed(repo: StudyRepo, building: Promise<ExportBody>): Promise<ExportBody> {
    const body = await building.catch((error: unknown) => {
      throw erased(repo) ? erasedError() : error;
    });
    if (erased(repo)) {
      // A body made as it is sent may have work running (the project export's worker): stop it.
      if (isStreamed(body)) await body[Symbol.asyncIterator]().return?.();
      throw erasedError();
    }
    return body;
  }

  /** The study is no longer the store's (erased, or erased and another made under its id). */
  function erased(repo: StudyRepo): boolean {
    return store.study(repo.id) !== repo;
  }
}

const erasedError = () => new NotFoundError('Studien har raderats.');
