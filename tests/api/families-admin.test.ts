// The lead adds families and edits their pseudonym, years and attributes: validation, If-Match
// versions, access (caseworkers cannot), audit lines and a closed study.
import * as assert from 'uvu/assert';
import { appSuite, type TestApp } from '../setup/app.ts';

const families = appSuite('The lead adds and edits families');

const NEW = { pseudonym: 'Familj Sju', activeFrom: '2013-04-01', activeTo: null, attributes: { children: 3, placements: 2, costBand: 'hög' } };

async function closeStudy(t: TestApp) {
  await t.store.study('mini')!.mutateStudy((s) => void (s.status = 'closed'));
}

families('the lead adds a family; it is listed with its years, attributes, version and no documents', async ({ t }) => {
  const lead = await t.as('projektledare');
  const r = await lead.call('POST', '/api/studies/mini/families', NEW);
  assert.is(r.status, 201);
  assert.match(r.json.id, /^f-[0-9a-f]{16}$/);
  assert.equal(
    { pseudonym: r.json.pseudonym, activeFrom: r.json.activeFrom, activeTo: r.json.activeTo, documentCount: r.json.documentCount, attributes: r.json.attributes, version: r.json.version },
    { pseudonym: 'Familj Sju', activeFrom: '2013-04-01', activeTo: null, documentCount: 0, attributes: { children: 3, placements: 2, costBand: 'hög' }, version: 1 },
  );
  const list = (await lead.call('GET', '/api/studies/mini/families')).json;
  assert.equal(list.map((f: any) => f.id).slice(-1), [r.json.id]);
  const one = (await lead.call('GET', `/api/studies/mini/families/${r.json.id}`)).json;
  assert.is(one.pseudonym, 'Familj Sju');
  // A seeded family has no version stored yet: it reads as 1.
  const seeded = (await lead.call('GET', '/api/studies/mini/families/fam-1')).json;
  assert.equal([seeded.version, seeded.attributes, seeded.activeFrom, seeded.documentCount], [1, {}, '2010-02-01', 1]);
  const line = (await t.store.audit.read()).filter((l) => l.action === 'family.create').pop()!;
  assert.equal([line.outcome, line.family, line.object], ['ok', r.json.id, r.json.id]);
  // Survives a restart.
  const again = await t.restart();
  const after = await (await again.as('projektledare')).call('GET', `/api/studies/mini/families/${r.json.id}`);
  assert.equal(after.json.attributes, { children: 3, placements: 2, costBand: 'hög' });
});

families('the pseudonym is required, at most 60 characters, unique and never a personal number', async ({ t }) => {
  const lead = await t.as('projektledare');
  const post = (body: unknown) => lead.call('POST', '/api/studies/mini/families', body);
  const cases: [unknown, string][] = [
    [{ ...NEW, pseudonym: '   ' }, 'validation'],
    [{ ...NEW, pseudonym: 'x'.repeat(61) }, 'validation'],
    [{ ...NEW, pseudonym: 'Familj 1' }, 'duplicate_pseudonym'],
    [{ ...NEW, pseudonym: ' familj   1 ' }, 'duplicate_pseudonym'],
    [{ ...NEW, pseudonym: 'Familj 19900101-2389' }, 'personnummer'],
    [{ ...NEW, pseudonym: '900101-2385' }, 'personnummer'],
    // Shaped like one though the check digit fails: refused all the same.
    [{ ...NEW, pseudonym: 'Familj 900101-2386' }, 'personnummer'],
  ];
  for (const [body, code] of cases) {
    const r = await post(body);
    assert.is(r.status, 422, JSON.stringify(body));
    assert.is(r.json.error.code, code);
    assert.not.match(r.text, /2385|2386|2389/, 'the message never quotes the pseudonym');
  }
  assert.is((await post({ ...NEW, pseudonym: 'x'.repeat(60) })).status, 201);
  assert.is((await post({ ...NEW, pseudonym: 'Familj 12' })).status, 201);
  assert.is((await lead.call('GET', '/api/studies/mini/families')).json.length, 5);
});

families('dates must be real and in order, attributes in range; bad input is 4xx, never 5xx', async ({ t }) => {
  const lead = await t.as('projektledare');
  const post = (body: unknown) => lead.call('POST', '/api/studies/mini/families', body);
  for (const body of [
    { ...NEW, activeFrom: '2013-02-30' },
    { ...NEW, activeFrom: '1/4 2013' },
    { ...NEW, activeTo: '2012-01-01' },
    { ...NEW, attributes: { children: -1 } },
    { ...NEW, attributes: { children: 1.5 } },
    { ...NEW, attributes: { costBand: 'enorm' } },
    { ...NEW, attributes: { skolbyten: { antal: 2 } } },
    { ...NEW, attributes: { '<b>': 1 } },
    { ...NEW, attributes: { anteckning: 'Kalle 120505-1238' } },
    { ...NEW, id: 'fam-9' },
    { pseudonym: 'Familj Åtta' },
    { ...NEW, pseudonym: 42 },
  ]) {
    assert.is((await post(body)).status, 422, JSON.stringify(body));
  }
  assert.is((await lead.call('POST', '/api/studies/mini/families', '{"pseudonym":')).status, 400);
  assert.is((await lead.call('POST', '/api/studies/mini/families', 'x', { 'content-type': 'text/plain' })).status, 415);
  assert.is((await post({ ...NEW, activeTo: '2013-04-01' })).status, 201, 'a case may close the day it opened');
  const own = await post({ ...NEW, pseudonym: 'Familj Nio', attributes: { barn: 3, skolbyten: 4, 'känd av BUP': true } });
  assert.is(own.status, 201, 'a study may choose its families by attributes of its own');
  assert.equal(own.json.attributes, { barn: 3, skolbyten: 4, 'känd av BUP': true });
});

