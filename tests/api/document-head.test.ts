// GET …/documents/:doc?head=<n>: the head of a document for the reader's first screen — cut at the end
// of the entry that crosses n, with the entries inside it and the whole text's length; bad values 422;
// the same access and audit as the full read, and the full answer unchanged without the parameter.
import * as assert from 'uvu/assert';
import { appSuite, type TestApp } from '../setup/app.ts';

const head = appSuite('The head of a document');

// Offsets by hand: entries start at 14, 53 and 90; the text is 125 characters long.
const PREAMBLE = 'Akt för test\n\n';
const FIRST = '2015-01-10 Orosanmälan\nSkolan ringer.\n\n';
const SECOND = '2015-02-11 Hembesök\nMamma tar emot.\n\n';
const THIRD = '2015-03-12 Beslut\nInsats beviljas.\n';
const TEXT = PREAMBLE + FIRST + SECOND + THIRD;

async function importDocument(t: TestApp): Promise<string> {
  const lead = await t.as('projektledare');
  const r = await lead.call('POST', '/api/studies/mini/families/fam-1/documents', { title: 'Huvudtest', text: TEXT });
  assert.is(r.status, 201, r.text);
  return r.json.document.id;
}

head('the head ends where the entry crossing n ends, with its entries and the whole length', async ({ t }) => {
  const id = await importDocument(t);
  const cw = await t.as('socsek1');
  const url = `/api/studies/mini/documents/${id}`;
  const full = (await cw.call('GET', url)).json;
  // The stored text is the text as written (nothing to normalise or pseudonymise in it).
  assert.is(full.text, TEXT);
  assert.equal(full.entries.map((e: any) => e.start), [14, 53, 90]);
  assert.is(full.length, undefined, 'the full answer is unchanged');

  const cases: [number, string, string[]][] = [
    [5, PREAMBLE, []],
    [14, PREAMBLE, []],
    [15, PREAMBLE + FIRST, ['2015-01-10']],
    [53, PREAMBLE + FIRST, ['2015-01-10']],
    [54, PREAMBLE + FIRST + SECOND, ['2015-01-10', '2015-02-11']],
    [91, TEXT, ['2015-01-10', '2015-02-11', '2015-03-12']],
    [100000, TEXT, ['2015-01-10', '2015-02-11', '2015-03-12']],
  ];
  for (const [n, text, dates] of cases) {
    const r = await cw.call('GET', `${url}?head=${n}`);
    assert.is(r.status, 200, `head=${n}`);
    assert.is(r.json.text, text, `head=${n}`);
    assert.equal(r.json.entries.map((e: any) => e.date), dates, `head=${n}`);
    assert.is(r.json.length, 125, `head=${n}`);
    assert.equal({ id: r.json.id, familyId: r.json.familyId, title: r.json.title }, { id, familyId: 'fam-1', title: 'Huvudtest' });
  }
  // The entries inside the head are the document's own, offsets and all.
  const two = (await cw.call('GET', `${url}?head=60`)).json;
  assert.equal(two.entries, full.entries.slice(0, 2));
});

head('a head that is not a whole number of at least 1 is refused with 422', async ({ t }) => {
  const id = await importDocument(t);
  const cw = await t.as('socsek1');
  for (const bad of ['0', '-5', 'abc', '1.5', '', '1e3', '+4', '99999999999999']) {
    const r = await cw.call('GET', `/api/studies/mini/documents/${id}?head=${encodeURIComponent(bad)}`);
    assert.is(r.status, 422, `head=${bad}`);
    assert.is(r.json.error.code, 'invalid_head', `head=${bad}`);
  }
});

head('a head read is allowed and audited like the full read', async ({ t }) => {
  const id = await importDocument(t);
  const reads = async () => (await t.store.audit.read()).filter((l) => l.action === 'document.read');
  const before = (await reads()).length;
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', `/api/studies/mini/documents/${id}?head=20`)).status, 200);
  // socsek2 works with fam-3 only: fam-1's document does not exist for them, head or not.
  const other = await t.as('socsek2');
  assert.is((await other.call('GET', `/api/studies/mini/documents/${id}?head=20`)).status, 404);
  assert.is((await other.call('GET', `/api/studies/mini/documents/${id}?head=0`)).status, 404, 'access before validation');
  assert.is((await other.call('GET', `/api/studies/mini/documents/${id}`)).status, 404);
  const anonymous = t.anonymous();
  assert.is((await anonymous.call('GET', `/api/studies/mini/documents/${id}?head=20`)).status, 401);
  const lines = (await reads()).slice(before);
  // A refused read names the document but not its family, with or without head.
  assert.equal(lines.map((l) => [l.object, l.family, l.outcome]), [
    [id, 'fam-1', 'ok'],
    [id, null, 'denied'],
    [id, null, 'denied'],
    [id, null, 'denied'],
  ]);
  assert.ok(lines[0]!.user !== lines[1]!.user && lines[1]!.user === lines[2]!.user);
});

head.run();
