// readMultipart joins a large file a few megabytes per turn of the event loop and keeps it whole, and the
// form's lists come back in the order sent (the bulk import pairs the n-th file with the n-th family),
// however the joins interleave.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { readMultipart, UploadedFile } from '../../server/http/multipart.ts';

const test = suite('multipart order');

const app = new Hono().post('/', async (c) => {
  const form = await readMultipart(c);
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
  return c.json({
    files: list(form['files']).map((f) => (f instanceof UploadedFile ? { name: f.name, size: f.size, first: f.bytes[0], last: f.bytes.at(-1) } : f)),
    family: form['family'],
  });
});

test('a large file sent before a small one under the same name stays first, whole', async () => {
  const big = new Uint8Array(7 * 1024 * 1024 + 3).fill(0x61);
  big[big.length - 1] = 0x7a;
  const form = new FormData();
  form.append('files', new File([big], 'stor.txt'));
  form.append('family', 'fam-1');
  form.append('files', new File(['b'], 'liten.txt'));
  form.append('family', 'fam-2');
  const r = await app.request('/', { method: 'POST', body: form });
  assert.is(r.status, 200);
  assert.equal(await r.json(), {
    files: [{ name: 'stor.txt', size: big.length, first: 0x61, last: 0x7a }, { name: 'liten.txt', size: 1, first: 0x62, last: 0x62 }],
    family: ['fam-1', 'fam-2'],
  });
});

test.run();
