// The role × route matrix, derived from the app's own route table: every /api route must be listed
// in POLICY below (a new route fails this test until someone decides who may use it), and every
// actor is tried on every route. Allowed actors must get past access control (no 401/403/404);
// everyone else must be stopped by it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeTestApp, type TestApp, type TestClient } from '../setup/app.ts';

type Actor = 'anonymous' | 'admin' | 'assignedCaseworker' | 'otherCaseworker' | 'researcher' | 'lead';
const ACTORS: Actor[] = ['anonymous', 'admin', 'assignedCaseworker', 'otherCaseworker', 'researcher', 'lead'];
const LOGINS: Record<Exclude<Actor, 'anonymous'>, string> = {
  admin: 'admin',
  assignedCaseworker: 'socsek1',
  otherCaseworker: 'socsek2',
  researcher: 'forskare1',
  lead: 'projektledare',
};

const everyone = ACTORS;
const loggedIn = ACTORS.filter((a) => a !== 'anonymous');
const members: Actor[] = ['assignedCaseworker', 'otherCaseworker', 'researcher', 'lead'];
const familyReaders: Actor[] = ['assignedCaseworker', 'researcher', 'lead'];
const familyWriters: Actor[] = ['assignedCaseworker', 'lead'];
const researchers: Actor[] = ['researcher', 'lead'];

