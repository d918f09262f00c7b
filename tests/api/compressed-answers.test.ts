// Large cached answers (a case file, a family's annotations) go out gzip-compressed to clients that
// accept it — and decompress to exactly the uncompressed answer; other clients get them as they were.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip } from '../../server/http/cached-json.ts';
import { makeTestApp } from '../setup/app.ts';

const header = suite('Accept-Encoding');

header('gzip is accepted unless refused with q=0', () => {
  assert.is(acceptsGzip('gzip, deflate, br'), true);
  assert.is(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
  assert.is(acceptsGzip('*'), true);
  assert.is(acceptsGzip('gzip;q=0'), false);
  assert.is(acceptsGzip('br, deflate'), false);
  assert.is(acceptsGzip('identity'), false);
  assert.is(acceptsGzip(undefined), false);
});

header.run();

const answers = suite('compressed answers');

answers('a case file and its annotations: gzip when accepted, the same JSON either way', async () => {
  const t = await makeTestApp();
  try {
    const cw = await t.as('socsek1');
    // The raw answer, as the network carries it (TestClient decodes bodies as text).
    const gzipped = (path: string) => t.app.request(path, { headers: { cookie: cw.cookie, 'accept-encoding': 'gzip, deflate, br' } });
    const docs = await cw.call('GET', '/api/studies/mini/families/fam-1/documents');
    const path = `/api/studies/mini/documents/${docs.json[0].id}`;
    const plain = await cw.call('GET', path);
    assert.is(plain.status, 200);
    assert.is(plain.headers.get('content-encoding'), null);
    const zipped = await gzipped(path);
    assert.is(zipped.headers.get('content-encoding'), 'gzip');
    assert.is(zipped.headers.get('vary'), 'Accept-Encoding');
    assert.is(zipped.headers.get('content-type'), 'application/json; charset=UTF-8');
    const raw = Buffer.from(await zipped.arrayBuffer());
    assert.is(gunzipSync(raw).toString('utf8'), plain.text);
    assert.ok(raw.byteLength < Buffer.byteLength(plain.text), 'smaller compressed');

    const list = `/api/studies/mini/annotations?document=${docs.json[0].id}`;
    const a = await cw.call('GET', list);
    const b = await gzipped(list);
    if (Buffer.byteLength(a.text) >= 1024) {
      assert.is(b.headers.get('content-encoding'), 'gzip');
      assert.equal(JSON.parse(gunzipSync(Buffer.from(await b.arrayBuffer())).toString('utf8')), a.json);
    } else assert.is(b.headers.get('content-encoding'), null, 'a small answer is sent as it is');
  } finally {
    await t.cleanup();
  }
});

answers.run();
