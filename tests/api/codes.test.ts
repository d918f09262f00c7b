// The codebook through the API: creating, renaming and moving codes (If-Match), deleting a code (its
// codings moved to the parent or deleted), merging codes, and what happens to memos about a code.
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE_PALETTE } from '../../server/domain/codebook.ts';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const s = appSuite('Codebook API');

const base = '/api/studies/mini';

const newCode = async (client: TestClient, name: string, parentId: string | null = null) => {
  const r = await client.call('POST', `${base}/codes`, { name, parentId });
  assert.is(r.status, 201, `create ${name}`);
  return r.json;
};

const codeOf = (client: TestClient, codeId: string, target: unknown) => client.call('POST', `${base}/codings`, { codeId, target });

/** The seeded annotation of fam-1, the fam-1 document and its text. */
async function material(t: TestApp) {
  const lead = await t.as('projektledare');
  const [annotation] = (await lead.call('GET', `${base}/annotations?family=fam-1`)).json;
  const [doc] = (await lead.call('GET', `${base}/families/fam-1/documents`)).json;
  const { text } = (await lead.call('GET', `${base}/documents/${doc.id}`)).json;
  const passage = (quote: string) => {
    const start = text.indexOf(quote);
    return { type: 'passage', documentId: doc.id, start, end: start + quote.length, exact: quote };
  };
  return { annotationId: annotation.id as string, passage };
}

const codingIds = async (client: TestClient, query: string) =>
  ((await client.call('GET', `${base}/codings?${query}`)).json as any[]).map((k) => k.id).sort();

s('creating a code: 201, version 1, the next palette colour, an optional parent; listed in order with depth', async ({ t }) => {
  const r = await t.as('forskare1');
  const me = (await r.call('GET', '/api/session')).json.user.id;
  const created = await r.call('POST', `${base}/codes`, { name: 'Tidig oro', description: 'När någon *tidigt* såg något.' });
  assert.is(created.status, 201);
  assert.match(created.json.id, /^c-/);
  assert.is(created.json.version, 1);
  assert.is(created.json.color, CODE_PALETTE[0]);
  assert.is(created.json.parentId, null);
  assert.is(created.json.description, 'När någon *tidigt* såg något.');
  assert.is(created.json.createdBy, me);
  const child = await r.call('POST', `${base}/codes`, { name: 'Förskolan', parentId: created.json.id });
  assert.is(child.status, 201);
  assert.is(child.json.parentId, created.json.id);
  assert.is(child.json.color, CODE_PALETTE[1], 'the least used colour comes next');
  const chosen = await r.call('POST', `${base}/codes`, { name: 'Annat', color: '#123abc' });
  assert.is(chosen.json.color, '#123abc');
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.name, c.depth, c.codingCount]), [['Annat', 0, 0], ['Tidig oro', 0, 0], ['Förskolan', 1, 0]]);
});

s('a sibling with the same name (any case) is refused with duplicate_code; elsewhere in the tree it is fine', async ({ t }) => {
  const r = await t.as('forskare1');
  const parent = await newCode(r, 'Familjen');
  await newCode(r, 'Konflikt', parent.id);
  const twin = await r.call('POST', `${base}/codes`, { name: 'KONFLIKT', parentId: parent.id });
  assert.is(twin.status, 422);
  assert.is(twin.json.error.code, 'duplicate_code');
  const top = await r.call('POST', `${base}/codes`, { name: 'familjen' });
  assert.equal([top.status, top.json.error.code], [422, 'duplicate_code']);
  assert.is((await r.call('POST', `${base}/codes`, { name: 'Konflikt' })).status, 201, 'the same name at another level');
  const orphan = await r.call('POST', `${base}/codes`, { name: 'Ny', parentId: 'c-finnsinte' });
  assert.equal([orphan.status, orphan.json.error.code], [422, 'unknown_code']);
  assert.is((await r.call('GET', `${base}/codes`)).json.length, 3);
});

