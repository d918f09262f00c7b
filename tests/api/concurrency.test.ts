// Simultaneous writes: none acknowledged is lost, and of two edits based on the same version exactly
// one wins. fam-2 of the mini study has no records yet, so its first writes also open its files.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const concurrent = appSuite('Concurrent writes', { storeOptions: { compactAfter: 7 } });

async function firstDocument(t: Parameters<Parameters<typeof concurrent>[1]>[0]['t'], family: string) {
  const cw = await t.as('socsek1');
  const [doc] = (await cw.call('GET', `/api/studies/mini/families/${family}/documents`)).json;
  const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  return { cw, doc, text: text as string };
}

concurrent('20 first annotations on a family without records are all kept, listed, and there after folding and restart', async ({ t }) => {
  const { cw, doc, text } = await firstDocument(t, 'fam-2');
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => {
      const start = i * 5;
      return cw.call('POST', '/api/studies/mini/annotations', {
        documentId: doc.id,
        questionId: 'tidiga-tecken',
        target: { start, end: start + 4, exact: text.slice(start, start + 4) },
        comment: `nummer ${i}`,
      });
    }),
  );
  assert.equal(responses.map((r) => r.status), Array(20).fill(201));
  const ids = responses.map((r) => r.json.id as string).sort();
  const listed = (await cw.call('GET', '/api/studies/mini/annotations?family=fam-2')).json.map((a: any) => a.id).sort();
  assert.equal(listed, ids);
  const after = await t.restart();
  const again = await after.as('socsek1');
  const relisted = (await again.call('GET', '/api/studies/mini/annotations?family=fam-2')).json.map((a: any) => a.id).sort();
  assert.equal(relisted, ids, 'every acknowledged annotation survives the journal being folded and a restart');
});

concurrent('20 first saves of one reflection with If-Match 0: exactly one wins, the others get 409 with what is stored', async ({ t }) => {
  const cw = await t.as('socsek1');
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      cw.call('PUT', '/api/studies/mini/families/fam-2/reflections/summary', { text: `utkast ${i}` }, { 'if-match': '0' }),
    ),
  );
  const won = responses.filter((r) => r.status === 200);
  assert.is(won.length, 1);
  assert.is(responses.filter((r) => r.status === 409).length, 19);
  const stored = (await cw.call('GET', '/api/studies/mini/families/fam-2/reflections/summary')).json;
  assert.equal([stored.text, stored.version], [won[0]!.json.text, 1]);
  assert.is(responses.find((r) => r.status === 409)!.json.error.current.text, stored.text);
});

concurrent('two edits of one annotation with the same version: one wins, the other gets 409', async ({ t }) => {
  const { cw, doc, text } = await firstDocument(t, 'fam-1');
  const created = (await cw.call('POST', '/api/studies/mini/annotations', {
    documentId: doc.id, questionId: 'tidiga-tecken', target: { start: 0, end: 6, exact: text.slice(0, 6) }, comment: 'först',
  })).json;
  const [a, b] = await Promise.all(
    ['A', 'B'].map((c) => cw.call('PATCH', `/api/studies/mini/annotations/${created.id}`, { comment: c }, { 'if-match': String(created.version) })),
  );
  assert.equal([a!.status, b!.status].sort(), [200, 409]);
  const winner = a!.status === 200 ? 'A' : 'B';
  const listed = (await cw.call('GET', `/api/studies/mini/annotations?document=${doc.id}`)).json.find((x: any) => x.id === created.id);
  assert.equal([listed.comment, listed.version], [winner, 2]);
});

concurrent.run();
