// A uvu suite for browser tests: one real server (demo study, or E2E_STUDY_DIR) and one Chromium
// per file, in the context as `server` and `browser`, stopped after the last test.
import { suite } from 'uvu';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';

export interface BrowserContext {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
}

export function browserSuite(name: string) {
  const s = suite<BrowserContext>(name);
  s.before(async (ctx) => {
    ctx.server = await startTestServer(process.env.E2E_STUDY_DIR ? { studyDir: process.env.E2E_STUDY_DIR } : {});
    ctx.browser = await launchBrowser();
  });
  s.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return s;
}
