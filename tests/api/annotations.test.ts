import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeTestApp, type TestApp, type TestClient } from '../setup/app.ts';
import { annotations } from '../../server/store/family-collections.ts';

interface Ctx {
  t: TestApp;
  cw: TestClient;
  docId: string;
  text: string;
}

const ann = suite<Ctx>('Annotations');

ann.before.each(async (ctx) => {
  ctx.t = await makeTestApp();
  ctx.cw = await ctx.t.as('socsek1');
  const [doc] = (await ctx.cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  ctx.docId = doc.id;
  ctx.text = (await ctx.cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json.text;
});
ann.after.each(async (ctx) => {
  await ctx.t.cleanup();
});

function targetOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, exact: quote, prefix: '', suffix: '' };
}

const create = (ctx: Ctx, quote: string, extra: Record<string, unknown> = {}) =>
  ctx.cw.call('POST', '/api/studies/mini/annotations', {
    documentId: ctx.docId,
    questionId: 'outnyttjade-oppningar',
    target: targetOf(ctx.text, quote),
    comment: 'Mamma bad om *stöd*.',
    knownAtTheTime: true,
    ...extra,
  });

ann('a caseworker annotates a passage: 201 with id, version and server-made prefix and suffix', async (ctx) => {
  const r = await create(ctx, 'önskar stöd i vardagen');
  assert.is(r.status, 201);
  assert.match(r.json.id, /^a-[0-9a-f]{16}$/);
  assert.is(r.json.version, 1);
  assert.is(r.json.anchor, 'anchored');
  assert.is(r.json.authorName, 'Socialsekreterare 1');
  const { start, end, exact, prefix, suffix } = r.json.target;
  assert.is(ctx.text.slice(start, end), exact);
  assert.is(prefix, ctx.text.slice(start - 32, start));
  assert.is(suffix, ctx.text.slice(end, end + 32));
  const listed = (await ctx.cw.call('GET', `/api/studies/mini/annotations?document=${ctx.docId}`)).json;
  assert.ok(listed.some((a: any) => a.id === r.json.id && a.comment === 'Mamma bad om *stöd*.' && a.knownAtTheTime === true));
});

ann('invalid annotations are refused with a JSON error and nothing is stored', async (ctx) => {
  const before = (await ctx.cw.call('GET', '/api/studies/mini/annotations')).json.length;
  const backwards = await ctx.cw.call('POST', '/api/studies/mini/annotations', {
    documentId: ctx.docId, questionId: 'tidiga-tecken', target: { start: 50, end: 10, exact: 'x' }, comment: '',
  });
  assert.is(backwards.status, 422);
  assert.is(backwards.json.error.code, 'validation');
  const moved = await ctx.cw.call('POST', '/api/studies/mini/annotations', {
    documentId: ctx.docId, questionId: 'tidiga-tecken', target: { start: 0, end: 5, exact: 'hejsa' }, comment: '',
  });
  assert.is(moved.status, 422);
  assert.is(moved.json.error.code, 'target_mismatch');
  const question = await create(ctx, 'önskar stöd i vardagen', { questionId: 'ingen-sadan' });
  assert.is(question.status, 422);
  assert.is(question.json.error.code, 'unknown_question');
  const malformed = await ctx.cw.call('POST', '/api/studies/mini/annotations', '{"documentId": ');
  assert.is(malformed.status, 400);
  assert.is((await ctx.cw.call('GET', '/api/studies/mini/annotations')).json.length, before);
});

ann('a researcher may read annotations but not make caseworker annotations', async (ctx) => {
  const researcher = await ctx.t.as('forskare1');
  const r = await researcher.call('POST', '/api/studies/mini/annotations', {
    documentId: ctx.docId, questionId: 'tidiga-tecken', target: targetOf(ctx.text, 'stökig'), comment: '',
  });
  assert.is(r.status, 403);
  assert.ok((await researcher.call('GET', '/api/studies/mini/annotations?family=fam-1')).json.length >= 1);
});

ann('a caseworker cannot annotate in an unassigned family\'s document (404)', async (ctx) => {
  const other = await ctx.t.as('socsek2');
  const r = await other.call('POST', '/api/studies/mini/annotations', {
    documentId: ctx.docId, questionId: 'tidiga-tecken', target: targetOf(ctx.text, 'stökig'), comment: '',
  });
  assert.is(r.status, 404);
});