s('renaming and moving a code with If-Match; a stale version gets 409 with the stored code', async ({ t }) => {
  const r = await t.as('forskare1');
  const a = await newCode(r, 'Risk');
  const b = await newCode(r, 'Stöd');
  const renamed = await r.call('PATCH', `${base}/codes/${b.id}`, { name: 'Skydd', description: 'Skyddsfaktorer.' }, { 'if-match': '1' });
  assert.is(renamed.status, 200);
  assert.is(renamed.json.name, 'Skydd');
  assert.is(renamed.json.version, 2);
  const moved = await r.call('PATCH', `${base}/codes/${b.id}`, { parentId: a.id }, { 'if-match': '2' });
  assert.is(moved.status, 200);
  assert.is(moved.json.parentId, a.id);
  assert.is(moved.json.name, 'Skydd', 'a move keeps the name');
  assert.is(moved.json.version, 3);
  const stale = await r.call('PATCH', `${base}/codes/${b.id}`, { name: 'Gammalt' }, { 'if-match': '2' });
  assert.is(stale.status, 409);
  assert.is(stale.json.error.code, 'conflict');
  assert.equal(
    { id: stale.json.error.current.id, name: stale.json.error.current.name, parentId: stale.json.error.current.parentId, version: stale.json.error.current.version },
    { id: b.id, name: 'Skydd', parentId: a.id, version: 3 },
  );
  assert.is((await r.call('PATCH', `${base}/codes/${b.id}`, { name: 'Utan version' })).status, 400);
  const back = await r.call('PATCH', `${base}/codes/${b.id}`, { parentId: null }, { 'if-match': '3' });
  assert.is(back.json.parentId, null);
  assert.is((await r.call('PATCH', `${base}/codes/c-finnsinte`, { name: 'X' }, { 'if-match': '1' })).status, 404);
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.name, c.depth, c.version]), [['Risk', 0, 1], ['Skydd', 0, 4]]);
});

s('a code cannot move under itself or its own sub-code (code_cycle), nor onto a sibling\'s name', async ({ t }) => {
  const r = await t.as('forskare1');
  const a = await newCode(r, 'Risk');
  const child = await newCode(r, 'Hemmet', a.id);
  const grandchild = await newCode(r, 'Våld', child.id);
  for (const parentId of [child.id, grandchild.id, a.id]) {
    const cycle = await r.call('PATCH', `${base}/codes/${a.id}`, { parentId }, { 'if-match': '1' });
    assert.equal([cycle.status, cycle.json.error.code], [422, 'code_cycle']);
  }
  await newCode(r, 'Skolan', a.id);
  const clash = await r.call('PATCH', `${base}/codes/${child.id}`, { name: 'skolan' }, { 'if-match': '1' });
  assert.equal([clash.status, clash.json.error.code], [422, 'duplicate_code']);
  const unknown = await r.call('PATCH', `${base}/codes/${a.id}`, { parentId: 'c-finnsinte' }, { 'if-match': '1' });
  assert.equal([unknown.status, unknown.json.error.code], [422, 'unknown_code']);
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.name, c.depth, c.version]), [['Risk', 0, 1], ['Hemmet', 1, 1], ['Våld', 2, 1], ['Skolan', 1, 1]]);
});

s('DELETE ?codings=move-to-parent: the codings move to the parent (a duplicate is dropped) and sub-codes move up', async ({ t }) => {
  const r = await t.as('forskare1');
  const { annotationId, passage } = await material(t);
  const parent = await newCode(r, 'Familjen');
  const doomed = await newCode(r, 'Konflikt', parent.id);
  const grandchild = await newCode(r, 'Bråk', doomed.id);
  const onParent = (await codeOf(r, parent.id, { type: 'annotation', id: annotationId })).json;
  assert.is((await codeOf(r, doomed.id, { type: 'annotation', id: annotationId })).status, 201);
  const onPassage = (await codeOf(r, doomed.id, passage('Lägenheten är stökig'))).json;
  const onGrandchild = (await codeOf(r, grandchild.id, passage('Lägenheten är stökig'))).json;
  const memo = (await r.call('POST', `${base}/memos`, { title: 'Om konflikt', body: '', about: { type: 'code', id: doomed.id } })).json;

  assert.is((await r.call('DELETE', `${base}/codes/${doomed.id}?codings=move-to-parent`, undefined, { 'if-match': '2' })).status, 409, 'stale');
  const gone = await r.call('DELETE', `${base}/codes/${doomed.id}?codings=move-to-parent`, undefined, { 'if-match': '1' });
  assert.is(gone.status, 204);

  const underParent = (await r.call('GET', `${base}/codings?code=${parent.id}`)).json;
  assert.equal(underParent.map((k: any) => k.id).sort(), [onParent.id, onPassage.id].sort());
  assert.ok(underParent.every((k: any) => k.codeName === 'Familjen'));
  assert.is(underParent.find((k: any) => k.id === onPassage.id).version, 2);
  assert.equal(await codingIds(r, `code=${doomed.id}`), []);
  assert.equal(await codingIds(r, `code=${grandchild.id}`), [onGrandchild.id], 'the sub-code keeps its codings');
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.name, c.depth, c.parentId, c.codingCount]), [['Familjen', 0, null, 2], ['Bråk', 1, parent.id, 1]]);
  const moved = (await r.call('GET', `${base}/memos/${memo.id}`)).json;
  assert.equal(moved.about, { type: 'code', id: parent.id }, 'a memo about the code follows its codings');
});