/** Who may use each route (family-scoped routes are tried on fam-1, assigned to socsek1). */
const POLICY: Record<string, Actor[] | 'public'> = {
  'GET /api/health': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /api/session': loggedIn,
  'PUT /api/session/password': loggedIn,
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/reset': ['admin'],
  'GET /api/studies': loggedIn,
  // Only accounts allowed to create studies; in the mini study that is the admin alone.
  'POST /api/studies': ['admin'],
  'GET /api/study-templates': loggedIn,
  'GET /api/studies/:study': members,
  'GET /api/studies/:study/families': members,
  'GET /api/studies/:study/families/:family': familyReaders,
  'GET /api/studies/:study/families/:family/documents': familyReaders,
  'POST /api/studies/:study/families/:family/documents': ['lead'],
  'GET /api/studies/:study/documents/:doc': familyReaders,
  'GET /api/studies/:study/families/:family/reflections': familyReaders,
  'GET /api/studies/:study/families/:family/reflections/:key': familyReaders,
  'PUT /api/studies/:study/families/:family/reflections/:key': familyWriters,
  'GET /api/studies/:study/annotations': members,
  'POST /api/studies/:study/annotations': familyWriters,
  // the annotation tried is socsek1's own: only its author edits it
  'PATCH /api/studies/:study/annotations/:id': ['assignedCaseworker'],
  'DELETE /api/studies/:study/annotations/:id': ['assignedCaseworker'],
  'GET /api/studies/:study/audit': ['lead'],
  'GET /api/studies/:study/search': members,
  'PATCH /api/studies/:study': ['lead'],
  // Tried with a stale If-Match (close) and on an open study (erase): the lead gets 409, the study stays.
  'POST /api/studies/:study/close': ['lead'],
  'DELETE /api/studies/:study': ['lead'],
  'GET /api/studies/:study/members': ['lead'],
  'PUT /api/studies/:study/members': ['lead'],
  'PUT /api/studies/:study/families/:family/assignment': ['lead'],
  'POST /api/studies/:study/families/:family/imports': ['lead'],
  'GET /api/studies/:study/families/:family/imports/:id': ['lead'],
  'POST /api/studies/:study/families/:family/imports/:id/commit': ['lead'],
  'DELETE /api/studies/:study/families/:family/imports/:id': ['lead'],
  'GET /api/studies/:study/families/:family/names': ['lead'],
  'POST /api/studies/:study/families/:family/names': ['lead'],
  'GET /api/studies/:study/imports': ['lead'],
  'POST /api/studies/:study/imports': ['lead'],
  'GET /api/studies/:study/imports/:job': ['lead'],
  'POST /api/studies/:study/imports/:job/names': ['lead'],
  'POST /api/studies/:study/imports/:job/commit': ['lead'],
  'DELETE /api/studies/:study/imports/:job': ['lead'],
  'POST /api/studies/:study/families': ['lead'],
  'PATCH /api/studies/:study/families/:family': ['lead'],
  'PUT /api/studies/:study/documents/:doc/reading': familyWriters,
  'GET /api/studies/:study/progress': ['lead'],
  'GET /api/studies/:study/codes': researchers,
  'POST /api/studies/:study/codes': researchers,
  'PATCH /api/studies/:study/codes/:id': researchers,
  'DELETE /api/studies/:study/codes/:id': researchers,
  // merged into itself: allowed actors get 422, the code stays
  'POST /api/studies/:study/codes/:id/merge': researchers,
  'GET /api/studies/:study/codes/:id/segments.csv': researchers,
  'GET /api/studies/:study/export/annotations.csv': researchers,
  'GET /api/studies/:study/export/codings.csv': researchers,
  'GET /api/studies/:study/export/annotations.jsonld': researchers,
  'GET /api/studies/:study/export/project.qdpx': researchers,
  'GET /api/studies/:study/export/report.md': researchers,
  'GET /api/studies/:study/export/report.html': researchers,
  'GET /api/studies/:study/export/report.json': researchers,
  'GET /api/studies/:study/codings': researchers,
  'POST /api/studies/:study/codings': researchers,
  // the coding tried is the lead's: a researcher removes only their own codings
  'DELETE /api/studies/:study/codings/:id': ['lead'],
  'GET /api/studies/:study/memos': researchers,
  'GET /api/studies/:study/memos/:id': researchers,
  'POST /api/studies/:study/memos': researchers,
  // the memo tried is forskare1's own: only its author edits it
  'PATCH /api/studies/:study/memos/:id': ['researcher'],
  'DELETE /api/studies/:study/memos/:id': ['researcher'],
  // Agreement rounds. The open round tried is the lead's, coded by forskare1 and the lead: only its coders
  // code it, and only the lead or its creator closes it (with a stale If-Match: 409, the round stays open).
  // Settling is tried on a second, closed round with a code outside it: 422, nothing is created.
  'GET /api/studies/:study/agreement-rounds': researchers,
  'POST /api/studies/:study/agreement-rounds': researchers,
  'GET /api/studies/:study/agreement-rounds/:id': researchers,
  'PUT /api/studies/:study/agreement-rounds/:id/units/:unit': ['researcher', 'lead'],
  'POST /api/studies/:study/agreement-rounds/:id/close': ['lead'],
  'POST /api/studies/:study/agreement-rounds/:id/units/:unit/resolve': ['lead'],
  'GET /api/studies/:study/matrix': researchers,
  'GET /api/studies/:study/overview': researchers,
  'GET /api/studies/:study/codebook.qdc': researchers,
  'POST /api/studies/:study/codebook.qdc': researchers,
  // Literature is not case data: every member reads the library and renders citations; researchers
  // and the lead change it. The bibliography gathers citations from every family's texts.
  'GET /api/studies/:study/references': members,
  'POST /api/studies/:study/references': researchers,
  'PATCH /api/studies/:study/references/:key': researchers,
  'DELETE /api/studies/:study/references/:key': researchers,
  'GET /api/studies/:study/bibliography': researchers,
  'POST /api/studies/:study/citations': members,
  // Målgruppsinventering, tried on an inventory study (the fixture's second) whose child barn-0001 is
  // socsek1's. A lead's or researcher's rating is refused (403): only the child's raters rate.
  'GET /api/studies/:study/inventory/children': members,
  'POST /api/studies/:study/inventory/children': ['lead'],
  'GET /api/studies/:study/inventory/children/:child': familyReaders,
  'PUT /api/studies/:study/inventory/children/:child': ['assignedCaseworker'],
  'GET /api/studies/:study/inventory/summary': researchers,
  'GET /api/studies/:study/inventory/chart.svg': researchers,
  // size 0: the lead gets 422, nothing is drawn; families of an unrated child: 422.
  'POST /api/studies/:study/inventory/sample': ['lead'],
  'POST /api/studies/:study/inventory/families': ['lead'],
  'GET /api/studies/:study/export/inventory.csv': researchers,
  // Kortutredning checklist. The investigation tried is in a document the fixture imports into fam-1.
  'GET /api/studies/:study/checklist': members,
  'GET /api/studies/:study/families/:family/investigations': familyReaders,
  'PUT /api/studies/:study/families/:family/investigations/:id': familyWriters,
  'GET /api/studies/:study/investigations/summary': researchers,
  'GET /api/studies/:study/investigations/chart.svg': researchers,
  'GET /api/studies/:study/export/investigations.csv': researchers,
};

interface Fixture {
  t: TestApp;
  clients: Map<Actor, TestClient>;
  params: Record<string, string>;
  text: string;
}

