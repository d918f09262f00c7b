// Crash test, for real: the server runs as a child process while 24 clients create, edit and delete
// annotations and save reflections; it is SIGKILLed at a random moment and started again on the same
// data. Every acknowledged write must be there with its last acknowledged version (a write that
// landed but was never answered may show as one version more), and the server must start. Ten rounds,
// each killed at another moment; the journal is folded every 10 lines so kills also hit folds.
// CRASH_SEED=n replays a run.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rm } from 'node:fs/promises';
import { AuditLog } from '../../server/store/audit-log.ts';
import { readSecret } from '../../server/store/secret.ts';
import { HttpClient, seededDataDir, startServer } from '../setup/server-process.ts';
import { mulberry32 } from '../../server/domain/seeded-random.ts';

const ROUNDS = 10;
const CLIENTS = 24;
const KEYS = ['summary', 'tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser'];
const FAMILIES: Record<string, string[]> = { socsek1: ['fam-1', 'fam-2'], socsek2: ['fam-3'], projektledare: ['fam-1', 'fam-2', 'fam-3'] };

/** A seeded generator, so a run can be replayed. */
const random = mulberry32;

interface Acked {
  /** `deleting`: a delete was sent but not answered; it may or may not have landed. */
  annotations: Map<string, { familyId: string; version: number; comment: string; deleted: boolean; deleting?: boolean }>;
  reflections: Map<string, { version: number; text: string }>;
}

interface Doc {
  id: string;
  familyId: string;
  text: string;
}

/** One client's writes until `stop()`; only answered (2xx) writes are recorded as acknowledged. */
async function writeUntilStopped(client: HttpClient, families: string[], docs: Doc[], acked: Acked, rnd: () => number, stopped: () => boolean, tag: string) {
  const mine: string[] = [];
  for (let n = 0; !stopped(); n++) {
    const familyId = families[Math.floor(rnd() * families.length)]!;
    const roll = rnd();
    try {
      if (roll < 0.45 || mine.length === 0) {
        const doc = docs.find((d) => d.familyId === familyId)!;
        const start = Math.floor(rnd() * (doc.text.length - 20));
        const comment = `${tag}-${n}`;
        const r = await client.call('POST', '/api/studies/mini/annotations', {
          documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + 12, exact: doc.text.slice(start, start + 12) }, comment,
        });
        if (r.status === 201) {
          acked.annotations.set(r.json.id, { familyId: doc.familyId, version: r.json.version, comment, deleted: false });
          mine.push(r.json.id);
        }
      } else if (roll < 0.7) {
        const id = mine[Math.floor(rnd() * mine.length)]!;
        const known = acked.annotations.get(id)!;
        const comment = `${tag}-${n}-ändrad`;
        const r = await client.call('PATCH', `/api/studies/mini/annotations/${id}`, { comment }, { 'if-match': String(known.version) });
        if (r.status === 200) acked.annotations.set(id, { ...known, version: r.json.version, comment });
      } else if (roll < 0.8) {
        const id = mine.splice(Math.floor(rnd() * mine.length), 1)[0]!;
        const known = acked.annotations.get(id)!;
        acked.annotations.set(id, { ...known, deleting: true });
        const r = await client.call('DELETE', `/api/studies/mini/annotations/${id}`, undefined, { 'if-match': String(known.version) });
        if (r.status === 204) acked.annotations.set(id, { ...known, deleted: true });
      } else {
        const key = KEYS[Math.floor(rnd() * KEYS.length)]!;
        const path = `/api/studies/mini/families/${familyId}/reflections/${key}`;
        const current = await client.call('GET', path);
        const text = `${tag}-${n} reflektion`;
        const r = await client.call('PUT', path, { text }, { 'if-match': String(current.json.version) });
        if (r.status === 200) {
          const k = `${familyId}/${key}`;
          if ((acked.reflections.get(k)?.version ?? 0) < r.json.version) acked.reflections.set(k, { version: r.json.version, text });
        }
      }
    } catch {
      // The server died under this request: it was never acknowledged.
    }
  }
}

