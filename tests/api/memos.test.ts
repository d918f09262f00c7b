// Memos through the API: about the study, a family, a code or a caseworker's reflection (what they
// are about is checked), listing filters, editing one's own memo with If-Match, and a closed study.
import * as assert from 'uvu/assert';
import { appSuite, type TestClient } from '../setup/app.ts';

const s = appSuite('Memos API');

const base = '/api/studies/mini';

const write = (client: TestClient, title: string, about: { type: string; id: string }, body = '') =>
  client.call('POST', `${base}/memos`, { title, body, about });

const titles = async (client: TestClient, query: string) =>
  ((await client.call('GET', `${base}/memos${query}`)).json as any[]).map((m) => m.title).sort();

s('memos about the study, a family, a code and a reflection: 201 with the family they concern', async ({ t }) => {
  const r = await t.as('forskare1');
  const me = (await r.call('GET', '/api/session')).json.user.id;
  const codeId = (await r.call('POST', `${base}/codes`, { name: 'Tidig oro' })).json.id;

  const study = await write(r, 'Studien', { type: 'study', id: 'mini' }, 'Första *intryck*.');
  assert.is(study.status, 201);
  assert.match(study.json.id, /^m-/);
  assert.equal(
    { title: study.json.title, body: study.json.body, about: study.json.about, familyId: study.json.familyId, authorId: study.json.authorId, authorName: study.json.authorName, version: study.json.version },
    { title: 'Studien', body: 'Första *intryck*.', about: { type: 'study', id: 'mini' }, familyId: null, authorId: me, authorName: 'FoU-forskare 1', version: 1 },
  );
  const family = await write(r, 'Familj 2', { type: 'family', id: 'fam-2' });
  assert.is(family.status, 201);
  assert.is(family.json.familyId, 'fam-2');
  const code = await write(r, 'Koden', { type: 'code', id: codeId });
  assert.is(code.status, 201);
  assert.is(code.json.familyId, null);
  const reflection = await write(r, 'Meta', { type: 'reflection', id: 'fam-1:summary' });
  assert.is(reflection.status, 201);
  assert.is(reflection.json.familyId, 'fam-1');
  assert.equal(reflection.json.about, { type: 'reflection', id: 'fam-1:summary' });
  const onQuestion = await write(r, 'Meta om fråga', { type: 'reflection', id: 'fam-3:tidiga-tecken' });
  assert.is(onQuestion.json.familyId, 'fam-3');

  const got = await r.call('GET', `${base}/memos/${study.json.id}`);
  assert.equal(got.json, study.json);
  assert.is((await r.call('GET', `${base}/memos/m-finnsinte`)).status, 404);
  assert.is((await r.call('GET', `${base}/memos`)).json.length, 5);
});

s('what a memo is about must exist: unknown family 404, unknown code 422, another study 422, unknown reflection 404', async ({ t }) => {
  const lead = await t.as('projektledare');
  const cases: [{ type: string; id: string }, number, string][] = [
    [{ type: 'family', id: 'fam-9' }, 404, 'not_found'],
    [{ type: 'code', id: 'c-finnsinte' }, 422, 'unknown_code'],
    [{ type: 'study', id: 'en-annan-studie' }, 422, 'unknown_target'],
    [{ type: 'reflection', id: 'fam-9:summary' }, 404, 'not_found'],
    [{ type: 'reflection', id: 'fam-1:ingen-fraga' }, 404, 'not_found'],
    [{ type: 'reflection', id: 'fam-1' }, 404, 'not_found'],
  ];
  for (const [about, status, code] of cases) {
    const r = await write(lead, 'Memo', about);
    assert.equal([r.status, r.json.error.code], [status, code], JSON.stringify(about));
  }
  const bad: unknown[] = [
    { title: '', body: '', about: { type: 'study', id: 'mini' } },
    { title: 'X', about: { type: 'document', id: 'mini' } },
    { title: 'X', about: { type: 'study' } },
    { title: 'X', body: 5, about: { type: 'study', id: 'mini' } },
    { title: 'X' },
  ];
  for (const body of bad) assert.is((await lead.call('POST', `${base}/memos`, body)).status, 422, JSON.stringify(body));
  assert.equal((await lead.call('GET', `${base}/memos`)).json, []);
});

s('listing filters by what a memo is about (?about=type[:id]) and by family', async ({ t }) => {
  const r = await t.as('forskare1');
  await write(r, 'S', { type: 'study', id: 'mini' });
  await write(r, 'F1', { type: 'family', id: 'fam-1' });
  await write(r, 'F2', { type: 'family', id: 'fam-2' });
  await write(r, 'R1', { type: 'reflection', id: 'fam-1:summary' });
  await write(r, 'R2', { type: 'reflection', id: 'fam-1:tidiga-tecken' });
  await write(r, 'R3', { type: 'reflection', id: 'fam-2:summary' });

  assert.equal(await titles(r, '?about=reflection:fam-1:summary'), ['R1']);
  assert.equal(await titles(r, '?about=reflection'), ['R1', 'R2', 'R3']);
  assert.equal(await titles(r, '?about=family'), ['F1', 'F2']);
  assert.equal(await titles(r, '?about=family:fam-2'), ['F2']);
  assert.equal(await titles(r, '?about=study'), ['S']);
  assert.equal(await titles(r, '?about=study:mini'), ['S']);
  assert.equal(await titles(r, '?family=fam-1'), ['F1', 'R1', 'R2']);
  assert.equal(await titles(r, '?family=fam-2'), ['F2', 'R3']);
  assert.equal(await titles(r, '?family=fam-3'), []);
  assert.equal(await titles(r, '?about=reflection&family=fam-2'), ['R3']);
  assert.equal(await titles(r, '?about=code'), []);
  assert.equal(await titles(r, ''), ['F1', 'F2', 'R1', 'R2', 'R3', 'S']);
});

