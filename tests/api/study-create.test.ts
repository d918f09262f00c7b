// Creating a study from a template: who may, what the templates give, validation, and the rule that
// questions can be added, reordered and removed only until the first annotation exists.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const create = appSuite('Creating a study');

const body = (extra: Record<string, unknown> = {}) => ({ template: 'tre-fragor', title: 'Uppföljning Östra 2026', legalBasis: 'follow-up', ...extra });

create('the templates are listed with their questions: the seed\'s three, and a blank one', async ({ t }) => {
  const r = await (await t.as('socsek1')).call('GET', '/api/study-templates');
  assert.is(r.status, 200);
  const byId = new Map(r.json.map((x: any) => [x.id, x]));
  assert.equal((byId.get('tre-fragor') as any).questions.map((q: any) => q.label), ['Tidiga tecken', 'Outnyttjade öppningar', 'Lyckade insatser']);
  assert.equal((byId.get('egna-fragor') as any).questions, []);
});

create('a study from tre-fragor starts with the template\'s seed codebook, created by its lead; one from egna-fragor with none', async ({ t }) => {
  const admin = await t.as('admin');
  const templates = new Map((await admin.call('GET', '/api/study-templates')).json.map((x: any) => [x.id, x]));
  const seed = (templates.get('tre-fragor') as any).codebook;
  assert.equal(seed.map((c: any) => c.name), ['Tidiga tecken', 'Outnyttjade öppningar för samverkan', 'Det som fungerade']);
  assert.equal((templates.get('egna-fragor') as any).codebook, []);

  const three = await admin.call('POST', '/api/studies', body({ lead: 'projektledare' }));
  assert.is(three.status, 201);
  const lead = await t.as('projektledare');
  const list = (await lead.call('GET', `/api/studies/${three.json.id}/codes`)).json;
  assert.is(list.length, seed.reduce((n: number, c: any) => n + 1 + (c.children?.length ?? 0), 0));
  const byName = new Map<string, any>(list.map((c: any) => [c.name, c]));
  const early = byName.get('Tidiga tecken');
  assert.equal([early.parentId, early.depth, early.codingCount], [null, 0, 0]);
  assert.equal([byName.get('Skolfrånvaro').parentId, byName.get('Skolfrånvaro').depth], [early.id, 1]);
  assert.is(byName.get('Polis').parentId, byName.get('Outnyttjade öppningar för samverkan').id);
  assert.is(byName.get('Nätverket').parentId, byName.get('Det som fungerade').id);
  assert.match(byName.get('Våld i hemmet').description, /Våld eller hot/);
  const leadId = (await lead.call('GET', '/api/session')).json.user.id;
  for (const c of list) {
    assert.match(c.color, /^#[0-9a-f]{6}$/);
    assert.is(c.createdBy, leadId, 'the lead, not the admin who created the study');
  }
  // Stored durably, like the study itself.
  assert.is((await (await (await t.restart()).as('projektledare')).call('GET', `/api/studies/${three.json.id}/codes`)).json.length, list.length);

  const own = await admin.call('POST', '/api/studies', body({
    lead: 'projektledare', title: 'Egna frågor 2026', template: 'egna-fragor', questions: [{ label: 'Skolan', text: 'Hur fungerade skolan?' }],
  }));
  assert.is(own.status, 201);
  assert.equal((await lead.call('GET', `/api/studies/${own.json.id}/codes`)).json, []);
});

create('only an admin or an account allowed by one may create a study; the creator becomes its lead', async ({ t }) => {
  const cw = await t.as('socsek1');
  assert.is((await cw.call('POST', '/api/studies', body())).status, 403);
  const admin = await t.as('admin');
  const socsek1 = (await admin.call('GET', '/api/users')).json.find((u: any) => u.username === 'socsek1');
  const allowed = await admin.call('PATCH', `/api/users/${socsek1.id}`, { mayCreateStudies: true });
  assert.is(allowed.json.mayCreateStudies, true);
  assert.is((await cw.call('GET', '/api/session')).json.user.mayCreateStudies, true);
  const r = await cw.call('POST', '/api/studies', body({ endDate: '2027-06-30', selectionCriteria: 'Kända > 10 år' }));
  assert.is(r.status, 201);
  assert.equal([r.json.id, r.json.role, r.json.status, r.json.endDate, r.json.selectionCriteria], ['uppfoljning-ostra-2026', 'lead', 'open', '2027-06-30', 'Kända > 10 år']);
  assert.is(r.json.questions.length, 3);
  const mine = (await cw.call('GET', '/api/studies')).json.map((s: any) => [s.id, s.role]);
  assert.ok(mine.some(([id, role]: string[]) => id === 'uppfoljning-ostra-2026' && role === 'lead'));
  assert.is((await cw.call('POST', '/api/studies', body())).json.id, 'uppfoljning-ostra-2026-2', 'a second study with the same title gets its own id');
  const again = await (await t.restart()).as('socsek1');
  assert.is((await again.call('GET', '/api/studies/uppfoljning-ostra-2026')).json.title, 'Uppföljning Östra 2026');
});

create('an admin names another account as lead, and is not a member of the study', async ({ t }) => {
  const admin = await t.as('admin');
  const r = await admin.call('POST', '/api/studies', body({ lead: 'projektledare' }));
  assert.is(r.status, 201);
  assert.is((await admin.call('GET', `/api/studies/${r.json.id}`)).status, 404, 'the admin sees no case data');
  assert.is((await (await t.as('projektledare')).call('GET', `/api/studies/${r.json.id}`)).json.role, 'lead');
});

create('bad input is refused with a clear 422 and nothing is created', async ({ t }) => {
  const admin = await t.as('admin');
  const before = t.store.app.data.studies.length;
  const cases: [Record<string, unknown>, string][] = [
    [{ template: 'finns-inte' }, 'unknown_template'],
    [{ template: 'egna-fragor' }, 'questions_count'],
    [{ lead: 'ingen-sadan' }, 'unknown_lead'],
    [{ endDate: '2027-13-45' }, 'validation'],
    [{ legalBasis: 'annat' }, 'validation'],
    [{ title: '' }, 'validation'],
  ];
  for (const [extra, code] of cases) {
    const r = await admin.call('POST', '/api/studies', body(extra));
    assert.is(r.status, 422, JSON.stringify(extra));
    assert.is(r.json.error.code, code, JSON.stringify(extra));
  }
  assert.is(t.store.app.data.studies.length, before);
});

create('a blank template takes the questions the lead writes; they can be reordered, added and removed until the first annotation', async ({ t }) => {
  const admin = await t.as('admin');
  const r = await admin.call('POST', '/api/studies', body({
    template: 'egna-fragor',
    questions: [{ label: 'Skolan', text: 'Hur fungerade skolan?' }, { label: 'Hälsa', text: 'Vilka tecken på ohälsa fanns?' }],
  }));
  assert.is(r.status, 201);
  assert.equal(r.json.questions.map((q: any) => q.id), ['skolan', 'halsa']);
  const [, halsa] = r.json.questions;
  const patched = await admin.call('PATCH', `/api/studies/${r.json.id}`, { questions: [halsa, { label: 'Boende', text: 'Hur bodde familjen?' }] }, { 'if-match': String(r.json.version) });
  assert.is(patched.status, 200);
  assert.equal(patched.json.questions.map((q: any) => q.id), ['halsa', 'boende']);
});

create('once an annotation exists the questions can be reworded but not reordered, added or removed', async ({ t }) => {
  const lead = await t.as('projektledare');
  const study = (await lead.call('GET', '/api/studies/mini')).json;
  assert.ok(t.store.study('mini')!.hasAnnotations(), 'the mini study comes with example annotations');
  const [a, b, c] = study.questions;
  const reordered = await lead.call('PATCH', '/api/studies/mini', { questions: [b, a, c] }, { 'if-match': String(study.version) });
  assert.is(reordered.status, 422);
  assert.is(reordered.json.error.code, 'questions_locked');
  const added = await lead.call('PATCH', '/api/studies/mini', { questions: [a, b, c, { label: 'Ny', text: 'Ny fråga?' }] }, { 'if-match': String(study.version) });
  assert.is(added.json.error.code, 'questions_locked');
  const reworded = await lead.call('PATCH', '/api/studies/mini', { questions: [{ ...a, text: 'Fanns det tidiga tecken på en allvarlig livssituation?' }, b, c] }, { 'if-match': String(study.version) });
  assert.is(reworded.status, 200);
  assert.is(reworded.json.questions[0].text, 'Fanns det tidiga tecken på en allvarlig livssituation?');
});

create.run();
