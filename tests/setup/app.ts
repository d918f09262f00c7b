// Test fixtures for the HTTP API: a fresh data directory seeded with a study, the real app,
// and a small client that keeps the session cookie and sends a same-origin Origin header.
import { mkdtemp, rm } from 'node:fs/promises';
import { suite } from 'uvu';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { FAST_COST } from '../../server/auth/password.ts';
import { DEMO_STUDY_DIR, seedDemo } from '../../server/seed/demo.ts';
import { Store, type StoreOptions } from '../../server/store/store.ts';
import { SearchIndexes } from '../../server/search/search-indexes.ts';

export const MINI_STUDY_DIR = new URL('../fixtures/mini-study/', import.meta.url).pathname;
export const ORIGIN = 'http://localhost';

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

/** The body as JSON, or undefined when it is not JSON (an HTML page, an empty 204). */
export function parseJsonOrUndefined(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class TestClient {
  cookie = '';
  constructor(private app: ReturnType<typeof createApp>) {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { origin: ORIGIN, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      payload = body;
      h['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers: h, body: payload });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      this.cookie = pair!.endsWith('=') || /Max-Age=0/i.exec(c) ? '' : pair!;
    }
    const text = await res.text();
    const json = parseJsonOrUndefined(text);
    return { status: res.status, headers: res.headers, json, text };
  }

  async login(username: string, password = 'demo'): Promise<TestResponse> {
    const r = await this.call('POST', '/api/session', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status}`);
    return r;
  }
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  dataDir: string;
  /** A client already logged in as `username` (password "demo"). */
  as(username: string): Promise<TestClient>;
  anonymous(): TestClient;
  /** The app's search indexes (to wait for one to be built). */
  search: SearchIndexes;
  /** Opens the same data directory again, as after a server restart. */
  restart(): Promise<TestApp>;
  cleanup(): Promise<void>;
}

interface TestAppOptions {
  study?: 'mini' | 'demo';
  clock?: () => Date;
  /** e.g. a small `compactAfter`, so that a few writes fold the journal. */
  storeOptions?: StoreOptions;
  /** How long a search waits for its index (0: not at all, so a search of an index not yet built answers 503). */
  searchWaitMs?: number;
}

async function build(dataDir: string, options: TestAppOptions): Promise<TestApp> {
  const { clock } = options;
  const store = await Store.open(dataDir, { log: () => undefined, ...options.storeOptions });
  const search = new SearchIndexes({ waitMs: options.searchWaitMs });
  const app = createApp({ store, clock, search });
  const t: TestApp = {
    app,
    store,
    search,
    dataDir,
    anonymous: () => new TestClient(app),
    async as(username) {
      const client = new TestClient(app);
      await client.login(username);
      return client;
    },
    restart: () => build(dataDir, options),
    // As a clean shutdown does: the audit head checkpoint (written a moment after the appends) first,
    // so its timer cannot write into the directory while it is removed.
    cleanup: async () => {
      await store.audit.flush();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return t;
}

/** A new app over a temp data directory seeded with the mini study (or the full demo). */
export async function makeTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'backspegel-test-'));
  const store = await Store.open(dataDir, options.storeOptions);
  await seedDemo(store, {
    passwordCost: FAST_COST,
    clock: options.clock,
    dir: options.study === 'demo' ? DEMO_STUDY_DIR : MINI_STUDY_DIR,
  });
  return build(dataDir, options);
}

/** A uvu suite whose every test gets a fresh app over its own data directory (`ctx.t`), removed afterwards. */
export function appSuite(name: string, options: Parameters<typeof makeTestApp>[0] = {}) {
  const s = suite<{ t: TestApp }>(name);
  s.before.each(async (ctx) => {
    ctx.t = await makeTestApp(options);
  });
  s.after.each(async (ctx) => {
    await ctx.t.cleanup();
  });
  return s;
}
