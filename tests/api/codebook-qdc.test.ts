// The REFI-QDA codebook through the API: import the ATLAS.ti export and a hierarchy, export a file that
// validates against the official XSD, import the export again without duplicates, refuse what is bad.
import * as assert from 'uvu/assert';
import { appSuite, type TestClient } from '../setup/app.ts';
import { refiFixture, schemaErrors } from '../setup/refi-schema.ts';

const qdc = appSuite('REFI-QDA codebook in and out');

function upload(client: TestClient, xml: string) {
  const form = new FormData();
  form.append('file', new File([xml], 'kodbok.qdc', { type: 'application/xml' }));
  return client.call('POST', '/api/studies/mini/codebook.qdc', form);
}

const HIERARCHY = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Handskriven">
  <Codes>
    <Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="Tidiga tecken" isCodable="true" color="#AA0000">
      <Description>Tecken på en allvarlig livssituation.</Description>
      <Code guid="0a1b2c3d-0000-4000-8000-000000000002" name="Skolfrånvaro &amp; sjukanmälan" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;

qdc('the ATLAS.ti codebook and a hand-written hierarchy import; the export validates and imports again unchanged', async ({ t }) => {
  const res = await t.as('forskare1');
  const atlas = await upload(res, refiFixture('atlasti-23.4.0-codebook.qdc'));
  assert.is(atlas.status, 201);
  assert.equal([atlas.json.created, atlas.json.reused], [1, 0]);
  assert.ok(atlas.json.warnings.length >= 1, 'the code group is reported as not imported');
  assert.is((await upload(res, HIERARCHY)).json.created, 2);

  const codes = (await res.call('GET', '/api/studies/mini/codes')).json;
  const byName = new Map(codes.map((c: any) => [c.name, c]));
  assert.equal([...byName.keys()], ['code1', 'Tidiga tecken', 'Skolfrånvaro & sjukanmälan']);
  assert.is((byName.get('code1') as any).color, '#46aa00');
  assert.is((byName.get('code1') as any).description, 'description');
  assert.is((byName.get('Skolfrånvaro & sjukanmälan') as any).parentId, (byName.get('Tidiga tecken') as any).id);

  const out = await res.call('GET', '/api/studies/mini/codebook.qdc');
  assert.is(out.status, 200);
  assert.match(out.headers.get('content-disposition') ?? '', /kodbok-mini\.qdc/);
  assert.is(schemaErrors(out.text), '');
  assert.match(out.text, /name="Skolfrånvaro &amp; sjukanmälan"/);

  const again = await upload(res, out.text);
  assert.equal([again.json.created, again.json.reused], [0, 3]);
  assert.is((await res.call('GET', '/api/studies/mini/codes')).json.length, 3);

  const actions = (await (await t.as('projektledare')).call('GET', '/api/studies/mini/audit')).json.entries.map((e: any) => e.action);
  assert.ok(actions.includes('codebook.import') && actions.includes('codebook.export'));
});

qdc('bad files are refused with a clear error and nothing is added; caseworkers cannot import', async ({ t }) => {
  const res = await t.as('forskare1');
  const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="&a;" isCodable="true"/></Codes></CodeBook>';
  for (const bad of ['inte xml', '<Project/>', bomb]) {
    const r = await upload(res, bad);
    assert.is(r.status, 422, bad);
    assert.is(r.json.error.code, 'invalid_codebook');
  }
  assert.is((await res.call('POST', '/api/studies/mini/codebook.qdc', { file: 'x' })).status, 415);
  assert.is((await res.call('GET', '/api/studies/mini/codebook.qdc')).json.error.code, 'empty_codebook');
  assert.is((await upload(await t.as('socsek1'), HIERARCHY)).status, 403);
  assert.equal((await res.call('GET', '/api/studies/mini/codes')).json, []);
});

qdc.run();