families('the lead edits a family with its version; a stale version gets 409 with what is stored', async ({ t }) => {
  const lead = await t.as('projektledare');
  const patch = (body: unknown, version: string) => lead.call('PATCH', '/api/studies/mini/families/fam-2', body, { 'if-match': version });
  const r = await patch({ pseudonym: 'Familj Två', activeTo: null, attributes: { children: 2, costBand: 'medel' } }, '1');
  assert.is(r.status, 200);
  assert.equal([r.json.pseudonym, r.json.activeFrom, r.json.activeTo, r.json.attributes, r.json.version],
    ['Familj Två', '2012-05-10', null, { children: 2, costBand: 'medel' }, 2]);
  const stale = await patch({ pseudonym: 'Familj Tre och en halv' }, '1');
  assert.is(stale.status, 409);
  assert.is(stale.json.error.code, 'conflict');
  assert.equal([stale.json.error.current.pseudonym, stale.json.error.current.version], ['Familj Två', 2]);
  // null removes one attribute, the others stay; the years are checked against what is stored.
  const next = await patch({ attributes: { costBand: null, placements: 4 } }, '"2"');
  assert.equal([next.status, next.json.attributes, next.json.version], [200, { children: 2, placements: 4 }, 3]);
  assert.is((await patch({ activeTo: '2011-01-01' }, '3')).status, 422);
  assert.is((await patch({ pseudonym: 'Familj 1' }, '3')).json.error.code, 'duplicate_pseudonym');
  assert.is((await patch({ pseudonym: 'Familj Två' }, '3')).status, 200, 'its own pseudonym is not a duplicate');
  assert.is((await patch({ activeFrom: '2012-02-30' }, '4')).status, 422);
  assert.is((await lead.call('PATCH', '/api/studies/mini/families/fam-2', { activeTo: null })).status, 400, 'If-Match is required');
  const line = (await t.store.audit.read()).filter((l) => l.action === 'family.update' && l.outcome === 'ok').pop()!;
  assert.equal([line.family, line.object], ['fam-2', 'fam-2']);
  // The caseworker of the family sees the new pseudonym; the edit survives a restart.
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', '/api/studies/mini/families/fam-2')).json.pseudonym, 'Familj Två');
  const again = await t.restart();
  const after = (await (await again.as('projektledare')).call('GET', '/api/studies/mini/families/fam-2')).json;
  assert.equal([after.version, after.attributes], [4, { children: 2, placements: 4 }]);
});

families('caseworkers and researchers cannot add or edit families; outside the study it is 404', async ({ t }) => {
  const cw = await t.as('socsek1');
  const other = await t.as('socsek2');
  const researcher = await t.as('forskare1');
  const admin = await t.as('admin');
  assert.is((await cw.call('POST', '/api/studies/mini/families', NEW)).status, 403);
  assert.is((await researcher.call('POST', '/api/studies/mini/families', NEW)).status, 403);
  assert.is((await admin.call('POST', '/api/studies/mini/families', NEW)).status, 404);
  assert.is((await cw.call('PATCH', '/api/studies/mini/families/fam-1', { activeTo: null }, { 'if-match': '1' })).status, 403);
  assert.is((await other.call('PATCH', '/api/studies/mini/families/fam-1', { activeTo: null }, { 'if-match': '1' })).status, 404);
  const lead = await t.as('projektledare');
  assert.is((await lead.call('PATCH', '/api/studies/mini/families/nope', { activeTo: null }, { 'if-match': '1' })).status, 404);
  assert.is((await lead.call('POST', '/api/studies/other/families', NEW)).status, 404);
  assert.is((await lead.call('GET', '/api/studies/mini/families')).json.length, 3, 'nothing was added');
});

families('a closed study refuses new and changed families with 409 study_closed', async ({ t }) => {
  const lead = await t.as('projektledare');
  await closeStudy(t);
  const created = await lead.call('POST', '/api/studies/mini/families', NEW);
  assert.equal([created.status, created.json.error.code], [409, 'study_closed']);
  const edited = await lead.call('PATCH', '/api/studies/mini/families/fam-1', { activeTo: null }, { 'if-match': '1' });
  assert.equal([edited.status, edited.json.error.code], [409, 'study_closed']);
  assert.is((await lead.call('GET', '/api/studies/mini/families')).json.length, 3);
});

families.run();