/** Everything acknowledged is stored at its last acknowledged version (or one unanswered write later). */
async function assertAcknowledgedWritesKept(lead: HttpClient, acked: Acked, round: number) {
  const stored = new Map<string, any>();
  for (const f of ['fam-1', 'fam-2', 'fam-3']) {
    const list = await lead.call('GET', `/api/studies/mini/annotations?family=${f}`);
    assert.is(list.status, 200);
    for (const a of list.json) stored.set(a.id, a);
  }
  for (const [id, a] of acked.annotations) {
    const s = stored.get(id);
    if (a.deleting && !s) continue;
    if (a.deleted) {
      assert.not.ok(s, `round ${round}: annotation ${id} was deleted (acknowledged) but is back`);
      continue;
    }
    assert.ok(s, `round ${round}: acknowledged annotation ${id} is missing`);
    assert.ok(s.version >= a.version, `round ${round}: ${id} went back from version ${a.version} to ${s.version}`);
    if (s.version === a.version) assert.is(s.comment, a.comment, `round ${round}: ${id} at version ${a.version}`);
  }
  for (const [k, r] of acked.reflections) {
    const [familyId, key] = k.split('/');
    const s = (await lead.call('GET', `/api/studies/mini/families/${familyId}/reflections/${key}`)).json;
    assert.ok(s.version >= r.version, `round ${round}: reflection ${k} went back from ${r.version} to ${s.version}`);
    if (s.version === r.version) assert.is(s.text, r.text, `round ${round}: reflection ${k}`);
  }
}

const crash = suite('The server killed with SIGKILL under write load');

crash(`keeps every acknowledged write through ${ROUNDS} kills at random moments, and starts every time`, async () => {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
  console.log(`  (CRASH_SEED=${seed})`);
  const rnd = random(seed);
  const dataDir = await seededDataDir();
  const env = { BACKSPEGEL_COMPACT_AFTER: '10' };
  const acked: Acked = { annotations: new Map(), reflections: new Map() };
  let server = await startServer(dataDir, env);
  const sessions = new Map<string, string>();
  for (const name of Object.keys(FAMILIES)) sessions.set(name, (await new HttpClient(server.url).login(name)).cookie);
  const lead = Object.assign(new HttpClient(server.url), { cookie: sessions.get('projektledare')! });
  const docs: Doc[] = [];
  for (const f of ['fam-1', 'fam-2', 'fam-3']) {
    const [doc] = (await lead.call('GET', `/api/studies/mini/families/${f}/documents`)).json;
    docs.push({ id: doc.id, familyId: f, text: (await lead.call('GET', `/api/studies/mini/documents/${doc.id}`)).json.text });
  }
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      let stop = false;
      const names = Object.keys(FAMILIES);
      const writers = Array.from({ length: CLIENTS }, (_, i) => {
        const name = names[i % names.length]!;
        const client = Object.assign(new HttpClient(server.url), { cookie: sessions.get(name)! });
        return writeUntilStopped(client, FAMILIES[name]!, docs, acked, random(seed * 100 + round * 31 + i), () => stop, `r${round}c${i}`);
      });
      await new Promise((r) => setTimeout(r, 150 + Math.floor(rnd() * 1200)));
      await server.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      assert.is((await new AuditLog(dataDir, await readSecret(dataDir), () => undefined).verify()).ok, true, `round ${round}: the audit chain holds after the kill`);
      server = await startServer(dataDir, env);
      const again = Object.assign(new HttpClient(server.url), { cookie: sessions.get('projektledare')! });
      await assertAcknowledgedWritesKept(again, acked, round);
    }
    assert.ok(acked.annotations.size > ROUNDS * 5, `the load acknowledged only ${acked.annotations.size} annotations`);
  } finally {
    await server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

crash.run();
