// The bulk import: a zip of family folders (40 .txt, .docx and .pdf files across four families: three of the
// mini study's and one the lead adds first) read in the background with progress, warnings for a duplicate, an undated file,
// a refused file and an unknown folder, suggested names confirmed as name rules, and a commit after
// which no personal number is left in any stored text. A zip bomb is refused at once with 413.
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { appSuite, type TestClient } from '../setup/app.ts';
import { makeDocx, makePdf, makeZip } from '../setup/office-files.ts';

/** The project's test personal numbers, in every common way of writing them. */
const PNR_FORMS = ['19900101-2385', '199001012385', '900101-2385', '900101 2385', '19900101 2385', '9001012385', '000229-2399', '20000229-2399'];
const PNR_DIGITS = ['9001012385', '0002292399'];

const CHILDREN = ['Elsa', 'Noah', 'Wilma', 'Tindra'];

/** A short case file with dated entries, names in running text and a personal number. */
function caseFile(family: number, n: number): string {
  const child = CHILDREN[family - 1]!;
  const pnr = PNR_FORMS[n % PNR_FORMS.length]!;
  const month = String((n % 12) + 1).padStart(2, '0');
  return [
    `AKT – FAMILJ ${family}, del ${n}`,
    '',
    `2019-${month}-14 Journalanteckning`,
    `Mentor ringde och berättade att ${child} har kommit till skolan utan lunch. Mamma (${pnr}) nåddes inte.`,
    '',
    `2020-${month}-02 Uppföljning`,
    `Hembesök. Enligt mormor Zarina Yilmaz mår ${child} bättre. Socialtjänsten och BUP träffas i mars.`,
  ].join('\n');
}

const UNDATED = 'Anteckning utan datum.\nMamma berättade att Elsa sover dåligt. Inget datum finns här.';

function archive(): { zip: Uint8Array; total: number } {
  const files: Record<string, Uint8Array> = {};
  // Four families: three of the mini study (one folder named by pseudonym) and one the lead adds first.
  for (const [family, folder, count] of [[1, 'fam-1', 11], [2, 'fam-2', 8], [3, 'Familj 3', 8], [4, 'Familj Fyra', 6]] as const) {
    for (let n = 0; n < count; n++) files[`${folder}/akt-${n}.txt`] = strToU8(caseFile(family, n));
  }
  files['fam-1/kopia.txt'] = strToU8(caseFile(1, 3)); // the same as fam-1/akt-3.txt
  files['fam-1/odaterad.txt'] = strToU8(UNDATED);
  files['fam-2/utredning.docx'] = makeDocx(caseFile(2, 20).split('\n'));
  files['fam-3/beslut.docx'] = makeDocx(caseFile(3, 21).split('\n'));
  files['fam-1/skannad.pdf'] = makePdf([caseFile(1, 22).split('\n')]);
  files['fam-2/trasig.docx'] = strToU8('inte ett Word-dokument');
  files['okand-familj/akt.txt'] = strToU8(caseFile(1, 30));
  files['__MACOSX/._akt.txt'] = strToU8('x');
  return { zip: zipSync(files), total: Object.keys(files).length - 1 };
}

async function upload(lead: TestClient, zip: Uint8Array) {
  const form = new FormData();
  form.append('archive', new File([zip as Uint8Array<ArrayBuffer>], 'akter.zip'));
  return lead.call('POST', '/api/studies/mini/imports', form);
}