async function fixture(): Promise<Fixture> {
  const t = await makeTestApp();
  const clients = new Map<Actor, TestClient>([['anonymous', t.anonymous()]]);
  for (const [actor, name] of Object.entries(LOGINS)) clients.set(actor as Actor, await t.as(name));
  const lead = clients.get('lead')!;
  const [doc] = (await lead.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  const [annotation] = (await lead.call('GET', '/api/studies/mini/annotations?family=fam-1')).json;
  const target = (await clients.get('admin')!.call('GET', '/api/users')).json.find((u: any) => u.username === 'forskare2');
  const { text } = (await lead.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  // A chronology with one investigation, opened by its first entry.
  const investigated = (await lead.call('POST', '/api/studies/mini/families/fam-1/documents', {
    title: 'Utredning', text: '2021-01-15 Förhandsbedömning: utredning inleds\nText.\n\n2021-03-01 Beslut om insats\nText.',
  })).json.document;
  // A pending import is the lead's own: other actors cannot reach it whatever their role.
  // Two of them: the lead's commit uses one up, so the discard is tried on the other.
  const upload = async () => {
    const form = new FormData();
    form.append('file', new File(['2020-01-01 Journalanteckning\nText.'], 'matris.txt'));
    return (await lead.call('POST', '/api/studies/mini/families/fam-1/imports', form)).json.id as string;
  };
  // Bulk import jobs are the lead's own too; again one to commit and one to discard.
  const bulkUpload = async () =>
    (await lead.call('POST', '/api/studies/mini/imports', bulkForm())).json.job.id as string;
  // Research records: a code and a memo by forskare1, a coding by the lead.
  const researcher = clients.get('researcher')!;
  const code = (await researcher.call('POST', '/api/studies/mini/codes', { name: 'Matriskod' })).json;
  const memo = (await researcher.call('POST', '/api/studies/mini/memos', { title: 'Matris', body: '', about: { type: 'study', id: 'mini' } })).json;
  const reference = (await researcher.call('POST', '/api/studies/mini/references', { id: 'matris2020', type: 'book', title: 'Matris' })).json;
  const coding = (await lead.call('POST', '/api/studies/mini/codings', { codeId: code.id, target: { type: 'annotation', id: annotation.id } })).json;
  // Agreement rounds by the lead, coded by forskare1 and the lead: one open, one closed.
  const people: { id: string; role: string }[] = (await lead.call('GET', '/api/studies/mini')).json.people;
  const coders = ['researcher', 'lead'].map((role) => people.find((p) => p.role === role)!.id);
  const newRound = async () =>
    (await lead.call('POST', '/api/studies/mini/agreement-rounds', { title: 'Matris', codeIds: [code.id], coderIds: coders, units: [annotation.id] })).json;
  const round = await newRound();
  const closedRound = await newRound();
  await lead.call('POST', `/api/studies/mini/agreement-rounds/${closedRound.id}/close`);
  const inventoryStudy = await inventoryFixture(clients);
  const params = {
    code: code.id, memo: memo.id, coding: coding.id, reference: reference.id,
    study: 'mini', family: 'fam-1', doc: doc.id, key: 'summary', annotation: annotation.id, user: target.id,
    pendingImport: await upload(), discardedImport: await upload(),
    bulkJob: await bulkUpload(), discardedBulkJob: await bulkUpload(),
    round: round.id, roundUnit: round.units[0].id, closedRound: closedRound.id, closedRoundUnit: closedRound.units[0].id,
    researcherId: coders[0]!, leadId: coders[1]!,
    inventoryStudy, child: 'barn-0001',
    investigation: encodeURIComponent(`${investigated.id}:0`),
  };
  return { t, clients, text, params };
}

/** An inventory study led by projektledare: children of socsek1 and socsek2, forskare1 as researcher. */
async function inventoryFixture(clients: Map<Actor, TestClient>): Promise<string> {
  const lead = clients.get('lead')!;
  const { id } = (await clients.get('admin')!.call('POST', '/api/studies', {
    template: 'malgruppsinventering', title: 'Matrisinventering', legalBasis: 'follow-up', lead: 'projektledare',
  })).json;
  await lead.call('POST', `/api/studies/${id}/inventory/children`, inventoryCsv('Barn 1;insats;0-5;socsek1\nBarn 2;insats;0-5;socsek2'));
  const { version, members, accounts } = (await lead.call('GET', `/api/studies/${id}/members`)).json;
  const forskare = accounts.find((a: any) => a.username === 'forskare1').id;
  await lead.call('PUT', `/api/studies/${id}/members`, { members: [...members.map((m: any) => ({ userId: m.userId, role: m.role })), { userId: forskare, role: 'researcher' }] }, { 'if-match': String(version) });
  return id;
}

function inventoryCsv(rows: string): FormData {
  const form = new FormData();
  form.append('file', new File([`pseudonym;enhet;åldersgrupp;handläggare\n${rows}\n`], 'barn.csv'));
  return form;
}

/** A bulk import of one small file for fam-1. */
function bulkForm(): FormData {
  const form = new FormData();
  form.append('files', new File(['2020-01-01 Journalanteckning\nText.'], 'matris.txt'));
  form.append('family', 'fam-1');
  return form;
}

let counter = 0;
/** A request body that passes validation, so only access control can stop it. */
function bodyFor(route: string, f: Fixture): unknown {
  const quote = 'önskar stöd i vardagen';
  const start = f.text.indexOf(quote);
  switch (route) {
    case 'POST /api/users':
      return { username: `konto${++counter}` };
    case 'PUT /api/session/password':
      // Valid JSON that fails the length rule, so no actor's password (and session) changes.
      return { current: 'fel', next: 'kort' };
    case 'POST /api/studies':
      return { template: 'tre-fragor', title: `Matris ${++counter}`, legalBasis: 'follow-up' };
    case 'PATCH /api/users/:id':
      return { disabled: false };
    case 'POST /api/studies/:study/families/:family/documents':
      return { title: 'Matris', text: '2020-01-01 Journalanteckning\nText.' };
    case 'PUT /api/studies/:study/families/:family/reflections/:key':
      return { text: 'Matris.' };
    case 'POST /api/studies/:study/annotations':
      return { documentId: f.params.doc, questionId: 'tidiga-tecken', target: { start, end: start + quote.length, exact: quote }, comment: '' };
    case 'PATCH /api/studies/:study/annotations/:id':
      return { comment: 'Matris.' };
    case 'PATCH /api/studies/:study':
      return { endDate: '2027-12-31' };
    case 'PUT /api/studies/:study/members':
      return { members: [{ userId: 'u-0', role: 'lead' }] };
    case 'PUT /api/studies/:study/families/:family/assignment':
      return { assignedTo: [] };
    case 'POST /api/studies/:study/families/:family/imports': {
      const form = new FormData();
      form.append('file', new File(['2020-01-01 Journalanteckning\nText.'], 'matris.txt'));
      return form;
    }
    case 'POST /api/studies/:study/families/:family/names':
      return { names: [{ name: 'Matrisa', label: 'Barn 9' }] };
    case 'POST /api/studies/:study/imports':
      return bulkForm();
    case 'POST /api/studies/:study/imports/:job/names':
      return { familyId: 'fam-1', reject: ['Matrisa'] };
    case 'POST /api/studies/:study/families':
      return { pseudonym: `Matrisfamilj ${++counter}`, activeFrom: '2015-01-01' };
    case 'PATCH /api/studies/:study/families/:family':
      return { activeTo: '2024-12-31' };
    case 'PUT /api/studies/:study/documents/:doc/reading':
      return { reached: 0 };
    case 'POST /api/studies/:study/codes':
      return { name: `Matriskod ${++counter}` };
    case 'PATCH /api/studies/:study/codes/:id':
      return { name: 'Omdöpt' };
    case 'POST /api/studies/:study/codes/:id/merge':
      return { into: f.params.code };
    case 'POST /api/studies/:study/codings':
      return { codeId: f.params.code, target: { type: 'passage', documentId: f.params.doc, start, end: start + quote.length, exact: quote } };
    case 'POST /api/studies/:study/memos':
      return { title: `Matrismemo ${++counter}`, body: 'Text.', about: { type: 'study', id: 'mini' } };
    case 'POST /api/studies/:study/codebook.qdc': {
      const form = new FormData();
      const xml = '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Matris"><Codes>' +
        '<Code guid="2b0f3c8e-1a4d-4e6f-9a7b-0c1d2e3f4a5b" name="Matriskod" isCodable="true"/></Codes></CodeBook>';
      form.append('file', new File([xml], 'kodbok.qdc'));
      return form;
    }
    case 'POST /api/studies/:study/references':
      return { id: `matris${++counter}`, type: 'book', title: 'Matris' };
    case 'PATCH /api/studies/:study/references/:key':
      return { title: 'Ändrad' };
    case 'PUT /api/studies/:study/families/:family/investigations/:id':
      return { start: null, decided: null, findings: {}, comment: '' };
    case 'POST /api/studies/:study/inventory/children':
      return inventoryCsv(`Matrisbarn ${++counter};utredning;6-12;socsek1`);
    case 'PUT /api/studies/:study/inventory/children/:child':
      return { level: 'komplex', criteria: [], reason: '' };
    case 'POST /api/studies/:study/inventory/sample':
      return { size: 0 };
    case 'POST /api/studies/:study/inventory/families':
      return { targetStudy: 'mini', children: [f.params.child] };
    case 'POST /api/studies/:study/citations':
      return { markdown: 'Se [@matris2020, s. 3].' };
    case 'PATCH /api/studies/:study/memos/:id':
      return { body: 'Ändrad.' };
    case 'POST /api/studies/:study/agreement-rounds':
      return { title: `Matrisomgång ${++counter}`, codeIds: [f.params.code], coderIds: [f.params.researcherId, f.params.leadId], units: [f.params.annotation] };
    case 'PUT /api/studies/:study/agreement-rounds/:id/units/:unit':
      return { codeIds: [f.params.code] };
    case 'POST /api/studies/:study/agreement-rounds/:id/units/:unit/resolve':
      return { codeIds: ['c-0000000000000000'] };
    default:
      return undefined;
  }
}

function concretePath(method: string, path: string, f: Fixture): string {
  const pending = method === 'DELETE' ? f.params.discardedImport : f.params.pendingImport;
  return path
    .replace(':study', /\/inventory/.test(path) ? f.params.inventoryStudy! : f.params.study!)
    .replace(':child', f.params.child!)
    .replace(':family', f.params.family!)
    .replace(':doc', f.params.doc!)
    .replace('/references/:key', `/references/${f.params.reference}`)
    .replace(':key', f.params.key!)
    .replace('/api/users/:id', `/api/users/${f.params.user}`)
    .replace('/annotations/:id', `/annotations/${f.params.annotation}`)
    .replace('/investigations/:id', `/investigations/${f.params.investigation}`)
    .replace('/codes/:id', `/codes/${f.params.code}`)
    .replace('/codings/:id', `/codings/${f.params.coding}`)
    .replace('/memos/:id', `/memos/${f.params.memo}`)
    .replace('/agreement-rounds/:id/units/:unit/resolve', `/agreement-rounds/${f.params.closedRound}/units/${f.params.closedRoundUnit}/resolve`)
    .replace('/agreement-rounds/:id', `/agreement-rounds/${f.params.round}`)
    .replace('/units/:unit', `/units/${f.params.roundUnit}`)
    .replace('/imports/:id', `/imports/${pending}`)
    .replace('/imports/:job', `/imports/${method === 'DELETE' ? f.params.discardedBulkJob : f.params.bulkJob}`);
}

const matrix = suite('Role × route access matrix');

matrix('every /api route in the app is in the policy table, and every policy entry is a route', async () => {
  const f = await fixture();
  const routes = new Set(f.t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`));
  const unlisted = [...routes].filter((r) => !(r in POLICY));
  assert.equal(unlisted, [], `routes without an access policy: ${unlisted.join(', ')}`);
  const stale = Object.keys(POLICY).filter((r) => !routes.has(r));
  assert.equal(stale, [], `policy entries without a route: ${stale.join(', ')}`);
  await f.t.cleanup();
});

matrix('each actor gets exactly the access the policy gives it, on every route', async () => {
  const f = await fixture();
  const failures: string[] = [];
  for (const [route, allowed] of Object.entries(POLICY)) {
    if (allowed === 'public') continue;
    const [method, path] = route.split(' ') as [string, string];
    for (const actor of everyone) {
      // Stale versions make writes by allowed actors end in 409, so the fixture stays unchanged.
      const headers = ['PUT', 'PATCH', 'DELETE'].includes(method) || route.endsWith('/close') ? { 'if-match': '999' } : undefined;
      const r = await f.clients.get(actor)!.call(method, concretePath(method, path, f), bodyFor(route, f), headers);
      const stopped = [401, 403, 404].includes(r.status);
      if (r.status >= 500) failures.push(`${route} as ${actor}: ${r.status}`);
      else if (allowed.includes(actor) === stopped) failures.push(`${route} as ${actor}: ${r.status}`);
    }
  }
  assert.equal(failures, []);
  await f.t.cleanup();
});

matrix.run();
