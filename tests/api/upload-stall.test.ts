// The real server, as a child process: while it parses a hostile upload it keeps answering
// /api/health, the upload ends in a 4xx JSON error, and the process is alive afterwards.
// Started both through bin/backspegel.mjs (tsx registered by API) and `node --import tsx`, since
// the parse worker has to load its TypeScript either way. The parse time limit is injected short.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rm } from 'node:fs/promises';
import { seededDataDir, startServer, VIA_TSX } from '../setup/server-process.ts';
import { makeDocx, makeDocxBomb, makeEmptyParagraphsDocx, makePdfBomb, makeSlowDocx } from '../setup/office-files.ts';

const BIN = new URL('../../bin/backspegel.mjs', import.meta.url).pathname;
/** Injected parse time limit: long enough to watch, short enough for the test. */
const PARSE_TIMEOUT_MS = 1500;
/** A hang, not a speed limit: the parse on the main thread blocked /api/health for 21–119 s; a loaded CI
 * machine may answer slowly, but never this late. The main check is that answers come *while* the upload runs. */
const HEALTH_LIMIT_MS = 10_000;

/** The real server on a data directory of its own, removed again by stop(). */
async function startStallServer(launch: string[]) {
  const dataDir = await seededDataDir();
  const server = await startServer(dataDir, { HOST: '127.0.0.1', BACKSPEGEL_PARSE_TIMEOUT_MS: String(PARSE_TIMEOUT_MS) }, launch);
  return {
    ...server,
    async stop() {
      await server.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function login(url: string): Promise<Record<string, string>> {
  const headers = { origin: url, 'content-type': 'application/json' };
  const r = await fetch(`${url}/api/session`, { method: 'POST', headers, body: JSON.stringify({ username: 'projektledare', password: 'demo' }) });
  assert.is(r.status, 200);
  return { origin: url, cookie: r.headers.getSetCookie()[0]!.split(';')[0]! };
}

/** Asks /api/health every 50 ms; records when each answer came and how long it took. */
function watchHealth(url: string) {
  const answers: { at: number; ms: number }[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(HEALTH_LIMIT_MS) });
        if (r.status !== 200) failures.push(`status ${r.status}`);
        await r.body?.cancel();
        answers.push({ at: performance.now(), ms: performance.now() - started });
      } catch (e) {
        failures.push(`${(e as Error).name} after ${Math.round(performance.now() - started)} ms`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    answers,
    failures,
    answeredBetween: (from: number, to: number) => answers.filter((a) => a.at > from && a.at < to).length,
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function upload(url: string, headers: Record<string, string>, route: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const body = new FormData();
  body.append('file', new File([bytes], name));
  const started = performance.now();
  const r = await fetch(`${url}/api/studies/mini/families/fam-2/${route}`, { method: 'POST', headers, body });
  const json = (await r.json()) as any;
  return { status: r.status, json, started, ended: performance.now() };
}

const stall = suite('Hostile uploads do not stall or kill the real server');

stall('through bin/backspegel.mjs: health is answered during every hostile upload, each ends in 4xx, the server lives on', async () => {
  // Built first: building a bomb blocks this process for a moment, which would count as latency.
  const files = {
    slow: makeSlowDocx(190_000),
    floods: [makeEmptyParagraphsDocx(300_000), makeEmptyParagraphsDocx(300_000, { stored: true })],
    bomb: makeDocxBomb({ inflatedMiB: 1024 }),
    liar: makeDocxBomb({ inflatedMiB: 1024, declaredSize: 10_000 }),
    pdfBomb: makePdfBomb(1024),
  };
  const server = await startStallServer([BIN]);
  let health: ReturnType<typeof watchHealth> | undefined;
  try {
    const headers = await login(server.url);
    health = watchHealth(server.url);

    // Within every structural limit, but mammoth would need seconds: the time limit stops it.
    const slow = await upload(server.url, headers, 'documents', 'akt.docx', files.slow);
    assert.is(slow.status, 413, JSON.stringify(slow.json));
    assert.is(slow.json.error.code, 'too_large');
    assert.match(slow.json.error.message, /för stor eller för komplex/);
    const during = health.answeredBetween(slow.started, slow.ended);
    assert.ok(during >= 3, `health answered ${during} times while the upload was pending`);

    // The review's flood: refused from the zip directory (compressed) or by counting paragraphs (stored).
    for (const bytes of files.floods) {
      const flood = await upload(server.url, headers, 'documents', 'akt.docx', bytes);
      assert.is(flood.status, 413, JSON.stringify(flood.json));
      assert.is(flood.json.error.code, 'too_large');
    }

    const bomb = await upload(server.url, headers, 'documents', 'akt.docx', files.bomb);
    assert.is(bomb.status, 413, JSON.stringify(bomb.json));
    const bombPreview = await upload(server.url, headers, 'imports', 'akt.docx', files.bomb);
    assert.is(bombPreview.status, 413, 'the preview route refuses the bomb at once');

    const liar = await upload(server.url, headers, 'documents', 'akt.docx', files.liar);
    // Refused when its entry inflates past the size it declared (422); on a machine so loaded that the short
    // injected time limit runs out first, refused as too complex (413). Either way: a clean refusal, no stall.
    assert.ok([422, 413].includes(liar.status), JSON.stringify(liar.json));
    assert.ok(['invalid_docx', 'too_large'].includes(liar.json.error.code));

    // A 1 MB PDF whose content stream inflates to 1 GiB: stopped by the time or the memory limit.
    const pdfBomb = await upload(server.url, headers, 'documents', 'akt.pdf', files.pdfBomb);
    assert.is(pdfBomb.status, 413, JSON.stringify(pdfBomb.json));
    assert.is(pdfBomb.json.error.code, 'too_large');

    await health.stop();
    assert.equal(health.failures, [], 'every health request was answered in time');
    assert.ok(health.answers.length >= 5);
    assert.is(server.child.exitCode, null, 'the server process is alive');

    const ok = await upload(server.url, headers, 'documents', 'utredning.docx', makeDocx(['2018-02-01 Utredning inleds']));
    assert.is(ok.status, 201, JSON.stringify(ok.json));
  } catch (e) {
    console.error(server.output());
    throw e;
  } finally {
    await health?.stop();
    await server.stop();
  }
});

stall('through node --import tsx: the parse worker loads too, and a timed-out preview fails cleanly', async () => {
  const slow = makeSlowDocx(190_000);
  const server = await startStallServer(VIA_TSX);
  let health: ReturnType<typeof watchHealth> | undefined;
  try {
    const headers = await login(server.url);
    const ok = await upload(server.url, headers, 'documents', 'utredning.docx', makeDocx(['2018-02-01 Utredning inleds']));
    assert.is(ok.status, 201, JSON.stringify(ok.json));

    health = watchHealth(server.url);
    const started = await upload(server.url, headers, 'imports', 'akt.docx', slow);
    assert.is(started.status, 202);
    let status: any;
    for (let i = 0; i < 300; i++) {
      const r = await fetch(`${server.url}/api/studies/mini/families/fam-2/imports/${started.json.id}`, { headers });
      status = await r.json();
      if (status.status !== 'extracting') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await health.stop();
    assert.is(status.status, 'failed');
    assert.is(status.error.code, 'too_large');
    assert.equal(health.failures, []);
    assert.is(server.child.exitCode, null);
  } catch (e) {
    console.error(server.output());
    throw e;
  } finally {
    await health?.stop();
    await server.stop();
  }
});

stall.run();
