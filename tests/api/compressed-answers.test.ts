// Large cached answers (a case file, a family's annotations) go out compressed to clients that accept
// it (brotli where accepted, else gzip) — and decompress to exactly the uncompressed answer; other
// clients get them as they were.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedCodings } from '../../server/http/cached-json.ts';
import { makeTestApp } from '../setup/app.ts';

const header = suite('Accept-Encoding');

header('brotli first where it weighs as much as gzip; nothing refused with q=0', () => {
  assert.equal(acceptedCodings('gzip, deflate, br'), ['br', 'gzip'], 'Chromium over HTTPS');
  assert.equal(acceptedCodings('gzip, deflate'), ['gzip'], 'Chromium over plain HTTP');
  assert.equal(acceptedCodings('br;q=1.0, gzip;q=0.8'), ['br', 'gzip']);
  assert.equal(acceptedCodings('br;q=0.5, gzip'), ['gzip', 'br']);
  assert.equal(acceptedCodings('GZIP ; q=0.3'), ['gzip']);
  assert.equal(acceptedCodings('*'), ['br', 'gzip']);
  assert.equal(acceptedCodings('br;q=0, *'), ['gzip']);
  assert.equal(acceptedCodings('gzip;q=0'), []);
  assert.equal(acceptedCodings('gzip;q=x'), [], 'an unreadable weight refuses');
  assert.equal(acceptedCodings('br, deflate'), ['br']);
  assert.equal(acceptedCodings('identity'), []);
  assert.equal(acceptedCodings(''), []);
  assert.equal(acceptedCodings(undefined), []);
});

header.run();

const answers = suite('compressed answers');

answers('a case file and its annotations: brotli or gzip as accepted, the same JSON either way', async () => {
  const t = await makeTestApp();
  try {
    const cw = await t.as('socsek1');
    // The raw answer, as the network carries it (TestClient decodes bodies as text).
    const gzipped = (path: string) => t.app.request(path, { headers: { cookie: cw.cookie, 'accept-encoding': 'gzip, deflate' } });
    const brotlied = (path: string) => t.app.request(path, { headers: { cookie: cw.cookie, 'accept-encoding': 'gzip, deflate, br' } });
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
    const br = await brotlied(path);
    assert.is(br.headers.get('content-encoding'), 'br');
    assert.is(br.headers.get('vary'), 'Accept-Encoding');
    const brRaw = Buffer.from(await br.arrayBuffer());
    assert.is(brotliDecompressSync(brRaw).toString('utf8'), plain.text);
    assert.ok(brRaw.byteLength < raw.byteLength, `brotli ${brRaw.byteLength} bytes, gzip ${raw.byteLength}`);

    const list = `/api/studies/mini/annotations?document=${docs.json[0].id}`;
    const small = await cw.call('GET', list);
    assert.ok(Buffer.byteLength(small.text) < 1024, 'the fixture document starts with few annotations');
    assert.is((await brotlied(list)).headers.get('content-encoding'), null, 'a small answer is sent as it is');
    // Marked until the list is worth compressing.
    const text: string = plain.json.text;
    for (let start = 0; start < 4 * 40; start += 40) {
      const r = await cw.call('POST', '/api/studies/mini/annotations', {
        documentId: docs.json[0].id, questionId: 'tidiga-tecken', target: { start, end: start + 30, exact: text.slice(start, start + 30) }, comment: 'Markerad för testet.',
      });
      assert.is(r.status, 201);
    }
    const a = await cw.call('GET', list);
    assert.ok(Buffer.byteLength(a.text) >= 1024, `${Buffer.byteLength(a.text)} bytes`);
    const b = await gzipped(list);
    assert.is(b.headers.get('content-encoding'), 'gzip');
    assert.equal(JSON.parse(gunzipSync(Buffer.from(await b.arrayBuffer())).toString('utf8')), a.json);
    const c = await brotlied(list);
    assert.is(c.headers.get('content-encoding'), 'br');
    assert.equal(JSON.parse(brotliDecompressSync(Buffer.from(await c.arrayBuffer())).toString('utf8')), a.json);
  } finally {
    await t.cleanup();
  }
});

answers.run();
