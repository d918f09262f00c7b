// The study exports through the API, each parsed back with an independent parser: annotations.csv
// (papaparse: BOM, `;` or `,`, formulas neutralised, å ä ö intact, one row per annotation),
// codings.csv, and annotations.jsonld expanded with the `jsonld` package against the W3C context.
// Who may export (researchers and the lead), and the audit lines each download leaves.
import Papa from 'papaparse';
import * as assert from 'uvu/assert';
import { appSuite, ORIGIN, type TestApp, type TestClient } from '../setup/app.ts';
import { expandWebAnnotations, OA } from '../setup/web-annotation.ts';

const s = appSuite('Study exports API');
const base = '/api/studies/mini';
const QUOTE = 'Lägenheten är stökig men mamma är vänlig';
const COMMENT = '=HYPERLINK("http://x") Mamma är vänlig – ändå oro för åren som gått';

interface Made {
  annotationId: string;
  docId: string;
  start: number;
  codingId: string;
  /** Every annotation in the study, counted through the annotations API as the lead sees them. */
  total: number;
}

/** socsek1 annotates fam-1; the lead codes the annotation with Hemmet › Boende and with Öppning. */
async function material(t: TestApp): Promise<Made> {
  const cw = await t.as('socsek1');
  const lead = await t.as('projektledare');
  const [doc] = (await cw.call('GET', `${base}/families/fam-1/documents`)).json;
  const { text } = (await cw.call('GET', `${base}/documents/${doc.id}`)).json;
  const start = text.indexOf(QUOTE);
  assert.ok(start > 0);
  const created = await cw.call('POST', `${base}/annotations`, {
    documentId: doc.id, questionId: 'outnyttjade-oppningar', target: { start, end: start + QUOTE.length, exact: QUOTE },
    comment: COMMENT, knownAtTheTime: false,
  });
  assert.is(created.status, 201);
  const parent = (await lead.call('POST', `${base}/codes`, { name: 'Hemmet' })).json.id;
  const child = (await lead.call('POST', `${base}/codes`, { name: 'Boende', parentId: parent })).json.id;
  const other = (await lead.call('POST', `${base}/codes`, { name: 'Öppning' })).json.id;
  const coding = await lead.call('POST', `${base}/codings`, { codeId: child, target: { type: 'annotation', id: created.json.id } });
  assert.is(coding.status, 201);
  await lead.call('POST', `${base}/codings`, { codeId: other, target: { type: 'annotation', id: created.json.id } });
  let total = 0;
  for (const family of ['fam-1', 'fam-2', 'fam-3']) total += (await lead.call('GET', `${base}/annotations?family=${family}`)).json.length;
  return { annotationId: created.json.id, docId: doc.id, start, codingId: coding.json.id, total };
}

/** The response's bytes (Response.text() would drop the BOM). */
async function bytes(t: TestApp, client: TestClient, path: string): Promise<Uint8Array> {
  const res = await t.app.request(path, { headers: { cookie: client.cookie, origin: ORIGIN } });
  return new Uint8Array(await res.arrayBuffer());
}

function parse(text: string, delimiter: string) {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, delimiter, skipEmptyLines: true });
  assert.equal(parsed.errors, []);
  return parsed;
}

const ANNOTATION_COLUMNS = [
  'familj', 'dokument', 'händelsedatum', 'händelsetyp', 'fråga', 'koder', 'citat', 'kommentar',
  'känt vid tidpunkten', 'markerad av', 'skapad', 'markering-id',
];

