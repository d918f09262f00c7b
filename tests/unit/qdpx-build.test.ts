// The project export is built in a worker thread (server/refi/qdpx-build.ts), so the server keeps
// answering while a large study is packed. The worker must give the same bytes as building the
// package on the calling thread from the same study.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildQdpx } from '../../server/refi/qdpx-build.ts';
import { projectSnapshot } from '../../server/refi/project-snapshot.ts';
import { projectToXml } from '../../server/refi/project-xml.ts';
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

test('the worker packs the demo study byte for byte as the calling thread does', async ({ t }) => {
  const repo = t.store.study('demo-komplexa-familjer')!;
  const users = t.store.app.data.users;
  const expected = zipProject(projectToXml(await projectSnapshot(repo, users, NOW)));
  const built = await buildQdpx(repo, users, NOW);
  assert.ok(expected.length > 100_000, `${expected.length} bytes: the demo's texts, codings and memos`);
  assert.is(built.length, expected.length);
  assert.ok(Buffer.from(built).equals(Buffer.from(expected)), 'the same bytes');
});

test('a text that cannot be read fails the export instead of leaving it out', async ({ t }) => {
  const repo = t.store.study('demo-komplexa-familjer')!;
  const { rm } = await import('node:fs/promises');
  await rm(repo.documents.textPath(repo.study.documents[0]!.id));
  try {
    await buildQdpx(repo, t.store.app.data.users, NOW);
    assert.unreachable('the export should fail');
  } catch (error) {
    assert.match((error as Error).message, /project export failed/);
  }
});

test.run();
