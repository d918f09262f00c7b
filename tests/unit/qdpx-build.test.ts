// The project export is made in a worker thread (server/refi/qdpx-build.ts) and sent in pieces as it
// is made, so the server keeps answering while a large study is packed and never holds it whole.
// The worker must give the same bytes as packing on the calling thread, and the package must hold
// the project file and every text as they are.
import { unzipSync } from 'fflate';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildQdpx } from '../../server/refi/qdpx-build.ts';
import { projectSnapshot } from '../../server/refi/project-snapshot.ts';
import { projectSources, projectToXml } from '../../server/refi/project-xml.ts';
import { zipProject } from '../../server/refi/qdpx-zip.ts';
import { makeTestApp, type TestApp } from '../setup/app.ts';

const test = suite<{ t: TestApp }>('project export in a worker');
const NOW = new Date('2026-11-30T12:00:00Z');

test.before(async (ctx) => {
  ctx.t = await makeTestApp({ study: 'demo' });
});
test.after(async (ctx) => {
  await ctx.t.cleanup();
});

async function received(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Uint8Array[] = [];
  for await (const piece of pieces) all.push(piece);
  return Buffer.concat(all);
}

test('the worker packs the demo study byte for byte as the calling thread does', async ({ t }) => {
  const repo = t.store.study('demo-komplexa-familjer')!;
  const users = t.store.app.data.users;
  const snapshot = await projectSnapshot(repo, users, NOW);
  const expected = zipProject(snapshot);
  const built = await received(await buildQdpx(repo, users, NOW));
  assert.ok(expected.length > 100_000, `${expected.length} bytes: the demo's texts, codings and memos`);
  assert.ok(built.equals(Buffer.from(expected)), 'the same bytes');

  const files = unzipSync(built);
  assert.is(new TextDecoder().decode(files['project.qde']), projectToXml(snapshot));
  const sources = projectSources(snapshot);
  assert.is(sources.length, repo.study.documents.length);
  assert.equal(Object.keys(files), ['project.qde', ...sources.map(([guid]) => `sources/${guid}.txt`)]);
  for (const [guid, documentId] of sources) {
    assert.is(new TextDecoder().decode(files[`sources/${guid}.txt`]), (await repo.documents.read(documentId)).text, documentId);
  }
});

test('a text that cannot be read fails the export before anything is sent', async ({ t }) => {
  const repo = t.store.study('demo-komplexa-familjer')!;
  const { rm } = await import('node:fs/promises');
  await rm(repo.documents.textPath(repo.study.documents.at(-1)!.id));
  try {
    await buildQdpx(repo, t.store.app.data.users, NOW);
    assert.unreachable('the export should fail');
  } catch (error) {
    assert.match((error as Error).message, /project export failed in its worker/);
  }
});

test.run();
