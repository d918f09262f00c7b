// client/data/download.ts: a download reports the bytes received chunk by chunk, with the total from
// Content-Length (or null without one), keeps the server's file name, and turns an error answer into
// an ApiError with the server's code.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Api, ApiError } from '../../client/data/api.ts';
import { downloadFile, fileNameFrom } from '../../client/data/download.ts';

function serve(chunks: string[], headers: Record<string, string>, status = 200) {
  const encoder = new TextEncoder();
  globalThis.fetch = async () => new Response(new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  }), { status, headers });
}

const realFetch = globalThis.fetch;

test('progress per chunk, with the total from Content-Length, and the file name from Content-Disposition', async () => {
  serve(['åäö;', 'abc', 'de'], { 'content-length': '12', 'content-disposition': 'attachment; filename="markeringar-s.csv"', 'content-type': 'text/csv' });
  const seen: [number, number | null][] = [];
  try {
    const file = await downloadFile(new Api(), '/x', 'reserv.csv', (p) => seen.push([p.received, p.total]));
    // 'åäö;' is 7 bytes in UTF-8.
    assert.equal(seen, [[0, 12], [7, 12], [10, 12], [12, 12]]);
    assert.is(file.fileName, 'markeringar-s.csv');
    assert.is(await file.blob.text(), 'åäö;abcde');
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('without Content-Length the total is null; an error answer is an ApiError with its code', async () => {
  serve(['ab'], {});
  const seen: (number | null)[] = [];
  try {
    const file = await downloadFile(new Api(), '/x', 'reserv.csv', (p) => seen.push(p.total));
    assert.equal(seen, [null, null]);
    assert.is(file.fileName, 'reserv.csv');
    serve(['{"error":{"code":"forbidden","message":"Nej."}}'], { 'content-type': 'application/json' }, 403);
    const err = await downloadFile(new Api(), '/x', 'y', () => undefined).catch((e) => e);
    assert.ok(err instanceof ApiError);
    assert.equal([err.status, err.code], [403, 'forbidden']);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('fileNameFrom reads quoted and bare names', () => {
  assert.is(fileNameFrom('attachment; filename="a b.csv"', 'x'), 'a b.csv');
  assert.is(fileNameFrom('attachment; filename=c.jsonld', 'x'), 'c.jsonld');
  assert.is(fileNameFrom(null, 'x'), 'x');
});

test.run();
