import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const reach = appSuite("Studies and families within the user's reach");

reach('a member sees the study with its reflection questions and their role', async ({ t }) => {
  const cw = await t.as('socsek1');
  const list = await cw.call('GET', '/api/studies');
  assert.equal(list.json.map((s: any) => [s.id, s.role]), [['mini', 'caseworker']]);
  const one = await cw.call('GET', '/api/studies/mini');
  assert.equal(one.json.questions.map((q: any) => q.id), ['tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser']);
  assert.is(one.json.questions[0].label, 'Tidiga tecken');
  assert.equal(one.json.people, [], 'a caseworker is not given the list of members');
  const people = (await (await t.as('forskare1')).call('GET', '/api/studies/mini')).json.people;
  assert.equal(people.map((p: any) => [p.displayName, p.role]).sort(), [
    ['FoU-forskare 1', 'researcher'], ['Projektledaren', 'lead'], ['Socialsekreterare 1', 'caseworker'], ['Socialsekreterare 2', 'caseworker'],
  ]);
});

reach('an administrator who is not a member sees no study and no case data', async ({ t }) => {
  const admin = await t.as('admin');
  assert.equal((await admin.call('GET', '/api/studies')).json, []);
  assert.is((await admin.call('GET', '/api/studies/mini')).status, 404);
  assert.is((await admin.call('GET', '/api/studies/mini/families')).status, 404);
});

reach('a caseworker sees only assigned families; the lead and researchers see all', async ({ t }) => {
  const ids = async (u: string) => (await (await t.as(u)).call('GET', '/api/studies/mini/families')).json.map((f: any) => f.id);
  assert.equal(await ids('socsek1'), ['fam-1', 'fam-2']);
  assert.equal(await ids('socsek2'), ['fam-3']);
  assert.equal(await ids('projektledare'), ['fam-1', 'fam-2', 'fam-3']);
  assert.equal(await ids('forskare1'), ['fam-1', 'fam-2', 'fam-3']);
});

reach('a family tells the user what they may do there, by the same rules the server enforces', async ({ t }) => {
  const permissions = async (u: string, fam: string) => (await (await t.as(u)).call('GET', `/api/studies/mini/families/${fam}`)).json.permissions;
  assert.equal(await permissions('socsek1', 'fam-1'), { annotate: true, reflect: true, import: false, code: false });
  assert.equal(await permissions('projektledare', 'fam-3'), { annotate: true, reflect: true, import: true, code: true });
  assert.equal(await permissions('forskare1', 'fam-1'), { annotate: false, reflect: false, import: false, code: true });
  // The families list carries the same, per family.
  const listed = (await (await t.as('forskare1')).call('GET', '/api/studies/mini/families')).json;
  assert.ok(listed.every((f: any) => !f.permissions.annotate && !f.permissions.reflect));
});

reach('a family lists its years, document count and my progress', async ({ t }) => {
  const cw = await t.as('socsek1');
  const [fam1, fam2] = (await cw.call('GET', '/api/studies/mini/families')).json;
  assert.equal(
    { id: fam1.id, pseudonym: fam1.pseudonym, activeFrom: fam1.activeFrom, activeTo: fam1.activeTo, documentCount: fam1.documentCount },
    { id: 'fam-1', pseudonym: 'Familj 1', activeFrom: '2010-02-01', activeTo: null, documentCount: 1 },
  );
  assert.is(fam2.activeTo, '2024-01-31');
  // fam-1 comes with one example annotation by socsek1 and a written summary
  assert.equal(fam1.progress, {
    annotationsByQuestion: { 'tidiga-tecken': 1, 'outnyttjade-oppningar': 0, 'lyckade-insatser': 0 },
    reflectionsWritten: 0,
    summaryWritten: true,
  });
  const lead = await t.as('projektledare');
  const leadView = (await lead.call('GET', '/api/studies/mini/families/fam-1')).json;
  assert.is(leadView.progress.annotationsByQuestion['tidiga-tecken'], 0, 'progress is the user\'s own');
});

reach('an unassigned family, its documents and its reflections answer 404 to a caseworker', async ({ t }) => {
  const cw = await t.as('socsek1');
  const lead = await t.as('projektledare');
  const [doc] = (await lead.call('GET', '/api/studies/mini/families/fam-3/documents')).json;
  for (const path of [
    '/api/studies/mini/families/fam-3',
    '/api/studies/mini/families/fam-3/documents',
    `/api/studies/mini/documents/${doc.id}`,
    '/api/studies/mini/families/fam-3/reflections',
    '/api/studies/mini/annotations?family=fam-3',
    '/api/studies/mini/families/no-such-family',
    '/api/studies/mini/documents/d-0000000000000000',
  ]) {
    const r = await cw.call('GET', path);
    assert.is(r.status, 404, path);
    assert.is(r.json.error.code, 'not_found', path);
  }
});

reach('a document is its pseudonymised text with dated entries in bounds', async ({ t }) => {
  const cw = await t.as('socsek1');
  const docs = (await cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  assert.is(docs.length, 1);
  assert.equal(Object.keys(docs[0]).sort(), ['date', 'entryCount', 'id', 'kind', 'length', 'title']);
  assert.is(docs[0].date, '2010-02-01');
  assert.is(docs[0].kind, 'akt');
  const doc = (await cw.call('GET', `/api/studies/mini/documents/${docs[0].id}`)).json;
  assert.is(doc.familyId, 'fam-1');
  assert.is(doc.text.length, docs[0].length);
  assert.equal(doc.entries.map((e: any) => e.date), ['2010-02-01', '2010-03-14', '2011-06-15', '2012-03-03', '2014-09-01']);
  assert.equal(doc.entries.map((e: any) => e.kind), ['anmalan', 'utredning', 'journalanteckning', 'beslut', 'uppfoljning']);
  for (const e of doc.entries) assert.ok(e.start >= 0 && e.start < e.end && e.end <= doc.text.length);
  assert.not.match(doc.text, /20000229-2399|900101-2385|070-123 45 67/);
  assert.match(doc.text, /\[PNR-[0-9a-f]{8}\]/);
  assert.match(doc.text, /Dnr 2012-1234/, 'case numbers survive');
});

reach('unknown API paths answer 404 as JSON', async ({ t }) => {
  const cw = await t.as('socsek1');
  const r = await cw.call('GET', '/api/nothing-here');
  assert.is(r.status, 404);
  assert.is(r.json.error.code, 'not_found');
});

reach.run();
