// The server keeps answering while a large archive is imported: documents are read and prepared
// (normalised, pseudonymised, split into entries) off the main thread. Ordering only, never timing:
// /api/health answers while the job still reports itself running, and before the commit does.
import * as assert from 'uvu/assert';
import { strToU8, zipSync } from 'fflate';
import { appSuite } from '../setup/app.ts';

const FILES = 60;
/** The project's test personal number. */
const PNR = '19900101-2385';

/** A long case file (about 100 kB): dated entries, each naming the mother by her personal number. */
function caseFile(n: number): string {
  const entries: string[] = [`AKT ${n}`];
  for (let day = 1; day <= 300; day++) {
    const date = `20${String(10 + (day % 10)).padStart(2, '0')}-${String((day % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
    entries.push('', `${date} Journalanteckning ${n}.${day}`, `Mamma (${PNR}) ringde om skolan. Samtalet handlade om läxor, mat och sömn; ny kontakt bokades.`);
  }
  return entries.join('\n');
}

function archive(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let n = 0; n < FILES; n++) files[`fam-${(n % 2) + 1}/akt-${n}.txt`] = strToU8(caseFile(n));
  return zipSync(files);
}

const responsive = appSuite('The server during a large import');

responsive('answers /api/health while the archive is read and while it is committed', async ({ t }) => {
  const lead = await t.as('projektledare');
  const before = (await lead.call('GET', '/api/studies/mini/families/fam-1/documents')).json.length;
  const form = new FormData();
  form.append('archive', new File([archive() as Uint8Array<ArrayBuffer>], 'akter.zip'));
  const started = await lead.call('POST', '/api/studies/mini/imports', form);
  assert.is(started.status, 202, started.text);
  const id = started.json.job.id;

  const health = await lead.call('GET', '/api/health');
  assert.is(health.status, 200);
  const during = await lead.call('GET', `/api/studies/mini/imports/${id}`);
  assert.is(during.json.state, 'running', 'health was answered before the job reported done');
  assert.ok(during.json.done < FILES);

  let job = during.json;
  for (let i = 0; i < 3000 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    job = (await lead.call('GET', `/api/studies/mini/imports/${id}`)).json;
  }
  assert.is(job.state, 'ready');
  assert.is(job.documents, FILES, 'every file is ready and none is a duplicate');
  assert.is(job.families.find((f: any) => f.familyId === 'fam-1').preview.counts.personnummer, (FILES / 2) * 300);

  const order: string[] = [];
  const commit = lead.call('POST', `/api/studies/mini/imports/${id}/commit`).then((r) => (order.push('commit'), r));
  const healthDuringCommit = await lead.call('GET', '/api/health').then((r) => (order.push('health'), r));
  assert.is(healthDuringCommit.status, 200);
  const committed = await commit;
  assert.is(committed.status, 201, committed.text);
  assert.equal(order, ['health', 'commit'], 'health was answered before the commit');
  assert.is(committed.json.documents.length, FILES);

  const listed = (await lead.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  assert.is(listed.length, before + FILES / 2);
  const stored = (await lead.call('GET', `/api/studies/mini/documents/${committed.json.documents[0].id}`)).json;
  assert.not.ok(stored.text.includes(PNR), 'the stored text holds no personal number');
  assert.match(stored.text, /\(\[PNR-[0-9a-f]{8}\]\) ringde/, 'but its pseudonym');
  assert.is(stored.entries.length, 300);
});

responsive.run();
