// `backspegel study create` on a data directory without the demo: the production path's first steps.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Store } from '../../server/store/store.ts';
import { codes } from '../../server/store/study-collections.ts';

const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;
const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...args]).catch((e) => e);

const study = suite('backspegel study create');

study('creates a study from a template with a named lead and closes it, audited; refuses an unknown template, lead or study', async () => {
  const data = await mkdtemp(join(tmpdir(), 'backspegel-cli-study-'));
  await cli('user', 'add', 'lena', '--may-create-studies', '--data', data);
  const app = JSON.parse(await readFile(join(data, 'app.json'), 'utf8'));
  assert.is(app.users[0].mayCreateStudies, true);

  const created = await cli('study', 'create', '--template', 'tre-fragor', '--title', 'Aktstudie Väst', '--lead', 'lena', '--end-date', '2027-12-31', '--data', data);
  assert.match(created.stdout, /Studien "Aktstudie Väst" skapades med id aktstudie-vast \(3 reflektionsfrågor\)/);
  const stored = JSON.parse(await readFile(join(data, 'studies', 'aktstudie-vast', 'study.json'), 'utf8'));
  assert.equal([stored.endDate, stored.members.length, stored.members[0].role, stored.status], ['2027-12-31', 1, 'lead', 'open']);
  // The template's seed codebook comes along, created by the lead (the command line acts for no account).
  const seeded = (await Store.open(data, { log: () => undefined })).study('aktstudie-vast')!.records.list(codes);
  assert.ok(seeded.length > 10, `${seeded.length} codes`);
  assert.ok(seeded.every((c) => c.createdBy === app.users[0].id));
  assert.is(seeded.find((c) => c.name === 'Skolfrånvaro')?.parentId, seeded.find((c) => c.name === 'Tidiga tecken')?.id);

  // An inventory: its instrument is copied in from the template, and the next step is reading in the children.
  const inventory = await cli('study', 'create', '--template', 'malgruppsinventering', '--title', 'Inventering Väst', '--lead', 'lena', '--data', data);
  assert.match(inventory.stdout, /Målgruppsinventeringen "Inventering Väst" skapades med id inventering-vast \(4 nivåer, 8 kriterier\)/);
  assert.match(inventory.stdout, /läsa in barnen från en CSV-fil/);
  const inv = JSON.parse(await readFile(join(data, 'studies', 'inventering-vast', 'study.json'), 'utf8'));
  assert.equal([inv.kind, inv.questions, inv.inventory.units.map((u: { id: string }) => u.id)], ['inventory', [], ['utredning', 'insats']]);

  const unknown = await cli('study', 'create', '--template', 'saknas', '--title', 'X', '--lead', 'lena', '--data', data);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /Mallen finns inte/);
  const noLead = await cli('study', 'create', '--template', 'tre-fragor', '--title', 'X', '--lead', 'okand', '--data', data);
  assert.match(noLead.stderr, /Projektledaren har inget aktivt konto/);
  const noTemplate = await cli('study', 'create', '--title', 'X', '--data', data);
  assert.match(noTemplate.stderr, /--template: .*tre-fragor/);

  const closed = await cli('study', 'close', '--study', 'aktstudie-vast', '--data', data);
  assert.match(closed.stdout, /Studien aktstudie-vast är avslutad/);
  const after = JSON.parse(await readFile(join(data, 'studies', 'aktstudie-vast', 'study.json'), 'utf8'));
  assert.equal([after.status, after.closedBy], ['closed', 'cli']);
  assert.match((await cli('study', 'close', '--study', 'aktstudie-vast', '--data', data)).stderr, /redan avslutad/);
  assert.match((await cli('study', 'close', '--study', 'saknas', '--data', data)).stderr, /Studien finns inte/);

  const verify = await cli('audit', 'verify', '--data', data);
  assert.match(verify.stdout, /obruten: 4 rader/, 'user.add, two study.create and study.close');
  await rm(data, { recursive: true });
});

study.run();