s('the author edits a memo with If-Match; a stale version gets 409 with the stored memo', async ({ t }) => {
  const r = await t.as('forskare1');
  const memo = (await write(r, 'Utkast', { type: 'study', id: 'mini' }, 'Ett.')).json;
  const path = `${base}/memos/${memo.id}`;
  const saved = await r.call('PATCH', path, { body: 'Två.' }, { 'if-match': '1' });
  assert.is(saved.status, 200);
  assert.is(saved.json.version, 2);
  assert.is(saved.json.body, 'Två.');
  assert.is(saved.json.title, 'Utkast', 'the title is kept');
  assert.equal(saved.json.about, memo.about);
  const retitled = await r.call('PATCH', path, { title: 'Analys' }, { 'if-match': '"2"' });
  assert.is(retitled.json.version, 3);

  const stale = await r.call('PATCH', path, { body: 'Gammal.' }, { 'if-match': '2' });
  assert.is(stale.status, 409);
  assert.is(stale.json.error.code, 'conflict');
  assert.equal(
    { title: stale.json.error.current.title, body: stale.json.error.current.body, version: stale.json.error.current.version, authorName: stale.json.error.current.authorName },
    { title: 'Analys', body: 'Två.', version: 3, authorName: 'FoU-forskare 1' },
  );
  assert.is((await r.call('PATCH', path, { body: 'Utan version.' })).status, 400);
  assert.is((await r.call('PATCH', path, { about: { type: 'family', id: 'fam-1' } }, { 'if-match': '3' })).status, 422, 'what it is about is fixed');
  assert.is((await r.call('PATCH', path, { title: '' }, { 'if-match': '3' })).status, 422);
  assert.is((await r.call('PATCH', `${base}/memos/m-finnsinte`, { body: 'x' }, { 'if-match': '1' })).status, 404);
  const now = (await r.call('GET', path)).json;
  assert.equal([now.title, now.body, now.version], ['Analys', 'Två.', 3]);
});

s('another user\'s memo cannot be edited or deleted (403), even by the lead; the author deletes it', async ({ t }) => {
  const r = await t.as('forskare1');
  const lead = await t.as('projektledare');
  const memo = (await write(r, 'Forskarens', { type: 'family', id: 'fam-1' }, 'Text.')).json;
  const path = `${base}/memos/${memo.id}`;
  assert.is((await lead.call('PATCH', path, { body: 'Ändrat.' }, { 'if-match': '1' })).status, 403);
  assert.is((await lead.call('DELETE', path, undefined, { 'if-match': '1' })).status, 403);
  assert.is((await lead.call('GET', path)).json.body, 'Text.', 'the lead reads it');
  const leads = (await write(lead, 'Ledarens', { type: 'study', id: 'mini' })).json;
  assert.is((await r.call('PATCH', `${base}/memos/${leads.id}`, { body: 'x' }, { 'if-match': '1' })).status, 403);

  assert.is((await r.call('DELETE', path)).status, 400, 'If-Match is required');
  assert.is((await r.call('DELETE', path, undefined, { 'if-match': '5' })).status, 409);
  assert.is((await r.call('DELETE', path, undefined, { 'if-match': '1' })).status, 204);
  assert.is((await r.call('GET', path)).status, 404);
  assert.equal(await titles(r, ''), ['Ledarens']);

  const entries = ((await lead.call('GET', `${base}/audit?action=memo.`)).json.entries as any[]).map((e) => [e.action, e.object, e.family, e.outcome]);
  // Refused and failed attempts name the memo too.
  assert.equal(entries.reverse(), [
    ['memo.create', memo.id, 'fam-1', 'ok'],
    ['memo.update', memo.id, 'fam-1', 'denied'],
    ['memo.delete', memo.id, 'fam-1', 'denied'],
    ['memo.create', leads.id, null, 'ok'],
    ['memo.update', leads.id, null, 'denied'],
    ['memo.delete', memo.id, 'fam-1', 'failed'],
    ['memo.delete', memo.id, 'fam-1', 'failed'],
    ['memo.delete', memo.id, 'fam-1', 'ok'],
  ]);
});

s('a closed study refuses memo writes with 409 study_closed but still lists its memos', async ({ t }) => {
  const r = await t.as('forskare1');
  const lead = await t.as('projektledare');
  const memo = (await write(r, 'Före stängning', { type: 'study', id: 'mini' })).json;
  assert.is((await lead.call('POST', `${base}/close`)).status, 200);

  const writes = [
    await write(r, 'Efter stängning', { type: 'study', id: 'mini' }),
    await r.call('PATCH', `${base}/memos/${memo.id}`, { body: 'x' }, { 'if-match': '1' }),
    await r.call('DELETE', `${base}/memos/${memo.id}`, undefined, { 'if-match': '1' }),
  ];
  for (const w of writes) assert.equal([w.status, w.json.error.code], [409, 'study_closed']);
  const listed = await r.call('GET', `${base}/memos`);
  assert.is(listed.status, 200);
  assert.equal(listed.json.map((m: any) => [m.id, m.version]), [[memo.id, 1]]);
  assert.is((await r.call('GET', `${base}/memos/${memo.id}`)).status, 200);
});

s.run();