async function untilSettled(lead: TestClient, id: string) {
  const seen: number[] = [];
  for (let i = 0; i < 1500; i++) {
    const r = await lead.call('GET', `/api/studies/mini/imports/${id}`);
    assert.is(r.status, 200);
    seen.push(r.json.done);
    if (r.json.state !== 'running') return { job: r.json, seen };
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error('the job never settled');
}

const bulk = appSuite('Bulk import of a case-file archive');

bulk('a zip of family folders is read with progress, warns, suggests names, and commits with every personal number replaced', async ({ t }) => {
  const lead = await t.as('projektledare');
  const fourth = await lead.call('POST', '/api/studies/mini/families', { pseudonym: 'Familj Fyra', activeFrom: '2012-01-01' });
  assert.is(fourth.status, 201);
  const before = (await lead.call('GET', '/api/studies/mini/families/fam-1/documents')).json.length;
  const { zip, total } = archive();
  assert.is(total, 40, 'forty files');
  const started = await upload(lead, zip);
  assert.is(started.status, 202, started.text);
  const id = started.json.job.id;
  assert.is(started.json.job.total, total);

  const { job, seen } = await untilSettled(lead, id);
  assert.is(job.state, 'ready');
  assert.is(job.done, total);
  assert.ok(seen.every((d, i) => i === 0 || d >= seen[i - 1]!), 'done never goes back');
  assert.ok(seen[0]! < total, 'progress was seen before the end');

  const codes = (file: string) => job.files.find((f: any) => f.name === file)?.warnings.map((w: any) => w.code) ?? [];
  assert.equal(codes('fam-1/kopia.txt'), ['duplicate']);
  assert.equal(codes('fam-1/odaterad.txt'), ['undated']);
  const broken = job.files.find((f: any) => f.name === 'fam-2/trasig.docx');
  assert.is(broken.state, 'failed');
  assert.is(broken.error.code, 'invalid_docx');
  const unknown = job.warnings.find((w: any) => w.code === 'unknown_family');
  assert.ok(unknown, 'the unknown folder is warned about');
  assert.is(unknown.folder, 'okand-familj');
  assert.ok(job.files.some((f: any) => f.name === 'fam-2/utredning.docx' && f.state === 'ready' && f.entryCount === 2));
  assert.ok(job.files.some((f: any) => f.name === 'fam-1/skannad.pdf' && f.state === 'ready'));
  assert.not.ok(job.files.some((f: any) => f.name.startsWith('__MACOSX')), 'resource forks are left out');

  const fam1 = job.families.find((f: any) => f.familyId === 'fam-1');
  const fam3 = job.families.find((f: any) => f.familyId === 'fam-3');
  assert.is(fam3.files, 9, 'the folder "Familj 3" is the family with that pseudonym');
  assert.is(job.families.find((f: any) => f.familyId === fourth.json.id).files, 6, 'and "Familj Fyra" the family just added');
  assert.ok(fam1.preview.counts.personnummer >= 12);
  const names = fam1.suggestedNames.map((s: any) => s.name);
  for (const name of ['Elsa', 'Zarina', 'Yilmaz']) assert.ok(names.includes(name), `${name} suggested`);
  for (const word of ['Mentor', 'Hembesök', 'Mamma', 'Socialtjänsten', 'BUP', 'Enligt']) assert.not.ok(names.includes(word), `${word} is no name`);
  const elsa = fam1.suggestedNames.find((s: any) => s.name === 'Elsa');
  assert.ok(elsa.count >= 20 && elsa.contexts.length > 0);

  const decided = await lead.call('POST', `/api/studies/mini/imports/${id}/names`, {
    familyId: 'fam-1',
    confirm: [{ name: 'Elsa', label: 'Barn 1' }, { name: 'Zarina', label: 'Mormor' }, { name: 'Yilmaz', label: 'Efternamn' }],
    reject: [],
  });
  assert.is(decided.status, 200, decided.text);
  const fam1After = decided.json.families.find((f: any) => f.familyId === 'fam-1');
  assert.not.ok(fam1After.suggestedNames.some((s: any) => ['Elsa', 'Zarina', 'Yilmaz'].includes(s.name)));
  assert.ok(fam1After.preview.counts.namn >= 40, 'confirmed names now count in the preview');
  const rejected = await lead.call('POST', `/api/studies/mini/imports/${id}/names`, { familyId: 'fam-2', reject: ['Noah'] });
  assert.not.ok(rejected.json.families.find((f: any) => f.familyId === 'fam-2').suggestedNames.some((s: any) => s.name === 'Noah'));

  const committed = await lead.call('POST', `/api/studies/mini/imports/${id}/commit`);
  assert.is(committed.status, 201, committed.text);
  assert.is(committed.json.skipped, 1, 'the duplicate is not stored');
  assert.is(committed.json.documents.length, total - 3, 'all but the duplicate, the broken file and the unknown folder');
  assert.is(committed.json.job.state, 'committed');
  const after = (await lead.call('GET', '/api/studies/mini/families/fam-1/documents')).json.length;
  assert.is(after, before + 13);

  const dir = join(t.dataDir, 'studies', 'mini', 'documents');
  const ids = new Set(committed.json.documents.map((d: any) => d.id));
  const familyOf = new Map<string, string>(committed.json.documents.map((d: any) => [d.id, d.familyId]));
  const stored = (await readdir(dir)).filter((f) => f.endsWith('.txt') && ids.has(f.slice(0, -4)));
  assert.is(stored.length, ids.size);
  for (const file of stored) {
    const text = await readFile(join(dir, file), 'utf8');
    const digits = text.replace(/\D/g, '');
    for (const pnr of PNR_DIGITS) assert.not.ok(digits.includes(pnr), 'no personal number is left');
    if (familyOf.get(file.slice(0, -4)) === 'fam-1') assert.not.ok(/Elsa|Zarina|Yilmaz/.test(text), 'confirmed names are replaced');
  }

  const audit = (await lead.call('GET', '/api/studies/mini/audit')).json;
  const actions = (audit.entries ?? audit).map((e: any) => e.action);
  for (const action of ['import.archive', 'family.names', 'import.commit']) assert.ok(actions.includes(action), action);
  assert.is((await lead.call('POST', `/api/studies/mini/imports/${id}/commit`)).status, 409, 'a job is committed once');
});

bulk("a file's name is shown with its family's names replaced, again after a name is confirmed", async ({ t }) => {
  const lead = await t.as('projektledare');
  const started = await upload(lead, zipSync({ 'fam-1/Zarina om Elsa.txt': strToU8(caseFile(1, 1)) }));
  assert.is(started.status, 202, started.text);
  const id = started.json.job.id;
  const shown = async () => (await lead.call('GET', `/api/studies/mini/imports/${id}`)).json.files[0].name;
  await untilSettled(lead, id);
  const before = await shown();
  assert.is(await shown(), before, 'the same name on every poll');
  await lead.call('POST', `/api/studies/mini/imports/${id}/names`, { familyId: 'fam-1', confirm: [{ name: 'Elsa', label: 'Barn 1' }], reject: [] });
  const after = await shown();
  assert.ok(after.includes('[Barn 1]') && !after.includes('Elsa'), after);
  assert.ok(after.includes('Zarina'), 'a name without a rule stays');
});

bulk('files uploaded one by one take their family from the family fields, or from a families map', async ({ t }) => {
  const lead = await t.as('projektledare');
  const form = new FormData();
  form.append('files', new File([caseFile(1, 1)], 'a.txt'));
  form.append('files', new File([caseFile(2, 2)], 'b.txt'));
  form.append('family', 'fam-1');
  form.append('family', 'Familj 2');
  const r = await lead.call('POST', '/api/studies/mini/imports', form);
  assert.is(r.status, 202, r.text);
  assert.equal(r.json.job.files.map((f: any) => f.familyId), ['fam-1', 'fam-2']);
  const mapped = new FormData();
  mapped.append('files', new File([caseFile(3, 1)], 'c.txt'));
  mapped.append('families', JSON.stringify({ 'c.txt': 'fam-3' }));
  const m = await lead.call('POST', '/api/studies/mini/imports', mapped);
  assert.is(m.status, 202, m.text);
  assert.is(m.json.job.files[0].familyId, 'fam-3');
  const unknown = new FormData();
  unknown.append('files', new File([caseFile(3, 1)], 'c.txt'));
  unknown.append('family', 'fam-9');
  const u = await lead.call('POST', '/api/studies/mini/imports', unknown);
  assert.is(u.status, 422);
  assert.is(u.json.error.code, 'unknown_family');
  const listed = await lead.call('GET', '/api/studies/mini/imports');
  assert.is(listed.json.jobs.length, 2, 'the lead can come back to the jobs');
  const discarded = await lead.call('DELETE', `/api/studies/mini/imports/${r.json.job.id}`);
  assert.is(discarded.status, 204);
  assert.is((await lead.call('GET', `/api/studies/mini/imports/${r.json.job.id}`)).json.state, 'discarded');
});

bulk('a zip bomb is refused at once with 413, and nothing else than the lead reaches a job', async ({ t }) => {
  const lead = await t.as('projektledare');
  const data = strToU8('2019-01-01 Journalanteckning\nText.');
  const bomb = makeZip([
    { name: 'fam-1/akt.txt', method: 0, stored: data, crc: crc32(data), declaredSize: data.length },
    { name: 'fam-1/bomb.txt', method: 8, stored: new Uint8Array(1000), crc: 0, declaredSize: 400 * 1024 * 1024 },
  ]);
  const started = Date.now();
  const r = await upload(lead, bomb);
  assert.is(r.status, 413);
  assert.is(r.json.error.code, 'too_large');
  assert.ok(Date.now() - started < 2000, 'refused before inflating');
  assert.is((await lead.call('GET', '/api/studies/mini/imports')).json.jobs.length, 0);

  const garbage = await upload(lead, strToU8('ingen zip'));
  assert.is(garbage.status, 422);
  assert.is(garbage.json.error.code, 'invalid_archive');

  const ok = await upload(lead, zipSync({ 'fam-1/a.txt': data }));
  assert.is(ok.status, 202);
  const caseworker = await t.as('socsek1');
  assert.is((await caseworker.call('GET', `/api/studies/mini/imports/${ok.json.job.id}`)).status, 403);
  assert.is((await caseworker.call('POST', '/api/studies/mini/imports', new FormData())).status, 403);
});

bulk('a closed study refuses a bulk import with 409 study_closed', async ({ t }) => {
  const lead = await t.as('projektledare');
  await t.store.study('mini')!.mutateStudy((s) => void (s.status = 'closed'));
  const r = await upload(lead, zipSync({ 'fam-1/a.txt': strToU8('2019-01-01 Journalanteckning\nText.') }));
  assert.is(r.status, 409);
  assert.is(r.json.error.code, 'study_closed');
});

bulk.run();