ann('an edit with the current version succeeds; a stale one gets 409 with what is stored', async (ctx) => {
  const created = (await create(ctx, 'önskar stöd i vardagen')).json;
  const path = `/api/studies/mini/annotations/${created.id}`;
  const ok = await ctx.cw.call('PATCH', path, { comment: 'Uppdaterad.', questionId: 'tidiga-tecken', knownAtTheTime: null }, { 'if-match': '1' });
  assert.is(ok.status, 200);
  assert.is(ok.json.version, 2);
  assert.is(ok.json.questionId, 'tidiga-tecken');
  assert.is(ok.json.knownAtTheTime, null);
  const stale = await ctx.cw.call('PATCH', path, { comment: 'Gammal.' }, { 'if-match': '1' });
  assert.is(stale.status, 409);
  assert.is(stale.json.error.code, 'conflict');
  assert.is(stale.json.error.current.comment, 'Uppdaterad.');
  const missing = await ctx.cw.call('PATCH', path, { comment: 'Utan version.' });
  assert.is(missing.status, 400);
  const unknownField = await ctx.cw.call('PATCH', path, { authorId: 'someone' }, { 'if-match': '2' });
  assert.is(unknownField.status, 422);
});

ann('only the author edits or deletes an annotation', async (ctx) => {
  const created = (await create(ctx, 'önskar stöd i vardagen')).json;
  const lead = await ctx.t.as('projektledare');
  const path = `/api/studies/mini/annotations/${created.id}`;
  assert.is((await lead.call('PATCH', path, { comment: 'x' }, { 'if-match': '1' })).status, 403);
  assert.is((await lead.call('DELETE', path, undefined, { 'if-match': '1' })).status, 403);
  const other = await ctx.t.as('socsek2');
  assert.is((await other.call('DELETE', path, undefined, { 'if-match': '1' })).status, 404);
});

ann('delete needs the current version, then the annotation is gone', async (ctx) => {
  const created = (await create(ctx, 'önskar stöd i vardagen')).json;
  const path = `/api/studies/mini/annotations/${created.id}`;
  assert.is((await ctx.cw.call('DELETE', path, undefined, { 'if-match': '7' })).status, 409);
  assert.is((await ctx.cw.call('DELETE', path, undefined, { 'if-match': '1' })).status, 204);
  const listed = (await ctx.cw.call('GET', '/api/studies/mini/annotations')).json;
  assert.not.ok(listed.some((a: any) => a.id === created.id));
  assert.is((await ctx.cw.call('DELETE', path, undefined, { 'if-match': '1' })).status, 404);
});

ann('filters by family, document and question', async (ctx) => {
  await create(ctx, 'önskar stöd i vardagen');
  const all = (await ctx.cw.call('GET', '/api/studies/mini/annotations')).json;
  const q = (await ctx.cw.call('GET', '/api/studies/mini/annotations?question=outnyttjade-oppningar')).json;
  const fam2 = (await ctx.cw.call('GET', '/api/studies/mini/annotations?family=fam-2')).json;
  assert.is(all.length, 2);
  assert.is(q.length, 1);
  assert.is(fam2.length, 0);
});

ann('an acknowledged annotation survives a restart, edited and anchored', async (ctx) => {
  const created = (await create(ctx, 'önskar stöd i vardagen')).json;
  await ctx.cw.call('PATCH', `/api/studies/mini/annotations/${created.id}`, { comment: 'Efter omstart.' }, { 'if-match': '1' });
  const again = await ctx.t.restart();
  const cw = await again.as('socsek1');
  const kept = (await cw.call('GET', `/api/studies/mini/annotations?document=${ctx.docId}`)).json.find((a: any) => a.id === created.id);
  assert.is(kept.comment, 'Efter omstart.');
  assert.is(kept.version, 2);
  assert.is(ctx.text.slice(kept.target.start, kept.target.end), kept.target.exact);
});

ann('an annotation whose offsets drifted is re-anchored by quote; one whose quote is gone is an orphan, never dropped', async (ctx) => {
  const a = (await create(ctx, 'önskar stöd i vardagen')).json;
  const b = (await create(ctx, 'Lägenheten är stökig')).json;
  const repo = ctx.t.store.study('mini')!;
  await repo.mutateFamily('fam-1', (tx) => {
    const drifted = tx.get(annotations, a.id)!;
    tx.put(annotations, { ...drifted, target: { ...drifted.target, start: drifted.target.start + 7, end: drifted.target.end + 7 } });
    const gone = tx.get(annotations, b.id)!;
    tx.put(annotations, { ...gone, target: { ...gone.target, exact: 'en mening som aldrig stått i akten över huvud taget', end: gone.target.start + 51 } });
  });
  const listed = (await ctx.cw.call('GET', '/api/studies/mini/annotations?family=fam-1')).json;
  const reanchored = listed.find((x: any) => x.id === a.id);
  assert.is(reanchored.anchor, 'reanchored');
  assert.is(ctx.text.slice(reanchored.target.start, reanchored.target.end), 'önskar stöd i vardagen');
  const orphan = listed.find((x: any) => x.id === b.id);
  assert.is(orphan.anchor, 'orphan');
  assert.is(orphan.comment, 'Mamma bad om *stöd*.');
});

ann.run();