s('annotations.csv: BOM, `;` for Swedish Excel, one row per annotation, the entry and codes beside it, formulas neutralised', async ({ t }) => {
  const m = await material(t);
  const r = await t.as('forskare1');
  const res = await r.call('GET', `${base}/export/annotations.csv`);
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.is(res.headers.get('content-disposition'), 'attachment; filename="markeringar-mini.csv"');
  const raw = await bytes(t, r, `${base}/export/annotations.csv`);
  assert.equal([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  assert.is(Number(res.headers.get('content-length')), raw.byteLength);
  assert.ok(res.text.startsWith('familj;dokument;händelsedatum;'), res.text.slice(0, 60));

  const parsed = parse(res.text, ';');
  assert.equal(parsed.meta.fields, ANNOTATION_COLUMNS);
  assert.is(parsed.data.length, m.total);
  assert.ok(m.total >= 2, 'the seeded annotation and ours');
  const row = parsed.data.find((x) => x['markering-id'] === m.annotationId)!;
  assert.equal(row, {
    familj: 'Familj 1',
    dokument: 'Akt, familj 1',
    händelsedatum: '2011-06-15',
    händelsetyp: 'Journalanteckning',
    fråga: 'Outnyttjade öppningar',
    koder: 'Boende; Öppning',
    citat: QUOTE,
    kommentar: `'${COMMENT}`,
    'känt vid tidpunkten': 'nej',
    'markerad av': 'Socialsekreterare 1',
    skapad: new Date().toISOString().slice(0, 10),
    'markering-id': m.annotationId,
  });
  // The seeded example (fam-1, 2010-02-01 Orosanmälan) says it was known at the time.
  const seeded = parsed.data.find((x) => x.citat === 'ofta kommer hungrig och i för tunna kläder')!;
  assert.equal([seeded['känt vid tidpunkten'], seeded.händelsedatum, seeded.koder, seeded.kommentar], ['ja', '2010-02-01', '', 'Tidigt tecken på **försummelse**.']);
});

s('annotations.csv?delimiter=comma gives `,` for R; an unknown delimiter is refused', async ({ t }) => {
  const m = await material(t);
  const r = await t.as('projektledare');
  const res = await r.call('GET', `${base}/export/annotations.csv?delimiter=comma`);
  assert.is(res.status, 200);
  assert.ok(res.text.replace(/^\uFEFF/, '').startsWith('familj,dokument,händelsedatum,händelsetyp,'));
  const parsed = parse(res.text, ',');
  assert.is(parsed.data.length, m.total);
  const row = parsed.data.find((x) => x['markering-id'] === m.annotationId)!;
  assert.equal([row.koder, row.kommentar, row.citat], ['Boende; Öppning', `'${COMMENT}`, QUOTE]);
  const bad = await r.call('GET', `${base}/export/annotations.csv?delimiter=tab`);
  assert.is(bad.status, 422);
  assert.is(bad.json.error.code, 'bad_delimiter');
});

s('codings.csv: one row per coding with the code path, target type and segment in context', async ({ t }) => {
  const m = await material(t);
  const r = await t.as('forskare1');
  const res = await r.call('GET', `${base}/export/codings.csv`);
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-disposition'), 'attachment; filename="kodningar-mini.csv"');
  const parsed = parse(res.text, ';');
  assert.equal(parsed.meta.fields, [
    'kodning-id', 'kod-id', 'kod', 'kodsökväg', 'typ', 'familj', 'dokument', 'händelsedatum', 'fråga', 'kodad text', 'kodad av', 'kodad',
  ]);
  assert.is(parsed.data.length, 2);
  const row = parsed.data.find((x) => x['kodning-id'] === m.codingId)!;
  assert.equal(
    [row.kod, row.kodsökväg, row.typ, row.familj, row.dokument, row.händelsedatum, row.fråga, row['kodad text'], row['kodad av']],
    ['Boende', 'Hemmet › Boende', 'annotation', 'Familj 1', 'Akt, familj 1', '2011-06-15', 'Outnyttjade öppningar', QUOTE, 'Projektledaren'],
  );
  assert.match(row.kodad!, /^\d{4}-\d{2}-\d{2}T/);
  const comma = parse((await r.call('GET', `${base}/export/codings.csv?delimiter=comma`)).text, ',');
  assert.is(comma.data.length, 2);
});

s('annotations.jsonld is W3C Web Annotation JSON-LD: it expands against the anno context to oa: terms', async ({ t }) => {
  const m = await material(t);
  const r = await t.as('forskare1');
  const res = await r.call('GET', `${base}/export/annotations.jsonld`);
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-type'), 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  assert.is(res.headers.get('content-disposition'), 'attachment; filename="webbannoteringar-mini.jsonld"');
  assert.is(res.json.type, 'AnnotationCollection');
  assert.is(res.json.total, m.total);
  assert.is(res.json.first.items.length, m.total);

  const [collection] = await expandWebAnnotations(res.json);
  const AS = 'http://www.w3.org/ns/activitystreams#';
  assert.equal(collection['@type'], [`${AS}OrderedCollection`]);
  assert.is(collection[`${AS}totalItems`][0]['@value'], m.total);
  const page = collection[`${AS}first`][0];
  assert.equal(page['@type'], [`${AS}OrderedCollectionPage`]);
  const items: any[] = page[`${AS}items`][0]['@list'];
  assert.is(items.length, m.total);
  const anno = items.find((a) => a['@id'] === `${ORIGIN}${base}/annotations/${m.annotationId}`);
  assert.ok(anno, 'the annotation has a URL under the study as its id');
  assert.equal(anno['@type'], [`${OA}Annotation`]);
  assert.equal(anno[`${OA}motivatedBy`], [{ '@id': `${OA}commenting` }]);
  const target = anno[`${OA}hasTarget`][0];
  assert.equal(target[`${OA}hasSource`], [{ '@id': `${ORIGIN}${base}/documents/${m.docId}` }]);
  const selectors: any[] = target[`${OA}hasSelector`];
  const quote = selectors.find((x) => x['@type'][0] === `${OA}TextQuoteSelector`);
  assert.is(quote[`${OA}exact`][0]['@value'], QUOTE);
  const position = selectors.find((x) => x['@type'][0] === `${OA}TextPositionSelector`);
  assert.equal([position[`${OA}start`][0]['@value'], position[`${OA}end`][0]['@value']], [m.start, m.start + QUOTE.length]);
  const bodies = (anno[`${OA}hasBody`] as any[]).map((b) => [b[`${OA}hasPurpose`][0]['@id'], b['http://www.w3.org/1999/02/22-rdf-syntax-ns#value'][0]['@value']]);
  assert.equal(bodies, [[`${OA}commenting`, COMMENT], [`${OA}tagging`, 'Outnyttjade öppningar'], [`${OA}classifying`, 'Boende'], [`${OA}classifying`, 'Öppning']]);
  assert.is(anno['http://purl.org/dc/terms/creator'][0]['http://xmlns.com/foaf/0.1/name'][0]['@value'], 'Socialsekreterare 1');
  assert.equal(anno['urn:backspegel:vocab:knownAtTheTime'], [{ '@value': false }]);
});

s('only researchers and the lead export; a caseworker gets 403, a non-member 404; every download is audited', async ({ t }) => {
  await material(t);
  const files = ['annotations.csv', 'codings.csv', 'annotations.jsonld'];
  const cw = await t.as('socsek1');
  const outsider = await t.as('forskare2');
  for (const file of files) {
    assert.is((await cw.call('GET', `${base}/export/${file}`)).status, 403, file);
    assert.is((await outsider.call('GET', `${base}/export/${file}`)).status, 404, file);
    assert.is((await t.anonymous().call('GET', `${base}/export/${file}`)).status, 401, file);
  }
  assert.is((await (await t.as('projektledare')).call('GET', `${base}/export/finns-inte.csv`)).status, 404);
  const r = await t.as('forskare1');
  for (const file of files) assert.is((await r.call('GET', `${base}/export/${file}`)).status, 200, file);

  const lead = await t.as('projektledare');
  const entries = ((await lead.call('GET', `${base}/audit?action=export.`)).json.entries as any[]).reverse();
  const me = (await r.call('GET', '/api/session')).json.user.id;
  const caseworker = (await cw.call('GET', '/api/session')).json.user.id;
  assert.equal(entries.filter((e) => e.user === me).map((e) => [e.action, e.outcome, e.study]), [
    ['export.annotations-csv', 'ok', 'mini'], ['export.codings-csv', 'ok', 'mini'], ['export.annotations-jsonld', 'ok', 'mini'],
  ]);
  assert.equal(entries.filter((e) => e.user === caseworker).map((e) => [e.action, e.outcome]), [
    ['export.annotations-csv', 'denied'], ['export.codings-csv', 'denied'], ['export.annotations-jsonld', 'denied'],
  ]);
});

s.run();
