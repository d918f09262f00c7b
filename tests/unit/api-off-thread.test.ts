// Api.getOffThread: a large answer read and parsed by a worker, with the same outcomes as a request on
// the page (the parsed body, an ApiError for an error answer, the session-expired hook on 401, a network
// failure as status 0), and the answer fetched on the page when the worker cannot load. The worker is a
// fake that answers as client/workers/json-worker.ts does; the worker itself runs in the browser tests.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Api, ApiError } from '../../client/data/api.ts';
import type { JsonWorkerAnswer, JsonWorkerRequest } from '../../client/data/json-off-thread.ts';

const test = suite('Api.getOffThread');

type Answering = (request: JsonWorkerRequest) => Omit<JsonWorkerAnswer, 'id'> | 'fail';

/** Installs a fake Worker for the length of `run`; returns the URLs of the workers started and the requests they got. */
async function withFakeWorker(answer: Answering, run: () => Promise<void>): Promise<{ scripts: string[]; requests: string[] }> {
  const scripts: string[] = [];
  const requests: string[] = [];
  class FakeWorker {
    onmessage: ((event: { data: JsonWorkerAnswer }) => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(url: string) {
      scripts.push(url);
    }
    postMessage(request: JsonWorkerRequest) {
      requests.push(request.url);
      const answered = answer(request);
      setTimeout(() => (answered === 'fail' ? this.onerror?.() : this.onmessage?.({ data: { id: request.id, ...answered } as JsonWorkerAnswer })));
    }
    terminate() {}
  }
  const g = globalThis as { Worker?: unknown };
  const real = g.Worker;
  g.Worker = FakeWorker;
  try {
    await run();
  } finally {
    g.Worker = real;
  }
  return { scripts, requests };
}

test('the parsed answer comes from the worker, which is started once, from the built file', async () => {
  const document = { id: 'd-1', text: 'Åsa ringde.', entries: [] };
  let active = 0;
  const api = new Api('https://kommun.example');
  api.onActivity(() => active++);
  const { scripts, requests } = await withFakeWorker(() => ({ status: 200, data: document }), async () => {
    assert.equal(await api.getOffThread('/api/studies/s/documents/d-1'), document);
    assert.equal(await api.getOffThread('/api/studies/s/documents/d-2'), document);
  });
  assert.equal(scripts, ['https://kommun.example/json-worker.js']);
  assert.equal(requests, ['https://kommun.example/api/studies/s/documents/d-1', 'https://kommun.example/api/studies/s/documents/d-2']);
  assert.is(active, 2, 'each answer counts as activity');
});

test('an error answer is the ApiError a request on the page gives; 401 calls the session-expired hook', async () => {
  let expired = 0;
  const api = new Api('', () => expired++);
  await withFakeWorker((r) => (r.url.endsWith('gone')
    ? { status: 404, text: JSON.stringify({ error: { code: 'not_found', message: 'Dokumentet finns inte.' } }) }
    : { status: 401, text: JSON.stringify({ error: { code: 'unauthenticated', message: 'Logga in.' } }) }), async () => {
    const notFound = await api.getOffThread('/gone').catch((e: unknown) => e);
    assert.instance(notFound, ApiError);
    assert.is((notFound as ApiError).status, 404);
    assert.is((notFound as ApiError).code, 'not_found');
    assert.is(expired, 0);
    const unauthenticated = await api.getOffThread('/expired').catch((e: unknown) => e);
    assert.is((unauthenticated as ApiError).code, 'unauthenticated');
    assert.is(expired, 1);
  });
});

test('a network failure in the worker is status 0', async () => {
  const api = new Api('');
  await withFakeWorker(() => ({ status: 0, text: '' }), async () => {
    const error = await api.getOffThread('/x').catch((e: unknown) => e);
    assert.is((error as ApiError).status, 0);
    assert.is((error as ApiError).code, 'network');
  });
});

test('when the worker cannot load, the answer is fetched on the page, then and afterwards', async () => {
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = async (url) => {
    fetched.push(String(url));
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  try {
    const api = new Api('');
    const { requests } = await withFakeWorker(() => 'fail', async () => {
      assert.equal(await api.getOffThread('/first'), { ok: true });
      assert.equal(await api.getOffThread('/second'), { ok: true });
    });
    assert.equal(requests, ['/first'], 'the worker was tried once');
    assert.equal(fetched, ['/first', '/second']);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('without workers (no Worker at all), the answer is fetched on the page', async () => {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async () => new Response('{"n":1}', { status: 200 });
  try {
    assert.equal(await new Api('').getOffThread('/x'), { n: 1 });
  } finally {
    globalThis.fetch = realFetch;
  }
});

test.run();
