// A real HTTP server for browser tests: the built client and the API over a temp data directory
// seeded with the demo study, on a free port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { FAST_COST } from '../../server/auth/password.ts';
import { DEMO_STUDY_DIR, seedDemo } from '../../server/seed/demo.ts';
import { Store } from '../../server/store/store.ts';

const CLIENT_DIR = new URL('../../client/dist/', import.meta.url).pathname;

export async function startTestServer(
  options: {
    studyDir?: string;
    /** Instead of the demo: set up an empty data directory yourself. */
    prepare?: (store: Store) => Promise<void>;
    /**
     * Also the demo målgruppsinventering (default no): the browser tests work in the case-file demo and
     * expect a user to land in it, the only study, after logging in; with two studies the start page is the list.
     */
    inventory?: boolean;
  } = {},
): Promise<{ url: string; dataDir: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'backspegel-e2e-'));
  const store = await Store.open(dataDir, { log: () => undefined });
  if (options.prepare) await options.prepare(store);
  else await seedDemo(store, { passwordCost: FAST_COST, dir: options.studyDir ?? DEMO_STUDY_DIR, inventory: options.inventory ?? false });
  // Passwords set in the browser (new accounts, changes) are hashed cheaply too: scrypt at production cost
  // takes about a second here, and no browser test is about the cost.
  const app = createApp({ store, clientDir: CLIENT_DIR, passwordCost: FAST_COST });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.audit.flush();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