s('DELETE ?codings=delete removes its codings; a top-level code cannot move codings up; its memos become study memos', async ({ t }) => {
  const r = await t.as('forskare1');
  const { annotationId, passage } = await material(t);
  const top = await newCode(r, 'Risk');
  const child = await newCode(r, 'Hemmet', top.id);
  const other = await newCode(r, 'Stöd');
  await codeOf(r, top.id, { type: 'annotation', id: annotationId });
  await codeOf(r, top.id, passage('Lägenheten är stökig'));
  const kept = (await codeOf(r, other.id, { type: 'annotation', id: annotationId })).json;
  const memo = (await r.call('POST', `${base}/memos`, { title: 'Om risk', body: 'Text.', about: { type: 'code', id: top.id } })).json;

  const noParent = await r.call('DELETE', `${base}/codes/${top.id}?codings=move-to-parent`, undefined, { 'if-match': '1' });
  assert.equal([noParent.status, noParent.json.error.code], [422, 'no_parent']);
  const byDefault = await r.call('DELETE', `${base}/codes/${top.id}`, undefined, { 'if-match': '1' });
  assert.equal([byDefault.status, byDefault.json.error.code], [422, 'no_parent'], 'move-to-parent is the default');
  const badMode = await r.call('DELETE', `${base}/codes/${top.id}?codings=keep`, undefined, { 'if-match': '1' });
  assert.is(badMode.status, 422);
  assert.is((await r.call('GET', `${base}/codes`)).json.length, 3, 'nothing changed by the refusals');
  assert.is((await r.call('GET', `${base}/codings?code=${top.id}`)).json.length, 2);

  assert.is((await r.call('DELETE', `${base}/codes/${top.id}?codings=delete`, undefined, { 'if-match': '1' })).status, 204);
  assert.equal(await codingIds(r, `code=${top.id}`), []);
  assert.equal(await codingIds(r, ''), [kept.id], 'only the other code\'s coding is left');
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.id, c.depth, c.parentId]), [[child.id, 0, null], [other.id, 0, null]]);
  const after = (await r.call('GET', `${base}/memos/${memo.id}`)).json;
  assert.equal(after.about, { type: 'study', id: 'mini' });
  assert.is(after.body, 'Text.');
  assert.is((await r.call('DELETE', `${base}/codes/${top.id}?codings=delete`, undefined, { 'if-match': '1' })).status, 404);
});

s('merging moves the codings (duplicates dropped) and sub-codes to the target, and memos now point at the target', async ({ t }) => {
  const r = await t.as('forskare1');
  const { annotationId, passage } = await material(t);
  const from = await newCode(r, 'Oro');
  const sub = await newCode(r, 'Skolans oro', from.id);
  const into = await newCode(r, 'Tidig oro');
  assert.is((await codeOf(r, from.id, { type: 'annotation', id: annotationId })).status, 201);
  const onPassage = (await codeOf(r, from.id, passage('önskar stöd i vardagen'))).json;
  const already = (await codeOf(r, into.id, { type: 'annotation', id: annotationId })).json;
  const memo = (await r.call('POST', `${base}/memos`, { title: 'Om oro', body: '', about: { type: 'code', id: from.id } })).json;

  const merged = await r.call('POST', `${base}/codes/${from.id}/merge`, { into: into.id });
  assert.is(merged.status, 200);
  assert.is(merged.json.id, into.id);
  assert.equal(await codingIds(r, `code=${into.id}`), [already.id, onPassage.id].sort());
  assert.equal(await codingIds(r, `code=${from.id}`), []);
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.name, c.depth, c.parentId, c.codingCount]), [['Tidig oro', 0, null, 2], ['Skolans oro', 1, into.id, 0]]);
  assert.equal((await r.call('GET', `${base}/memos/${memo.id}`)).json.about, { type: 'code', id: into.id });
  assert.is((await r.call('POST', `${base}/codes/${from.id}/merge`, { into: into.id })).status, 404, 'the merged code is gone');
});

s('a merge into the code itself, its own descendant or an unknown code is refused and changes nothing', async ({ t }) => {
  const r = await t.as('forskare1');
  const a = await newCode(r, 'Risk');
  const child = await newCode(r, 'Hemmet', a.id);
  const grandchild = await newCode(r, 'Våld', child.id);
  for (const into of [a.id, child.id, grandchild.id]) {
    const refused = await r.call('POST', `${base}/codes/${a.id}/merge`, { into });
    assert.equal([refused.status, refused.json.error.code], [422, 'code_cycle']);
  }
  const unknown = await r.call('POST', `${base}/codes/${a.id}/merge`, { into: 'c-finnsinte' });
  assert.equal([unknown.status, unknown.json.error.code], [422, 'unknown_code']);
  assert.is((await r.call('GET', `${base}/codes`)).json.length, 3);
});

s('a caseworker gets 403 on reading and creating codes', async ({ t }) => {
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', `${base}/codes`)).status, 403);
  assert.is((await cw.call('POST', `${base}/codes`, { name: 'Min kod' })).status, 403);
  const r = await t.as('forskare1');
  assert.equal((await r.call('GET', `${base}/codes`)).json, []);
});

s('bad bodies are refused with 422 (400 for broken JSON), never 500', async ({ t }) => {
  const r = await t.as('forskare1');
  const a = await newCode(r, 'Risk');
  const creates: unknown[] = [
    {}, { name: '' }, { name: '   ' }, { name: 42 }, { name: 'x'.repeat(201) }, { name: 'X', color: 'red' },
    { name: 'X', parentId: 5 }, { name: 'X', description: null }, [], null, 'text',
  ];
  for (const body of creates) {
    const res = await r.call('POST', `${base}/codes`, JSON.stringify(body));
    assert.is(res.status, 422, `create ${JSON.stringify(body)}`);
    assert.type(res.json.error.message, 'string');
  }
  const patches: unknown[] = [{ name: '' }, { color: '#12345' }, { version: 9 }, { createdBy: 'u-x' }, { parentId: 7 }];
  for (const body of patches) {
    const res = await r.call('PATCH', `${base}/codes/${a.id}`, body, { 'if-match': '1' });
    assert.is(res.status, 422, `patch ${JSON.stringify(body)}`);
  }
  for (const body of [{}, { into: '' }, { into: 3 }]) {
    assert.is((await r.call('POST', `${base}/codes/${a.id}/merge`, body)).status, 422, `merge ${JSON.stringify(body)}`);
  }
  assert.is((await r.call('POST', `${base}/codes`, '{"name": ')).status, 400);
  assert.is((await r.call('POST', `${base}/codes`, 'name=X', { 'content-type': 'application/x-www-form-urlencoded' })).status, 415);
  const list = (await r.call('GET', `${base}/codes`)).json;
  assert.equal(list.map((c: any) => [c.name, c.version]), [['Risk', 1]]);
});

s('the audit log stores every codebook action with the code\'s id, never its name', async ({ t }) => {
  const r = await t.as('forskare1');
  const a = await newCode(r, 'HEMLIGKOD ETT');
  const b = await newCode(r, 'HEMLIGKOD TVÅ', a.id);
  const c = await newCode(r, 'HEMLIGKOD TRE');
  await r.call('PATCH', `${base}/codes/${b.id}`, { name: 'HEMLIGKOD FYRA' }, { 'if-match': '1' });
  await r.call('POST', `${base}/codes/${c.id}/merge`, { into: a.id });
  await r.call('DELETE', `${base}/codes/${b.id}?codings=delete`, undefined, { 'if-match': '2' });

  const lead = await t.as('projektledare');
  const entries = (await lead.call('GET', `${base}/audit?action=code.`)).json.entries as any[];
  const seen = entries.map((e) => [e.action, e.object, e.outcome, e.study]).reverse();
  assert.equal(seen, [
    ['code.create', a.id, 'ok', 'mini'],
    ['code.create', b.id, 'ok', 'mini'],
    ['code.create', c.id, 'ok', 'mini'],
    ['code.update', b.id, 'ok', 'mini'],
    ['code.merge', c.id, 'ok', 'mini'],
    ['code.delete', b.id, 'ok', 'mini'],
  ]);
  assert.ok(entries.every((e) => e.userName === 'FoU-forskare 1' && e.role === 'researcher'));
  // The log itself holds ids only; a readable name is looked up from the codebook as it is when the log is read.
  const stored = entries.map(({ objectLabel: _label, ...line }) => line);
  assert.not.match(JSON.stringify(stored), /HEMLIGKOD/);
  assert.equal(entries.filter((e) => e.object === c.id).map((e) => e.objectLabel), [c.id, c.id], 'a merged code has no name left');
  for (const f of await readdir(join(t.dataDir, 'audit'))) assert.not.match(await readFile(join(t.dataDir, 'audit', f), 'utf8'), /HEMLIGKOD/);
});

s.run();
